import { Card, Stack, Table, Text, Title } from '@mantine/core';
import type { UserQuotaUse } from '@contract';
import { formatDateTime } from '@shared/display-format';
import { formatQuotaUse } from '@shared/quota-format';

/** The Usage page's use against quotas: each user's tokens and cost today and this month, as `usage stats --by user`. */
export function UserQuotasCard({ quotas }: { quotas: readonly UserQuotaUse[] }) {
  const first = quotas[0];
  return (
    <Card withBorder padding="lg" component="section" aria-label="Use against quotas">
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={3} size="h4">
            Use against quotas
          </Title>
          <Text size="sm" c="dimmed">
            Each user today and this month (whatever the date range above), including calls in progress.
            {first && ` Daily quotas reset ${formatDateTime(first.dayResetsAt)}.`}
          </Text>
        </Stack>
        <Table withTableBorder aria-label="Use against quotas">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>User</Table.Th>
              <Table.Th ta="right">Tokens today</Table.Th>
              <Table.Th ta="right">Tokens this month</Table.Th>
              <Table.Th ta="right">Cost today</Table.Th>
              <Table.Th ta="right">Cost this month</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {quotas.map((q) => (
              <Table.Tr key={q.user}>
                <Table.Th scope="row">{q.known ? q.user : `${q.user} (not in the user list)`}</Table.Th>
                <Table.Td ta="right">{formatQuotaUse(q.dayTokens, 'tokens')}</Table.Td>
                <Table.Td ta="right">{formatQuotaUse(q.monthTokens, 'tokens')}</Table.Td>
                <Table.Td ta="right">{formatQuotaUse(q.dayCostUsd, 'usd')}</Table.Td>
                <Table.Td ta="right">{formatQuotaUse(q.monthCostUsd, 'usd')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Card>
  );
}
