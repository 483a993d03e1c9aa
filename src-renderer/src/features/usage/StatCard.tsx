import { Card, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One headline number with its label and an optional note under it. */
export function StatCard({ label, value, note }: { label: string; value: string; note?: ReactNode }) {
  return (
    <Card withBorder padding="md" role="group" aria-label={label}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text fz={26} fw={700} lh={1.3}>
        {value}
      </Text>
      {note && (
        <Text size="xs" c="dimmed" component="div">
          {note}
        </Text>
      )}
    </Card>
  );
}
