import { ActionIcon, Group, Text, Title, Tooltip } from '@mantine/core';
import { HelpIcon } from '../../components/icons';
import { useCall } from '../../lib/use-call';
import { ProfileSelect } from '../users/ProfileSelect';
import { AdminBadge } from './AdminBadge';
import { ColorSchemeToggle } from './ColorSchemeToggle';

export function AppHeader({ onHelp }: { onHelp: () => void }) {
  const info = useCall('app:info', {});
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="xs" align="baseline" wrap="nowrap">
        <Title order={1} size="h3">
          Aditus
        </Title>
        {info.data && (
          <Text size="xs" c="dimmed">
            v{info.data.version}
          </Text>
        )}
      </Group>
      <Group gap="sm" wrap="nowrap">
        <ProfileSelect />
        <AdminBadge />
        <Tooltip label="Admin guide" withArrow>
          <ActionIcon variant="default" size="lg" onClick={onHelp} aria-label="Open the admin guide">
            <HelpIcon />
          </ActionIcon>
        </Tooltip>
        <ColorSchemeToggle />
      </Group>
    </Group>
  );
}
