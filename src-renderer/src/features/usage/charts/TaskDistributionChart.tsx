import { ChartTooltip } from '@mantine/charts';
import { Group, Stack, Text } from '@mantine/core';
import { memo } from 'react';
import { Pie, PieChart, Tooltip } from 'recharts';
import type { StatsRowDto, Task } from '@contract';
import { formatInteger, formatPercent } from '../../../lib/format';
import { TASK_LABELS } from '../../providers/kinds';
import { themeColor } from '../chart-parts';
import { ChartEngagement, WhenEngaged } from '../ChartEngagement';
import { CHART_HEIGHT, ChartCard } from '../ChartCard';
import { seriesColor } from '../series';

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
  const slices = data.map((d) => ({ ...d, fill: themeColor(d.color), stroke: 'var(--mantine-color-body)' }));
  return (
    <ChartCard title={TITLE}>
      <Group justify="center" gap="xl" wrap="wrap" mih={CHART_HEIGHT}>
        <ChartEngagement className="usage-chart" style={{ width: SIZE, height: SIZE }}>
          <PieChart width={SIZE} height={SIZE}>
            <Pie
              data={slices}
              dataKey="value"
              nameKey="name"
              innerRadius={SIZE / 2 - THICKNESS}
              outerRadius={SIZE / 2}
              strokeWidth={1}
              isAnimationActive={false}
              zIndex={0}
            />
            <text
              x="50%"
              y="50%"
              textAnchor="middle"
              dominantBaseline="middle"
              style={{ fill: 'var(--mantine-color-text)', fontSize: 'var(--mantine-font-size-sm)' }}
            >
              {formatInteger(total)}
            </text>
            <WhenEngaged>
              <Tooltip
                isAnimationActive={false}
                content={() => <ChartTooltip payload={data} type="radial" valueFormatter={formatInteger} />}
              />
            </WhenEngaged>
          </PieChart>
        </ChartEngagement>
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
