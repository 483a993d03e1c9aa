import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { call } from '../../lib/ipc';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useAction } from '../../lib/use-action';
import { priceErrors, priceInput, type PriceValues } from './price-values';
import { UsdPerMTokInput } from './UsdPerMTokInput';

interface NewPrice extends PriceValues {
  model: string;
}

/** Price a model that is not in the table yet (e.g. a local model, or one the vendor just released). */
export function AddPriceForm({ onSaved, knownModels }: { onSaved: () => void; knownModels: string[] }) {
  const form = useForm<NewPrice>({
    initialValues: { model: '', input: '', output: '', cached: '' },
    validate: (v) => ({
      model: !v.model.trim()
        ? 'Model is required'
        : knownModels.includes(v.model.trim())
          ? 'Already priced: edit it in the table'
          : null,
      ...priceErrors(v),
    }),
  });
  const add = useAction(async (v: NewPrice) => {
    try {
      const saved = await call('prices:set', priceInput(v.model.trim(), v));
      notifySuccess('Price added', `${saved.model}: version ${saved.version}.`);
      form.reset();
      onSaved();
    } catch (err) {
      notifyError('Could not add the price', err);
    }
  });
  return (
    <Card withBorder padding="md">
      <form onSubmit={form.onSubmit((v) => void add.run(v))} noValidate aria-label="Add a model price">
        <Stack gap="xs">
          <Title order={3} size="h5">
            Price another model
          </Title>
          <Text size="xs" c="dimmed">
            USD per million tokens. Local models can be priced at $0 so their usage no longer counts as unpriced.
          </Text>
          <Group align="flex-start" gap="sm" wrap="wrap">
            <TextInput label="Model id" placeholder="e.g. llama3.1:8b" w={220} {...form.getInputProps('model')} />
            <UsdPerMTokInput label="Input" {...form.getInputProps('input')} />
            <UsdPerMTokInput label="Output" {...form.getInputProps('output')} />
            <UsdPerMTokInput label="Cached input" placeholder="= input" {...form.getInputProps('cached')} />
            <Button type="submit" mt={25} loading={add.running}>
              Add price
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
