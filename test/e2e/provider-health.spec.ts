import { createServer } from 'node:net';
import { openPage, setUpAdminInUi } from './admin-ui';
import { addOpenAiCompatibleCli, adminLoginCli, cli } from './drafting-helpers';
import { expect, screenPath, test } from './fixtures';

/** A loopback port with nothing listening on it: a provider there cannot answer a probe. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

test('a provider whose scheduled probe fails is notified as degraded and drawn on the Usage health timeline', async ({
  page,
  app,
}) => {
  const port = await closedPort();
  adminLoginCli(app);
  addOpenAiCompatibleCli(app, { name: 'local', baseUrl: `http://127.0.0.1:${port}/v1` });
  expect(cli(app, ['providers', 'update', 'local', '--probe-every', '1m'])).toContain(
    'Updated local; health probes every 1m.',
  );
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(app.url);
  // The host looks every 15 s; the first probe is due at once and cannot connect.
  await expect(page.getByText('local is degraded')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('1 of the last 1 probes or calls failed')).toBeVisible();

  await openPage(page, 'Usage');
  const chart = page.getByRole('region', { name: 'Provider health over time' });
  await expect(chart).toContainText('1 state change in the selected range');
  await expect(chart.getByLabel('local now degraded')).toBeVisible();
  // The degraded stretch is seconds long in a 30-day range: in the timeline, but too thin to see.
  await expect(chart.getByLabel(/^local degraded from /u)).toBeAttached();
  await chart.screenshot({ path: screenPath(app, 'provider-health-timeline.png') });

  const health = JSON.parse(cli(app, ['providers', 'health', 'local', '--json']).trim().split('\n').at(-1) ?? '[]') as {
    state: string;
    lastProbe: { ok: boolean; failure: string } | null;
  }[];
  expect(health[0]).toMatchObject({ state: 'degraded', lastProbe: { ok: false, failure: 'offline' } });
});

test('the provider form sets the probe interval (off by default), the probe runs and the window is told; editing shows it', async ({
  page,
  app,
}) => {
  const port = await closedPort();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(app.url);
  await setUpAdminInUi(page);
  await openPage(page, 'Providers');
  await page.getByRole('main').getByRole('button', { name: 'Add provider' }).click();
  const add = page.getByRole('dialog', { name: 'Add a provider' });
  await add.getByLabel('Name').fill('local');
  await add.getByRole('combobox', { name: 'Type' }).click();
  await page.getByRole('option', { name: 'OpenAI-compatible', exact: true }).click();
  await add.getByRole('combobox', { name: 'Model' }).fill('m');
  await add.getByLabel('Base URL').fill(`http://127.0.0.1:${port}/v1`);
  const probes = add.getByRole('combobox', { name: 'Health probes' });
  await expect(probes).toHaveValue('Off');
  await probes.click();
  await page.getByRole('option', { name: 'Every 15m', exact: true }).click();
  await add.getByRole('button', { name: 'Add provider' }).click();
  await expect(add).toBeHidden();

  const health = () =>
    (
      JSON.parse(cli(app, ['providers', 'health', 'local', '--json']).trim().split('\n').at(-1) ?? '[]') as {
        probeEveryMs: number | null;
      }[]
    )[0];
  expect(health()?.probeEveryMs).toBe(900_000);
  // Set in the form alone, the probe runs: the first is due at once, cannot connect, and the window is told.
  await expect(page.getByText('local is degraded')).toBeVisible({ timeout: 30_000 });
  expect(health()).toMatchObject({ state: 'degraded' });

  await page.getByRole('button', { name: 'Edit local' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit provider: local' });
  await expect(edit.getByRole('combobox', { name: 'Health probes' })).toHaveValue('Every 15m');
  await edit.getByRole('combobox', { name: 'Health probes' }).click();
  await page.getByRole('option', { name: 'Off', exact: true }).click();
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toBeHidden();
  expect(health()?.probeEveryMs).toBeNull();
});
