import { Badge, Stack, Table, Text } from '@mantine/core';
import type { BatchEstimate, CallEstimate } from '@contract';
import { formatInteger, formatUsd } from '../../../lib/format';

const cost = (c: CallEstimate): string => (c.costUsd === null ? 'unpriced' : `~${formatUsd(c.costUsd)}`);

function CallCells({ call }: { call: CallEstimate }) {
  if (call.providerName === null)
    return (
      <Table.Td colSpan={3}>
        <Text size="sm" c="dimmed">
          {call.note}
        </Text>
      </Table.Td>
    );
  return (
    <>
      <Table.Td>
        {call.providerName}{' '}
        <Text span size="xs" c="dimmed">
          ({call.model})
        </Text>
      </Table.Td>
      <Table.Td ta="right">
        ~{formatInteger(call.inputTokens)} + up to {formatInteger(call.maxOutputTokens)}
      </Table.Td>
      <Table.Td ta="right">{cost(call)}</Table.Td>
    </>
  );
}

/** The confirm step's estimate: per item and in total, marked as an estimate (an upper bound). */
export function BatchEstimateView({ estimate }: { estimate: BatchEstimate }) {
  const { total } = estimate;
  return (
    <Stack gap="xs" data-testid="batch-estimate">
      <Text size="sm">
        <Badge variant="light" color="yellow" mr="xs">
          Estimate
        </Badge>
        An upper bound: the input tokens the budgets estimate for each request plus the most output tokens it may use,
        priced with the price table for the provider that would answer now. Providers report what they really use.
      </Text>
      <Table.ScrollContainer minWidth={560}>
        <Table fz="sm" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Item</Table.Th>
              <Table.Th>Provider</Table.Th>
              <Table.Th ta="right">Tokens (in + out)</Table.Th>
              <Table.Th ta="right">Cost</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {estimate.extractions.map((e) => (
              <Table.Tr key={`x-${e.jobPostingId}`}>
                <Table.Td>Extract fields: {e.label}</Table.Td>
                <CallCells call={e} />
              </Table.Tr>
            ))}
            {estimate.items.map((item) => (
              <Table.Tr key={item.index} data-testid="batch-estimate-item">
                <Table.Td>{item.label}</Table.Td>
                <CallCells call={item.draft} />
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr data-testid="batch-estimate-total">
              <Table.Th>Total ({estimate.items.length} items)</Table.Th>
              <Table.Th />
              <Table.Th ta="right">
                ~{formatInteger(total.inputTokens)} + up to {formatInteger(total.maxOutputTokens)}
              </Table.Th>
              <Table.Th ta="right">
                ~{formatUsd(total.costUsd)}
                {total.unpricedCalls > 0 ? ` + ${total.unpricedCalls} unpriced` : ''}
              </Table.Th>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
