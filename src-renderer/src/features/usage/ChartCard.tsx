import { Card, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** Every chart's plot height, and its placeholder's while its data loads (so nothing moves when it lands). */
export const CHART_HEIGHT = 240;

/**
 * A titled chart panel; `summary` is a one-line text version of the chart for screen readers and skimmers.
 * `pending` while its data has not arrived (the chart shows its own placeholder); without children it is a
 * placeholder of the chart's size.
 */
export function ChartCard({
  title,
  summary,
  pending = false,
  children,
}: {
  title: string;
  summary?: string;
  pending?: boolean;
  children?: ReactNode;
}) {
  return (
    <Card
      withBorder
      padding="md"
      component="section"
      aria-label={title}
      aria-busy={pending || children === undefined || undefined}
    >
      <Stack gap="xs">
        <Title order={3} size="h5">
          {title}
        </Title>
        {summary && (
          <Text size="xs" c="dimmed">
            {summary}
          </Text>
        )}
        {children === undefined ? <Skeleton h={CHART_HEIGHT} animate={false} /> : children}
      </Stack>
    </Card>
  );
}
