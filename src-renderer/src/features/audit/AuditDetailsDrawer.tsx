import { Code, Drawer, Stack, Text, Title } from '@mantine/core';
import type { AuditRowDto } from '@contract';
import { formatDateTime } from '../../lib/format';
import { prettyJson } from './pretty-json';

function Field({ label, value, mono }: { label: string; value: string; mono?: boolean }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={700} tt="uppercase">
        {label}
      </Text>
      <Text size="sm" ff={mono ? 'monospace' : undefined} style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Text>
    </div>
  );
}

/** One audit row: who, what, when, the before/after values as formatted JSON text, and its chain hash. */
export function AuditDetailsDrawer({ row, onClose }: { row: AuditRowDto | null; onClose: () => void }) {
  return (
    <Drawer
      opened={row !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={row ? `Audit row ${row.id}` : 'Audit row'}
    >
      {row && (
        <Stack gap="md">
          <Field label="Action" value={row.action} mono />
          <Field label="When" value={formatDateTime(row.at)} />
          <Field label="Actor" value={row.actor} />
          <Field label="Target" value={row.target ?? '—'} />
          <div>
            <Title order={3} size="h6" mb={4}>
              Before
            </Title>
            <Code block>{prettyJson(row.before)}</Code>
          </div>
          <div>
            <Title order={3} size="h6" mb={4}>
              After
            </Title>
            <Code block>{prettyJson(row.after)}</Code>
          </div>
          <Field label="Hash (SHA-256, chained)" value={row.hash} mono />
        </Stack>
      )}
    </Drawer>
  );
}
