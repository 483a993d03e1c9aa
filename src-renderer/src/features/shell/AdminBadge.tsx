import { Badge, Button, Group, Tooltip } from '@mantine/core';
import { LockIcon, ShieldIcon } from '../../components/icons';
import { formatCountdown } from '../../lib/format';
import { useAction } from '../../lib/use-action';
import { useNow } from '../../lib/use-now';
import { notifyError } from '../../lib/notify';
import { useAdminSession } from '../admin/session/admin-session-context';

/** The caller's role in the header: Admin with the session's remaining time and Lock, or Recruiter and Unlock. */
export function AdminBadge() {
  const session = useAdminSession();
  const now = useNow(1000);
  const lock = useAction(async () => {
    try {
      await session.lock();
    } catch (err) {
      notifyError('Could not lock the admin area', err);
    }
  });
  const status = session.status;
  if (!status) return null;

  if (status.unlocked && status.expiresAt !== null) {
    const left = formatCountdown(status.expiresAt - now);
    return (
      <Group gap="xs" wrap="nowrap">
        <Tooltip label="Locks after 15 minutes without activity" withArrow>
          <Badge
            color="orange"
            variant="filled"
            size="lg"
            leftSection={<ShieldIcon size={14} />}
            aria-label={`Admin session, ${left} left`}
            data-testid="role-badge"
          >
            Admin · {left} left
          </Badge>
        </Tooltip>
        <Button
          variant="default"
          size="xs"
          leftSection={<LockIcon size={14} />}
          onClick={() => void lock.run()}
          loading={lock.running}
        >
          Lock
        </Button>
      </Group>
    );
  }

  return (
    <Group gap="xs" wrap="nowrap">
      <Badge variant="light" size="lg" data-testid="role-badge">
        Recruiter
      </Badge>
      {status.configured && !session.pendingSetup && (
        <Button variant="default" size="xs" leftSection={<LockIcon size={14} />} onClick={session.requestUnlock}>
          Unlock admin
        </Button>
      )}
    </Group>
  );
}
