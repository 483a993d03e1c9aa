import { Alert, Button, Checkbox, Group, List, Modal, NumberInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { RetentionEstimate, RetentionSettings as Retention, RetentionStatus } from '@contract';
import {
  formatBytes,
  optionFreedText,
  optionRows,
  purgeText,
  RETENTION_OPTIONS,
  ruleText,
  type RetentionOption,
} from '@shared/retention-text';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { call } from '../../lib/ipc';
import { formatDateTime } from '../../lib/format';
import { notifyError, notifySuccess, notifyWarning } from '../../lib/notify';
import { useAction } from '../../lib/use-action';
import { useCall } from '../../lib/use-call';
import { SettingsCard } from './SettingsCard';

const FIELD: Record<RetentionOption, { check: string; input: string; unit: string; initial: number; max: number }> = {
  usageEventsDays: {
    check: 'Remove usage events older than',
    input: 'Usage events: days',
    unit: 'days',
    initial: 365,
    max: 36_500,
  },
  documentVersionsKeep: {
    check: 'Keep only the newest versions of each document',
    input: 'Document versions: newest to keep',
    unit: 'versions',
    initial: 10,
    max: 10_000,
  },
  auditDays: {
    check: 'Remove audit entries older than',
    input: 'Audit entries: days',
    unit: 'days',
    initial: 365,
    max: 36_500,
  },
};

type Draft = Record<RetentionOption, { on: boolean; value: number | string }>;

const draftOf = (s: Retention): Draft => ({
  usageEventsDays: { on: s.usageEventsDays !== null, value: s.usageEventsDays ?? FIELD.usageEventsDays.initial },
  documentVersionsKeep: {
    on: s.documentVersionsKeep !== null,
    value: s.documentVersionsKeep ?? FIELD.documentVersionsKeep.initial,
  },
  auditDays: { on: s.auditDays !== null, value: s.auditDays ?? FIELD.auditDays.initial },
});

const valid = (key: RetentionOption, v: number | string) =>
  Number.isInteger(Number(v)) && Number(v) >= 1 && Number(v) <= FIELD[key].max;

const settingsOf = (d: Draft): Retention => ({
  usageEventsDays: d.usageEventsDays.on ? Number(d.usageEventsDays.value) : null,
  documentVersionsKeep: d.documentVersionsKeep.on ? Number(d.documentVersionsKeep.value) : null,
  auditDays: d.auditDays.on ? Number(d.auditDays.value) : null,
});

const removing = (estimate: RetentionEstimate | null) =>
  RETENTION_OPTIONS.filter((o) => (estimate ? optionRows(o.key, estimate) : 0) > 0);

/** Admin: how long usage events, document versions and audit entries are kept, and what that frees now. */
export function RetentionSettings() {
  const status = useCall('retention:status', {});
  return (
    <SettingsCard
      title="Retention"
      description="How long history is kept. The default keeps everything. Removing usage events also removes the provider health history of the same age (each provider's latest probe and state change stay). The hourly and daily usage totals always stay, so dashboards, budgets and metrics do not change. Audit entries go as a checkpointed prefix: verifying the audit log still checks every entry kept. Aditus purges at start and once a day; saving purges at once."
    >
      {status.error && <ErrorAlert title="Could not load retention" message={status.error} />}
      {!status.data && status.loading && <LoadingBlock label="Loading retention…" />}
      {status.data && <RetentionForm status={status.data} onSaved={status.reload} />}
    </SettingsCard>
  );
}

function RetentionForm({ status, onSaved }: { status: RetentionStatus; onSaved: () => void }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(status.settings));
  const [confirming, setConfirming] = useState(false);
  const allValid = RETENTION_OPTIONS.every((o) => !draft[o.key].on || valid(o.key, draft[o.key].value));
  const settings = settingsOf(draft);
  const changed = JSON.stringify(settings) !== JSON.stringify(status.settings);
  // What the settings in the form would free now (the saved ones when the form is unchanged).
  const estimate = useCall('retention:estimate', allValid ? settings : status.settings);
  const save = useAction(async () => {
    try {
      const { purge } = await call('retention:set', settings);
      setConfirming(false);
      notifySuccess('Retention saved', purgeText(purge));
      if (purge.auditBlocked) notifyWarning('Audit entries were not pruned', purge.auditBlocked);
      onSaved();
      estimate.reload();
    } catch (err) {
      notifyError('Could not save retention', err);
    }
  });
  const toRemove = removing(estimate.data);
  const set = (key: RetentionOption, patch: Partial<Draft[RetentionOption]>) =>
    setDraft((d) => ({ ...d, [key]: { ...d[key], ...patch } }));
  const db = status.database;

  return (
    <Stack gap="sm">
      {RETENTION_OPTIONS.map(({ key, label }) => {
        const field = FIELD[key];
        return (
          <Stack key={key} gap={4} role="group" aria-label={label}>
            <Group align="center" gap="sm" wrap="nowrap">
              <Checkbox
                label={field.check}
                checked={draft[key].on}
                onChange={(e) => set(key, { on: e.currentTarget.checked })}
              />
              <NumberInput
                aria-label={field.input}
                min={1}
                max={field.max}
                allowDecimal={false}
                value={draft[key].value}
                onChange={(value) => set(key, { value })}
                disabled={!draft[key].on}
                error={draft[key].on && !valid(key, draft[key].value) ? `1 to ${field.max}` : undefined}
                suffix={` ${field.unit}`}
                w={150}
              />
            </Group>
            <Text size="sm" c="dimmed" data-testid={`retention-estimate-${key}`}>
              {draft[key].on
                ? `Would free now: ${estimate.data ? optionFreedText(key, estimate.data) : '…'}`
                : `${label}: ${ruleText(key, null)}.`}
            </Text>
          </Stack>
        );
      })}
      <Group>
        <Button
          onClick={() => (toRemove.length > 0 ? setConfirming(true) : void save.run())}
          loading={save.running && !confirming}
          disabled={!changed || !allValid || estimate.loading}
        >
          Save retention
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        Database: {formatBytes(db.fileBytes)}, {formatBytes(db.freeBytes)} free inside (auto-vacuum {db.autoVacuum}).{' '}
        {status.lastPurge
          ? `Last purge ${formatDateTime(status.lastPurge.at)}: ${purgeText(status.lastPurge)}`
          : 'No purge has run yet.'}
      </Text>
      {status.lastPurge?.space.note && (
        <Text size="xs" c="dimmed">
          {status.lastPurge.space.note}
        </Text>
      )}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Remove history now?" centered>
        <Stack>
          <Text>Saving purges at once. This removes, and cannot be undone:</Text>
          <List>
            {toRemove.map((o) => (
              <List.Item key={o.key}>
                {o.label}: {optionFreedText(o.key, estimate.data!)}
              </List.Item>
            ))}
          </List>
          <Text size="sm" c="dimmed">
            Usage totals, dashboards, budgets and metrics stay as they are. The latest version of every document is
            always kept.
          </Text>
          {save.error && (
            <Alert color="red" title="Not saved" role="alert">
              {save.error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)} data-autofocus>
              Cancel
            </Button>
            <Button color="red" loading={save.running} onClick={() => void save.run()}>
              Remove and save
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
