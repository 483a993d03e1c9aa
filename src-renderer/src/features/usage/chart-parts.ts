/** What every Usage chart shares: its series' colours as the theme's CSS variables. */

export type { ChartSeries } from './series';

/** A Mantine colour as the theme's CSS variable (the same in light and dark, as Mantine's charts use it). */
export const themeColor = (color: string): string => `var(--mantine-color-${color.replace('.', '-')})`;
