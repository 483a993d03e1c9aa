import { askDashboardAhead } from './dashboard-request';
import { defaultRange } from './use-date-range';
import { preloadUsagePage } from './usage-page-code';

/**
 * On the click that opens the Usage page, before it renders: its data and its code are asked for at once, so
 * neither waits for the other or for the page's first render.
 */
export function startOpeningUsage(): void {
  askDashboardAhead(defaultRange());
  preloadUsagePage().catch(() => undefined);
}
