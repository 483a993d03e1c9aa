import { Card, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** Every chart's plot height, and its placeholder's while its data loads (so nothing moves when it lands). */
export const CHART_HEIGHT = 240;

/**
 * A titled chart panel; `summary` is a one-line text version of the chart for screen readers and skimmers.
 * Without children it is the placeholder of a chart whose data has not arrived yet.
 */
export function ChartCard({ title, summary, children }: { title: string; summary?: string; children?: ReactNode }) {
  const pending = children === undefined;
  return (
    <Card withBorder padding="md" component="section" aria-label={title} aria-busy={pending || undefined}>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {title}
        </Title>
        {summary && (
          <Text size="xs" c="dimmed">
            {summary}
          </Text>
        )}
        {pending ? <Skeleton h={CHART_HEIGHT} animate={false} /> : children}
      </Stack>
    </Card>
  );
}
