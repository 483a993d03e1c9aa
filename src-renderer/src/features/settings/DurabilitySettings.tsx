import { Button, Group, Radio, Stack } from '@mantine/core';
import { useState } from 'react';
import type { SettingsDto } from '@contract';
import { call } from '../../lib/ipc';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useAction } from '../../lib/use-action';
import { SettingsCard } from './SettingsCard';

/** SQLite `synchronous`: NORMAL (survives an app crash) or FULL (also survives power loss, slower writes). */
export function DurabilitySettings({
  settings,
  onSaved,
}: {
  settings: SettingsDto;
  onSaved: (s: SettingsDto) => void;
}) {
  const [durability, setDurability] = useState<SettingsDto['durability']>(settings.durability);
  const save = useAction(async () => {
    try {
      onSaved(await call('settings:set', { durability }));
      notifySuccess('Database durability saved', durability);
    } catch (err) {
      notifyError('Could not save the durability setting', err);
    }
  });
  return (
    <SettingsCard
      title="Database durability"
      description="How hard the database works to keep the last writes when something goes wrong."
    >
      <Radio.Group
        value={durability}
        onChange={(v) => setDurability(v === 'FULL' ? 'FULL' : 'NORMAL')}
        label="Durability"
      >
        <Stack gap="xs" mt="xs">
          <Radio value="NORMAL" label="NORMAL — a saved change survives a crash or kill of the app (default, faster)" />
          <Radio value="FULL" label="FULL — also survives a power cut or OS crash (every write waits for the disk)" />
        </Stack>
      </Radio.Group>
      <Group>
        <Button onClick={() => void save.run()} loading={save.running} disabled={durability === settings.durability}>
          Save durability
        </Button>
      </Group>
    </SettingsCard>
  );
}
