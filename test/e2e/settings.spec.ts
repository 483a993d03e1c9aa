import { createServer } from 'node:net';
import { expect, screenPath, test } from './fixtures';
import { ADMIN_PASSWORD, openPage, setUpAdminInUi } from './admin-ui';

/** A loopback port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test('settings: exporter, durability, password change and authenticator re-enrolment', async ({ page, app }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(app.url);
  await setUpAdminInUi(page);
  await openPage(page, 'Settings');

  // The exporter starts when it is saved, as the card and the notification say (not "the next time").
  const exporterCard = page.getByText('Serves Prometheus metrics');
  await expect(exporterCard).toContainText('Saving starts, moves or stops it at once');
  await expect(page.getByText(/next time/u)).toHaveCount(0);
  // A port in use: saved, but the exporter cannot start, and the notice says so.
  const busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  const busyPort = (busy.address() as { port: number }).port;
  await page.getByLabel('Serve /metrics').check();
  await page.getByRole('textbox', { name: 'Port' }).fill(String(busyPort));
  await page.getByRole('button', { name: 'Save exporter settings' }).click();
  await expect(page.getByText('Metrics exporter not started')).toBeVisible();
  await expect(page.getByText(`could not start on 127.0.0.1:${busyPort}`)).toBeVisible();
  await new Promise((resolve) => busy.close(resolve));

  const port = String(await freePort());
  await page.getByRole('textbox', { name: 'Port' }).fill(port);
  await page.getByRole('button', { name: 'Save exporter settings' }).click();
  await expect(page.getByText('Metrics exporter saved')).toBeVisible();
  await expect(page.getByText(`Serving metrics now at http://127.0.0.1:${port}/metrics`)).toBeVisible();
  await page.screenshot({ path: screenPath(app, 'settings-exporter-saved.png') });
  const metrics = await fetch(`http://127.0.0.1:${port}/metrics`);
  expect(metrics.status).toBe(200);
  expect(await metrics.text()).toContain('ai_provider_api_calls_total');

  await page.getByLabel(/^FULL/u).check();
  await page.getByRole('button', { name: 'Save durability' }).click();
  await expect(page.getByText('Database durability saved')).toBeVisible();
  await page.reload();
  await openPage(page, 'Settings');
  await expect(page.getByLabel('Serve /metrics')).toBeChecked();
  await expect(page.getByRole('textbox', { name: 'Port' })).toHaveValue(port);
  await expect(page.getByLabel(/^FULL/u)).toBeChecked();

  const passwordForm = page.getByRole('form', { name: 'Change admin password' });
  await passwordForm.getByLabel('Current password').fill('not-the-password');
  await passwordForm.getByLabel('New admin password').fill('Another-Strong-Passphrase-7');
  await passwordForm.getByLabel('Repeat the new password').fill('Another-Strong-Passphrase-7');
  await passwordForm.getByRole('button', { name: 'Change password' }).click();
  await expect(passwordForm.getByRole('alert')).toContainText('The current password is wrong');
  await passwordForm.getByLabel('Current password').fill(ADMIN_PASSWORD);
  await passwordForm.getByRole('button', { name: 'Change password' }).click();
  // Two scrypt hashes (the current password, then the new one): slow on a loaded machine.
  await expect(page.getByText('Admin password changed')).toBeVisible({ timeout: 20_000 });

  const reenrol = page.getByRole('form', { name: 'Re-enrol authenticator' });
  await reenrol.getByLabel('Admin password').fill('Another-Strong-Passphrase-7');
  await reenrol.getByRole('button', { name: 'Re-enrol authenticator' }).click();
  await expect(page.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByLabel('Secret key for manual entry')).not.toHaveValue('');
  await expect(page.getByRole('group', { name: 'Recovery codes' })).toBeVisible();
});
