import { Group, Stack, Text } from '@mantine/core';
import { memo } from 'react';
import type { StatsRowDto, Task } from '@contract';
import { formatInteger, formatPercent } from '../../../lib/format';
import { TASK_LABELS } from '../../providers/kinds';
import { themeColor } from '../chart-parts';
import { CHART_HEIGHT, ChartCard } from '../ChartCard';
import { seriesColor } from '../series';
import { SvgDonut } from '../SvgDonut';

const taskLabel = (key: string) => TASK_LABELS[key as Task] ?? key;

const TITLE = 'Calls by task';
/** The donut's outer diameter and ring width, px. */
const SIZE = 180;
const THICKNESS = 28;

/** Calls per task (`task`), as a donut with a text legend; a placeholder while `rows` is null. */
export const TaskDistributionChart = memo(function TaskDistributionChart({ rows }: { rows: StatsRowDto[] | null }) {
  if (!rows) return <ChartCard title={TITLE} />;
  const total = rows.reduce((s, r) => s + r.calls, 0);
  const data = rows.map((r, i) => ({ name: taskLabel(r.key), value: r.calls, color: seriesColor(i) }));
  return (
    <ChartCard title={TITLE}>
      <Group justify="center" gap="xl" wrap="wrap" mih={CHART_HEIGHT}>
        <div className="usage-chart" style={{ width: SIZE, height: SIZE, position: 'relative' }}>
          <SvgDonut
            size={SIZE}
            thickness={THICKNESS}
            slices={data}
            total={formatInteger(total)}
            format={formatInteger}
            label={TITLE}
          />
        </div>
        <Stack gap={6}>
          {data.map((d) => (
            <Group key={d.name} gap="xs" wrap="nowrap">
              <span
                aria-hidden="true"
                style={{ width: 10, height: 10, borderRadius: 2, background: themeColor(d.color) }}
              />
              <Text size="sm">
                {d.name}: {formatInteger(d.value)} ({formatPercent(total ? d.value / total : 0, 0)})
              </Text>
            </Group>
          ))}
        </Stack>
      </Group>
    </ChartCard>
  );
});
