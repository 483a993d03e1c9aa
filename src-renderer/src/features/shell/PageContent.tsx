import { Suspense } from 'react';
import { LoadingBlock } from '../../components/LoadingBlock';
import { AdminGate } from '../admin/session/AdminGate';
import { UsagePageLoader } from '../usage/UsagePageLoader';
import { ADMIN_PAGES } from './lazy-pages';
import { navItem, type PageId } from './nav';

/** The page for a navigation item; admin-only pages go through the admin gate. */
export function PageContent({ page }: { page: PageId }) {
  const item = navItem(page);
  switch (page) {
    case 'usage':
      return <UsagePageLoader />;
    case 'providers':
    case 'users':
    case 'audit':
    case 'pricing':
    case 'settings': {
      const { Page } = ADMIN_PAGES[page];
      return (
        <AdminGate page={item.label}>
          <Suspense fallback={<LoadingBlock label={`Loading ${item.label}…`} />}>
            <Page />
          </Suspense>
        </AdminGate>
      );
    }
    default:
      // Drafting pages are mounted by App (features/drafting).
      return null;
  }
}
