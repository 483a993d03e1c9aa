import { AppShell, ScrollArea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { AdminSessionProvider } from './features/admin/session/AdminSessionProvider';
import { useAdminSession } from './features/admin/session/admin-session-context';
import { DraftingPage } from './features/drafting/DraftingPage';
import { isDraftingPage } from './features/drafting/pages';
import { useQueueNotifications } from './features/drafting/shared/use-queue-notifications';
import { useHealthNotifications } from './features/health/use-health-notifications';
import { HelpModal } from './features/help/HelpModal';
import { AppHeader } from './features/shell/AppHeader';
import { preloadPage, preloadUsagePageWhenIdle, startOpeningPage } from './features/shell/lazy-pages';
import { ADMIN_NAV, DRAFTING_NAV, navItem, type PageId } from './features/shell/nav';
import { NavSection } from './features/shell/NavSection';
import { PageContent } from './features/shell/PageContent';

function Shell() {
  const [page, setPage] = useState<PageId>('candidates');
  /** Bumped on every navigation click, so choosing the current page again reloads it. */
  const [visit, setVisit] = useState(0);
  const [helpOpen, setHelpOpen] = useState(false);
  const session = useAdminSession();
  const locked = session.status?.unlocked !== true;

  useEffect(preloadUsagePageWhenIdle, []);
  useQueueNotifications();
  useHealthNotifications();

  const select = (id: PageId) => {
    startOpeningPage(id);
    setPage(id);
    setVisit((v) => v + 1);
    if (navItem(id).adminOnly && session.status?.configured && locked && !session.pendingSetup) session.requestUnlock();
  };

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 232, breakpoint: 'sm' }} padding="lg">
      <AppShell.Header>
        <AppHeader onHelp={() => setHelpOpen(true)} />
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main navigation" component="nav">
        <ScrollArea>
          <NavSection title="Drafting" items={DRAFTING_NAV} active={page} locked={locked} onSelect={select} />
          <NavSection
            title="Admin"
            items={ADMIN_NAV}
            active={page}
            locked={locked}
            onSelect={select}
            onIntent={preloadPage}
            onPress={startOpeningPage}
          />
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        {isDraftingPage(page) ? (
          <DraftingPage page={page} onNavigate={select} />
        ) : (
          <PageContent key={visit} page={page} />
        )}
      </AppShell.Main>
      <HelpModal opened={helpOpen} onClose={() => setHelpOpen(false)} />
    </AppShell>
  );
}

export function App() {
  return (
    <AdminSessionProvider>
      <Shell />
    </AdminSessionProvider>
  );
}
