import { readFileSync } from 'node:fs';
import type { Locator } from '@playwright/test';
import { startEmulator, type Emulator } from '../emulator';
import { expect, screenPath, test } from './fixtures';
import { openPage, seedUsage, setUpAdminInUi } from './admin-ui';

/**
 * The tallest bar of a bar chart, read off its value axis: the value its top stands at, and the value its top
 * segment (the last series) spans. In SVG coordinates: the axis labels' `y` and the bars' path commands.
 */
function tallestBar(chart: Locator): Promise<{ top: number; lastSegment: number }> {
  return chart.locator('svg.usage-chart-surface').evaluate((svg) => {
    const ticks = [...svg.querySelectorAll('.usage-chart-y-ticks text')].map((t) => ({
      value: Number(t.textContent),
      y: Number(t.getAttribute('y')),
    }));
    const [a, b] = [ticks[0]!, ticks.at(-1)!];
    const valueAt = (y: number) => a.value + ((a.y - y) * (b.value - a.value)) / (a.y - b.y);
    const bars = [...svg.querySelectorAll('g.usage-chart-bar')].map((g) =>
      [...g.querySelectorAll('path')].map((p) => {
        const [, y, height] = /^M[\d.-]+,([\d.-]+)h[\d.-]+v([\d.-]+)/u.exec(p.getAttribute('d') ?? '') ?? [];
        return { y: Number(y), height: Number(height) };
      }),
    );
    const tallest = bars.sort((x, z) => Math.min(...x.map((s) => s.y)) - Math.min(...z.map((s) => s.y)))[0]!;
    const top = tallest.at(-1)!;
    return { top: valueAt(top.y), lastSegment: valueAt(top.y) - valueAt(top.y + top.height) };
  });
}

/** A chart's drawing. */
const CHART_SURFACE = 'svg.usage-chart-surface';

let emu: Emulator;
test.beforeAll(async () => {
  emu = await startEmulator({ openMode: true });
});
test.afterAll(async () => {
  await emu.close();
});

test('the usage page shows totals, cost, unpriced and estimated usage, charts, health, and exports CSV', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(app.url);
  await setUpAdminInUi(page);
  await seedUsage(app, emu);

  await openPage(page, 'Usage');
  const calls = page.getByRole('group', { name: 'Calls' });
  await expect(calls).toContainText('7');
  await expect(page.getByRole('group', { name: 'Error rate' })).toContainText('14.3%');
  const cost = page.getByRole('group', { name: 'Cost' });
  await expect(cost).toContainText('$0.000351');
  await expect(cost).toContainText('3 unpriced calls not included');
  await expect(page.getByRole('group', { name: 'Tokens' })).toContainText('1 call with estimated tokens');
  await expect(page.getByText('Some usage is unpriced or estimated')).toBeVisible();

  for (const chart of [
    'Cost per day by provider',
    'Tokens per day',
    'Calls and error rate by provider',
    'Latency by provider',
    'Calls by task',
    'Peak hours',
    'Cost per user',
  ]) {
    // Drawn, not the placeholder it is while the data loads.
    const region = page.getByRole('region', { name: chart });
    await expect(region).toBeVisible();
    await expect(region).not.toHaveAttribute('aria-busy', 'true');
    await expect(region.locator(CHART_SURFACE).first()).toBeVisible();
  }

  // Cost per day stacks the providers in one bar a day; hovering today's bar lists each provider's cost.
  const costChart = page.getByRole('region', { name: 'Cost per day by provider' });
  const plot = (await costChart.locator('.usage-chart-surface').boundingBox())!;
  await page.mouse.move(plot.x + plot.width - 12, plot.y + plot.height / 2);
  const tooltip = costChart.locator('.usage-chart-tooltip');
  await expect(tooltip).toContainText('Emulated GPT');
  await expect(tooltip).toContainText('Local llama');
  await expect(tooltip).toContainText('$0.000351');
  // The keyboard shows the tooltips too: the chart takes the focus and the arrow keys move them.
  const callsChart = page.getByRole('region', { name: 'Calls and error rate by provider' });
  await expect(callsChart.locator('.usage-chart-tooltip')).toHaveCount(0);
  await callsChart.locator('.usage-chart-surface').focus();
  const callsTooltip = callsChart.locator('.usage-chart-tooltip');
  await expect(callsTooltip).toContainText('Emulated GPT'); // the focus marks the first provider…
  await page.keyboard.press('ArrowRight');
  await expect(callsTooltip).toContainText('Local llama'); // …and the arrow key the next one
  await page.keyboard.press('ArrowLeft');
  await expect(callsTooltip).toContainText('Emulated GPT');
  // The token areas: hovering the last day lists every series; the keyboard steps through the days, Escape clears.
  const tokensChart = page.getByRole('region', { name: 'Tokens per day' });
  await tokensChart.locator('.usage-chart-surface').scrollIntoViewIfNeeded();
  const tokensPlot = (await tokensChart.locator('.usage-chart-surface').boundingBox())!;
  await page.mouse.move(tokensPlot.x + tokensPlot.width - 12, tokensPlot.y + tokensPlot.height / 2);
  await expect(tokensChart.locator('.usage-chart-tooltip')).toContainText('Output');
  await expect(tokensChart.locator('.usage-chart-active circle')).toHaveCount(3);
  await page.mouse.move(0, 0);
  await expect(tokensChart.locator('.usage-chart-tooltip')).toHaveCount(0);
  await tokensChart.locator('.usage-chart-surface').focus();
  const tokensTooltip = tokensChart.locator('.usage-chart-tooltip');
  await expect(tokensTooltip).toContainText('Input');
  const firstDay = await tokensTooltip.innerText();
  await page.keyboard.press('ArrowRight');
  await expect(tokensTooltip).not.toHaveText(firstDay); // the next day's values
  await page.keyboard.press('Escape');
  await expect(tokensChart.locator('.usage-chart-tooltip')).toHaveCount(0);
  // Peak hours: errors are some of the calls, so the hour's bar is as tall as its 7 calls, 1 of them an error.
  const peakHours = page.getByRole('region', { name: 'Peak hours' });
  const bar = await tallestBar(peakHours);
  expect(bar.top).toBeCloseTo(7, 1);
  expect(bar.lastSegment).toBeCloseTo(1, 1);
  await expect(peakHours).toContainText('Busiest hour');
  await expect(peakHours).toContainText('Succeeded');
  await peakHours.locator('.usage-chart-surface').scrollIntoViewIfNeeded();
  const boxes = await peakHours
    .locator('g.usage-chart-bar')
    .evaluateAll((bars) =>
      bars.map((b) => b.getBoundingClientRect()).map(({ x, y, width, height }) => ({ x, y, width, height })),
    );
  const peakBar = boxes.sort((x, z) => x.y - z.y)[0]!;
  await page.mouse.move(peakBar.x + peakBar.width / 2, peakBar.y + peakBar.height / 2);
  await expect(peakHours.locator('.usage-chart-tooltip')).toContainText(/Calls\s*7\s*Succeeded\s*6\s*Errors\s*1/u);
  await peakHours.screenshot({ path: screenPath(app, 'usage-peak-hours.png') });
  const health = page.getByRole('table', { name: 'Provider health' });
  await expect(health.getByRole('row').filter({ hasText: 'Emulated GPT' })).toContainText('bad_request × 1');
  await expect(health.getByRole('row').filter({ hasText: 'Local llama' })).toContainText('100.0%');

  // Budget alert: Emulated GPT has a 400-token daily limit and used most of it.
  await expect(page.getByText(/Emulated GPT: today’s token budget is at \d+%/u)).toBeVisible();

  // Presets change the range; the totals stay (all calls were today).
  await page.getByText('7 days', { exact: true }).click();
  await expect(calls).toContainText('7');

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^aditus-usage-\d{4}-\d{2}-\d{2}\.csv$/u);
  const csv = readFileSync(await download.path(), 'utf8')
    .trim()
    .split('\n');
  expect(csv[0]).toMatch(/^createdAt,createdAtMs,requestId,/u);
  expect(csv).toHaveLength(1 + 7);
  // Times as ISO 8601 (UTC), with the same instant in epoch milliseconds beside them.
  const [iso, ms] = csv[1]!.split(',');
  expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/u);
  expect(Number(ms)).toBe(Date.parse(iso!));

  // A range without calls is asked for again: the empty state, no charts; back to 30 days, the charts again.
  await page.getByText('Custom', { exact: true }).click();
  await page.getByRole('textbox', { name: 'From', exact: true }).fill('2020-01-01');
  await page.getByRole('textbox', { name: 'To', exact: true }).fill('2020-01-31');
  await expect(page.getByText('No AI usage in this period')).toBeVisible();
  // Providers exist: the range is what is empty, and it can be widened (no "Add a provider").
  await expect(page.getByText('No AI calls were made from 01 Jan 2020 to 31 Jan 2020.')).toBeVisible();
  await expect(page.getByText(/Add a provider/u)).toHaveCount(0);
  await page.screenshot({ path: screenPath(app, 'usage-empty-range.png') });
  await expect(page.getByRole('region', { name: 'Peak hours' })).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Provider health' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Show the last 90 days' }).click();
  await expect(calls).toContainText('7');
  await expect(page.getByRole('radio', { name: '90 days' })).toBeChecked();
  await page.getByText('30 days', { exact: true }).click();
  await expect(page.getByRole('region', { name: 'Peak hours' }).locator('.usage-chart-surface')).toBeVisible();
  await expect(page.getByText('No AI usage in this period')).toHaveCount(0);
  await expect(calls).toContainText('7');
});

test('a failed usage load is reported without chart placeholders, and Refresh loads the page', async ({
  page,
  app,
  target,
}) => {
  test.skip(target !== 'web', 'The failure is made in the web host’s HTTP bridge');
  const dashboard = '**/ipc/usage%3Adashboard';
  await page.route(dashboard, (route) =>
    route.fulfill({ json: { ok: false, error: { code: 'internal', message: 'The usage database is busy.' } } }),
  );
  await page.goto(app.url);

  await openPage(page, 'Usage');
  const alert = page.getByRole('alert').filter({ hasText: 'Could not load usage' });
  await expect(alert).toContainText('The usage database is busy.');
  await expect(page.getByRole('region', { name: 'Peak hours' })).toHaveCount(0);
  await expect(page.getByLabel('Loading usage')).toHaveCount(0);
  await expect(page.getByText('Loading usage…')).toHaveCount(0);

  await page.unroute(dashboard);
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByText('No AI usage in this period')).toBeVisible();
  await expect(alert).toHaveCount(0);
});

test('opening the Usage page draws its charts with their data at once (no placeholders first), and Refresh asks again', async ({
  page,
  app,
  target,
}) => {
  test.skip(target !== 'web', 'The requests are counted in the web host’s HTTP bridge');
  await page.setViewportSize({ width: 1280, height: 800 });
  // Notes whether a chart card ever showed as a placeholder (busy, data not there yet).
  await page.addInitScript(() => {
    // Runs in the page (this project's Node typings have no DOM).
    interface PageGlobals {
      chartPlaceholderSeen?: boolean;
      document: { querySelector(selector: string): unknown };
      MutationObserver: new (callback: () => void) => { observe(target: unknown, options: object): void };
    }
    const page = globalThis as unknown as PageGlobals;
    new page.MutationObserver(() => {
      if (page.document.querySelector('main section[aria-busy="true"]')) page.chartPlaceholderSeen = true;
    }).observe(page.document, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-busy'] });
  });
  let dashboardRequests = 0;
  page.on('request', (request) => {
    if (request.url().includes('/ipc/usage%3Adashboard')) dashboardRequests++;
  });
  await page.goto(app.url);
  await setUpAdminInUi(page);
  await seedUsage(app, emu);

  await openPage(page, 'Usage');
  const calls = page.getByRole('group', { name: 'Calls' });
  await expect(calls).toContainText('7');
  await expect(page.locator('main').locator(CHART_SURFACE)).toHaveCount(7);
  await expect(page.getByRole('region', { name: 'Provider health', exact: true })).toBeVisible();
  expect(await page.evaluate(() => (globalThis as { chartPlaceholderSeen?: boolean }).chartPlaceholderSeen)).toBe(
    undefined,
  );
  expect(dashboardRequests).toBe(1);

  // The answer asked for on the press is used once: Refresh asks main again.
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect.poll(() => dashboardRequests).toBe(2);
  await expect(calls).toContainText('7');
});
