import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { LockIcon } from '../../../components/icons';
import { useAdminSession } from './admin-session-context';

/** What an admin page shows while the admin area is locked. */
export function LockedNotice({ page }: { page: string }) {
  const { requestUnlock } = useAdminSession();
  return (
    <Card withBorder padding="xl" maw={560}>
      <Stack>
        <Group gap="sm">
          <LockIcon size={22} />
          <Title order={2}>{page} is an admin page</Title>
        </Group>
        <Text c="dimmed">
          Unlock the admin area with the admin password and a code from your authenticator app. The session locks itself
          after 15 minutes without activity.
        </Text>
        <Group>
          <Button onClick={requestUnlock} leftSection={<LockIcon size={16} />}>
            Unlock admin
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
