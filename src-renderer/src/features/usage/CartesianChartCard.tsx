import type { ReactNode } from 'react';
import type { ChartSeries } from './chart-parts';
import { ChartBox } from './ChartBox';
import { CHART_HEIGHT, ChartCard } from './ChartCard';
import { LEGEND_HEIGHT, SeriesLegend } from './SeriesLegend';

/**
 * A chart card with a plot across its width and, unless `legend` is false, the series' legend under it
 * (null: not known yet, its space is kept). `plot` draws the chart at the size it is given; null while
 * the data loads (the card is then a placeholder of its size).
 */
export function CartesianChartCard({
  title,
  summary,
  legend,
  plot,
}: {
  title: string;
  summary?: string;
  legend: ChartSeries[] | null | false;
  plot: ((width: number, height: number) => ReactNode) | null;
}) {
  const height = legend === false ? CHART_HEIGHT : CHART_HEIGHT - LEGEND_HEIGHT;
  return (
    <ChartCard title={title} summary={summary} pending={!plot}>
      <ChartBox height={height} draw={plot && ((width) => plot(width, height))} />
      {legend !== false && <SeriesLegend series={plot ? legend : null} />}
    </ChartCard>
  );
}
