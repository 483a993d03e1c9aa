import { AuditPage } from '../audit/AuditPage';
import { AdminGate } from '../admin/session/AdminGate';
import { PricingPage } from '../pricing/PricingPage';
import { ProvidersPage } from '../providers/ProvidersPage';
import { SettingsPage } from '../settings/SettingsPage';
import { UsagePage } from '../usage/UsagePage';
import { navItem, type PageId } from './nav';

/** The page for a navigation item; admin-only pages go through the admin gate. */
export function PageContent({ page }: { page: PageId }) {
  const item = navItem(page);
  switch (page) {
    case 'providers':
      return (
        <AdminGate page={item.label}>
          <ProvidersPage />
        </AdminGate>
      );
    case 'usage':
      return <UsagePage />;
    case 'audit':
      return (
        <AdminGate page={item.label}>
          <AuditPage />
        </AdminGate>
      );
    case 'pricing':
      return (
        <AdminGate page={item.label}>
          <PricingPage />
        </AdminGate>
      );
    case 'settings':
      return (
        <AdminGate page={item.label}>
          <SettingsPage />
        </AdminGate>
      );
    default:
      // Drafting pages are mounted by App (features/drafting).
      return null;
  }
}
