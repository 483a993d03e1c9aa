import { AppShell, Badge, Group, NavLink, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ProvidersPage } from './features/providers/ProvidersPage';
import { ADMIN_NAV, DRAFTING_NAV, type NavItem, type PageId } from './features/shell/nav';
import { useCall } from './lib/use-call';

function NavSection({
  title,
  items,
  active,
  onSelect,
}: {
  title: string;
  items: NavItem[];
  active: PageId;
  onSelect: (id: PageId) => void;
}) {
  return (
    <Stack gap={2} mb="md">
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm">
        {title}
      </Text>
      {items.map((item) => (
        <NavLink key={item.id} label={item.label} active={item.id === active} onClick={() => onSelect(item.id)} />
      ))}
    </Stack>
  );
}

function Placeholder({ title }: { title: string }) {
  return (
    <Stack>
      <Title order={2}>{title}</Title>
      <Text c="dimmed">This screen is not built yet.</Text>
    </Stack>
  );
}

export function App() {
  const [page, setPage] = useState<PageId>('candidates');
  const info = useCall('app:info', {});
  const title = [...DRAFTING_NAV, ...ADMIN_NAV].find((n) => n.id === page)?.label ?? '';
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 'sm' }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Title order={1} size="h3">
            Aditus
          </Title>
          <Group gap="xs">
            {info.data && <Badge variant="light">{info.data.role === 'admin' ? 'Admin' : 'Recruiter'}</Badge>}
            {info.data && (
              <Text size="xs" c="dimmed">
                v{info.data.version}
              </Text>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main navigation">
        <ScrollArea>
          <NavSection title="Drafting" items={DRAFTING_NAV} active={page} onSelect={setPage} />
          <NavSection title="Admin" items={ADMIN_NAV} active={page} onSelect={setPage} />
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>{page === 'providers' ? <ProvidersPage /> : <Placeholder title={title} />}</AppShell.Main>
    </AppShell>
  );
}
