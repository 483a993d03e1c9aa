import { ChartLegend } from '@mantine/charts';
import { Box, getThemeColor, useMantineTheme } from '@mantine/core';

/** The legend's height under a chart (one line; more when it wraps): the chart gets CHART_HEIGHT minus this. */
export const LEGEND_HEIGHT = 40;

export interface LegendSeries {
  name: string;
  label?: string;
  color: string;
}

/**
 * A chart's series legend, laid out under the chart rather than inside it: inside, the chart library
 * measures the legend after drawing and then lays the whole chart out and draws it again. Its space is kept
 * (empty) while the chart's series are not known yet.
 */
export function SeriesLegend({ series }: { series: LegendSeries[] | null }) {
  const theme = useMantineTheme();
  if (!series) return <Box mih={LEGEND_HEIGHT} />;
  const payload = series.map((s) => ({ dataKey: s.name, value: s.name, color: getThemeColor(s.color, theme) }));
  return (
    <ChartLegend
      payload={payload}
      series={series}
      legendPosition="bottom"
      centered
      onHighlight={() => undefined}
      h="auto"
      mih={LEGEND_HEIGHT}
    />
  );
}
