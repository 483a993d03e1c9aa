import { Button, Group, NumberInput, Switch } from '@mantine/core';
import { useState } from 'react';
import type { SettingsDto } from '@contract';
import { call, IpcError } from '../../lib/ipc';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useAction } from '../../lib/use-action';
import { SettingsCard } from './SettingsCard';

const validPort = (p: number | string) => Number.isInteger(Number(p)) && Number(p) >= 1024 && Number(p) <= 65535;

/** What saving did: the exporter starts, moves or stops at once (and starts with Aditus while it is on). */
function exporterNow({ enabled, port }: SettingsDto['metricsExporter']): string {
  return enabled
    ? `Serving metrics now at http://127.0.0.1:${port}/metrics, and each time Aditus starts.`
    : 'Stopped now: /metrics is no longer served.';
}

/** The optional Prometheus exporter on 127.0.0.1 (`settings:set` metricsExporter). */
export function MetricsExporterSettings({
  settings,
  onSaved,
}: {
  settings: SettingsDto;
  onSaved: (s: SettingsDto) => void;
}) {
  const [enabled, setEnabled] = useState(settings.metricsExporter.enabled);
  const [port, setPort] = useState<number | string>(settings.metricsExporter.port);
  const changed = enabled !== settings.metricsExporter.enabled || Number(port) !== settings.metricsExporter.port;
  const save = useAction(async () => {
    try {
      const saved = await call('settings:set', { metricsExporter: { enabled, port: Number(port) } });
      onSaved(saved);
      notifySuccess('Metrics exporter saved', exporterNow(saved.metricsExporter));
    } catch (err) {
      // `conflict`: saved, but its port could not be bound (the message says so).
      notifyError(
        err instanceof IpcError && err.code === 'conflict'
          ? 'Metrics exporter not started'
          : 'Could not save the metrics exporter',
        err,
      );
    }
  });
  return (
    <SettingsCard
      title="Metrics exporter"
      description="Serves Prometheus metrics (calls, tokens, cost, latency, errors, fallbacks) at http://127.0.0.1:PORT/metrics for a team's Prometheus. Loopback only. Saving starts, moves or stops it at once; while it is on, it also starts with Aditus. If the port is already in use, saving says so and it stays off."
    >
      <Group align="flex-end" gap="lg">
        <Switch label="Serve /metrics" checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} />
        <NumberInput
          label="Port"
          min={1024}
          max={65535}
          allowDecimal={false}
          value={port}
          onChange={setPort}
          error={validPort(port) ? undefined : '1024 to 65535'}
          w={140}
        />
        <Button onClick={() => void save.run()} loading={save.running} disabled={!changed || !validPort(port)}>
          Save exporter settings
        </Button>
      </Group>
    </SettingsCard>
  );
}
