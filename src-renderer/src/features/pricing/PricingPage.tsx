import { Stack, Table, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { PageHeader } from '../../components/PageHeader';
import { useCall } from '../../lib/use-call';
import { AddPriceForm } from './AddPriceForm';
import { PriceRow } from './PriceRow';

/** Admin: the versioned price table (USD per million tokens); each save adds a version. */
export function PricingPage() {
  const prices = useCall('prices:list', {});
  const [query, setQuery] = useState('');
  const rows = (prices.data ?? []).filter((p) => p.model.toLowerCase().includes(query.trim().toLowerCase()));
  return (
    <Stack gap="lg">
      <PageHeader
        title="Pricing"
        description="USD per million tokens. Usage records the price version it was costed with; a model without a price is shown as unpriced, never guessed."
      />
      {prices.error && <ErrorAlert title="Could not load prices" message={prices.error} />}
      <AddPriceForm onSaved={prices.reload} knownModels={(prices.data ?? []).map((p) => p.model)} />
      <TextInput
        label="Filter models"
        placeholder="e.g. gemini"
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        maw={280}
      />
      {prices.data === null && prices.loading && <LoadingBlock label="Loading prices…" />}
      {prices.data && (
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing={6} aria-label="Prices">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Model</Table.Th>
                <Table.Th>Input $/1M</Table.Th>
                <Table.Th>Output $/1M</Table.Th>
                <Table.Th>Cached input $/1M</Table.Th>
                <Table.Th ta="right">Version</Table.Th>
                <Table.Th>Source</Table.Th>
                <Table.Th>Effective</Table.Th>
                <Table.Th>Save</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((p) => (
                <PriceRow key={`${p.model}@${p.version}`} price={p} onSaved={prices.reload} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
