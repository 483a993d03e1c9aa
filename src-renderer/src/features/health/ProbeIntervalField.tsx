import { Select } from '@mantine/core';
import { useEffect, useState } from 'react';
import { formatProbeEvery, parseProbeEvery } from '@shared/probe-interval';
import { call } from '../../lib/ipc';

const CHOICES = ['off', '1m', '5m', '15m', '30m', '1h', '6h', '1d'];

/** The probe interval the form edits (`off` by default), loaded for a saved provider and saved after it. */
export function useProbeInterval(savedName: string | null) {
  const [loaded, setLoaded] = useState('off');
  const [value, setValue] = useState('off');
  useEffect(() => {
    if (savedName === null) return;
    void call('providers:health-status', { name: savedName }).then(
      ([status]) => {
        const text = formatProbeEvery(status?.probeEveryMs ?? null);
        setLoaded(text);
        setValue(text);
      },
      () => undefined,
    );
  }, [savedName]);
  return {
    value,
    setValue,
    /** After the config is saved under `name`: stores the interval if it changed. */
    save: async (name: string) => {
      if (value === loaded) return;
      await call('providers:set-probe', { name, everyMs: parseProbeEvery(value) });
      setLoaded(value);
    },
  };
}

export function ProbeIntervalField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const data = CHOICES.includes(value) ? CHOICES : [...CHOICES, value];
  return (
    <Select
      label="Health probes"
      description="A models call (no tokens) by the desktop app or web host, paused when offline"
      data={data.map((v) => ({ value: v, label: v === 'off' ? 'Off' : `Every ${v}` }))}
      value={value}
      onChange={(v) => onChange(v ?? 'off')}
      allowDeselect={false}
    />
  );
}
