import { ActionIcon, Button, Group, Table, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import type { PriceDto } from '@contract';
import { UndoIcon } from '../../components/icons';
import { call } from '../../lib/ipc';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useAction } from '../../lib/use-action';
import { PriceInput } from './PriceInput';
import { priceErrors, priceInput, sameValues, sourceLabel, valuesOf, type PriceValues } from './price-values';

/** One model's current price, editable in place; Save adds a new version (`prices:set`). */
export function PriceRow({ price, onSaved }: { price: PriceDto; onSaved: () => void }) {
  const [values, setValues] = useState<PriceValues>(() => valuesOf(price));
  const errors = priceErrors(values);
  const changed = !sameValues(values, valuesOf(price));
  const save = useAction(async () => {
    try {
      const saved = await call('prices:set', priceInput(price.model, values));
      notifySuccess('Price saved', `${saved.model} is now at version ${saved.version}.`);
      onSaved();
    } catch (err) {
      notifyError(`Could not save the price of ${price.model}`, err);
    }
  });
  const set = (key: keyof PriceValues) => (v: number | string) => setValues({ ...values, [key]: v });

  return (
    <Table.Tr>
      <Table.Td>
        <Text ff="monospace" size="sm" style={{ whiteSpace: 'nowrap' }}>
          {price.model}
        </Text>
      </Table.Td>
      <Table.Td>
        <PriceInput
          label={`${price.model} input price`}
          value={values.input}
          error={errors.input}
          onChange={set('input')}
        />
      </Table.Td>
      <Table.Td>
        <PriceInput
          label={`${price.model} output price`}
          value={values.output}
          error={errors.output}
          onChange={set('output')}
        />
      </Table.Td>
      <Table.Td>
        <PriceInput
          label={`${price.model} cached input price`}
          value={values.cached}
          error={errors.cached}
          onChange={set('cached')}
          placeholder="= input"
        />
      </Table.Td>
      <Table.Td ta="right">v{price.version}</Table.Td>
      <Table.Td>
        <Tooltip label={price.source} withArrow>
          <Text size="sm" truncate maw={150} tabIndex={0}>
            {sourceLabel(price.source)}
          </Text>
        </Tooltip>
        {price.createdBy !== 'shipped' && (
          <Text size="xs" c="dimmed" truncate maw={150}>
            by {price.createdBy}
          </Text>
        )}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{price.effectiveDate}</Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <Button
            size="xs"
            disabled={!changed || Object.keys(errors).length > 0}
            loading={save.running}
            onClick={() => void save.run()}
            aria-label={`Save price of ${price.model}`}
          >
            Save
          </Button>
          {changed && (
            <Tooltip label="Undo changes" withArrow>
              <ActionIcon
                variant="subtle"
                onClick={() => setValues(valuesOf(price))}
                aria-label={`Undo changes to ${price.model}`}
              >
                <UndoIcon size={16} />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
