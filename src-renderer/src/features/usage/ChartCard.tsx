import { Card, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled chart panel; `summary` is a one-line text version of the chart for screen readers and skimmers. */
export function ChartCard({ title, summary, children }: { title: string; summary?: string; children: ReactNode }) {
  return (
    <Card withBorder padding="md" component="section" aria-label={title}>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {title}
        </Title>
        {summary && (
          <Text size="xs" c="dimmed">
            {summary}
          </Text>
        )}
        {children}
      </Stack>
    </Card>
  );
}
