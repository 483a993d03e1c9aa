import { expect, test } from './fixtures';
import { ADMIN_PASSWORD, openPage, setUpAdminInUi } from './admin-ui';

test('settings: exporter, durability, password change and authenticator re-enrolment', async ({ page, app }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(app.url);
  await setUpAdminInUi(page);
  await openPage(page, 'Settings');

  await page.getByLabel('Serve /metrics').check();
  await page.getByRole('textbox', { name: 'Port' }).fill('9555');
  await page.getByRole('button', { name: 'Save exporter settings' }).click();
  await expect(page.getByText('Metrics exporter saved')).toBeVisible();

  await page.getByLabel(/^FULL/u).check();
  await page.getByRole('button', { name: 'Save durability' }).click();
  await expect(page.getByText('Database durability saved')).toBeVisible();
  await page.reload();
  await openPage(page, 'Settings');
  await expect(page.getByLabel('Serve /metrics')).toBeChecked();
  await expect(page.getByRole('textbox', { name: 'Port' })).toHaveValue('9555');
  await expect(page.getByLabel(/^FULL/u)).toBeChecked();

  const passwordForm = page.getByRole('form', { name: 'Change admin password' });
  await passwordForm.getByLabel('Current password').fill('not-the-password');
  await passwordForm.getByLabel('New admin password').fill('Another-Strong-Passphrase-7');
  await passwordForm.getByLabel('Repeat the new password').fill('Another-Strong-Passphrase-7');
  await passwordForm.getByRole('button', { name: 'Change password' }).click();
  await expect(passwordForm.getByRole('alert')).toContainText('The current password is wrong');
  await passwordForm.getByLabel('Current password').fill(ADMIN_PASSWORD);
  await passwordForm.getByRole('button', { name: 'Change password' }).click();
  // Four OWASP-cost scrypt derivations in main: seconds on a loaded machine.
  await expect(page.getByText('Admin password changed')).toBeVisible({ timeout: 20_000 });

  const reenrol = page.getByRole('form', { name: 'Re-enrol authenticator' });
  await reenrol.getByLabel('Admin password').fill('Another-Strong-Passphrase-7');
  await reenrol.getByRole('button', { name: 'Re-enrol authenticator' }).click();
  await expect(page.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByLabel('Secret key for manual entry')).not.toHaveValue('');
  await expect(page.getByRole('group', { name: 'Recovery codes' })).toBeVisible();
});
