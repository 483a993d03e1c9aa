import { Badge, Stack, Table, Text } from '@mantine/core';
import type { TransferPlan } from '@contract';
import { ACTION_LABELS, KEY_LABELS } from './transfer-words';

/** What an import will do (or did): each provider's action and key, then prices, settings, routing and task policies. */
export function ImportPreview({ plan }: { plan: TransferPlan }) {
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        Exported {new Date(plan.exportedAt).toLocaleString()}
        {plan.keysIncluded ? ', with encrypted API keys' : ', without API keys'}.
      </Text>
      {plan.providers.length === 0 ? (
        <Text size="sm">The file holds no providers.</Text>
      ) : (
        <Table aria-label="Providers to import" striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Provider</Table.Th>
              <Table.Th>Model</Table.Th>
              <Table.Th>What happens</Table.Th>
              <Table.Th>API key</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plan.providers.map((p) => (
              <Table.Tr key={p.name}>
                <Table.Td>{p.name}</Table.Td>
                <Table.Td>{p.model}</Table.Td>
                <Table.Td>
                  <Badge color={ACTION_LABELS[p.action].color} variant="light">
                    {ACTION_LABELS[p.action].planned}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={p.key === 'needs_key' ? 'orange' : undefined}>
                    {KEY_LABELS[p.key]}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Text size="sm">
        Prices: {plan.prices.changed.length} to update
        {plan.prices.changed.length > 0 ? ` (${plan.prices.changed.join(', ')})` : ''}, {plan.prices.unchanged} already
        the same.
      </Text>
      <Text size="sm">
        Settings to change: {plan.settings.changed.length > 0 ? plan.settings.changed.join(', ') : 'none'}.
        {plan.settings.ignored.length > 0 &&
          ` Not known to this version (left out): ${plan.settings.ignored.join(', ')}.`}
      </Text>
      <Text size="sm">
        Routing strategies to change:{' '}
        {plan.routing.length > 0 ? plan.routing.map((r) => `${r.task} → ${r.strategy}`).join(', ') : 'none'}.
      </Text>
      <Text size="sm">
        Task data policies to change:{' '}
        {plan.policies.length > 0 ? plan.policies.map((p) => `${p.task} → ${p.allow}`).join(', ') : 'none'}.
      </Text>
    </Stack>
  );
}
