import { expect, test } from './fixtures';
import { ADMIN_PASSWORD, nav, openPage, setUpAdminInUi, unlockWithRecoveryCode } from './admin-ui';

test('first-run admin setup, unlock, the admin badge, and lock', async ({ page, app }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(app.url);
  await expect(page.getByTestId('role-badge')).toHaveText('Recruiter');

  // A weak password is refused with the server's reason, shown in the form.
  await openPage(page, 'Providers');
  await page.getByLabel('New admin password').fill('short');
  await expect(page.getByText('Strength: Too weak')).toBeVisible();
  await page.getByLabel('New admin password').fill('abcdefghijk12');
  await page.getByLabel('Repeat the new password').fill('abcdefghijk12');
  await page.getByRole('button', { name: 'Create admin account' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The password is too weak' })).toBeVisible();
  await page.getByLabel('New admin password').fill('');
  await page.getByLabel('Repeat the new password').fill('');

  const { recoveryCodes } = await setUpAdminInUi(page);
  await expect(page.getByRole('heading', { name: 'Providers', exact: true })).toBeVisible();
  await expect(page.getByText('No providers yet')).toBeVisible();

  // Lock: back to recruiter, and admin pages show the lock notice.
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByTestId('role-badge')).toHaveText('Recruiter');
  await expect(page.getByRole('heading', { name: 'Providers is an admin page' })).toBeVisible();

  // Navigating to an admin page while locked opens the unlock dialog; a wrong code is refused.
  await openPage(page, 'Audit');
  const dialog = page.getByRole('dialog', { name: 'Unlock admin' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Admin password').fill(ADMIN_PASSWORD);
  await dialog.getByLabel('Authenticator code or recovery code').fill('000000');
  await dialog.getByRole('button', { name: 'Unlock' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Wrong password or code');
  await page.keyboard.press('Escape');

  // A recovery code unlocks once.
  await unlockWithRecoveryCode(page, recoveryCodes[0]!);
  await expect(page.getByRole('heading', { name: 'Audit', exact: true })).toBeVisible();
  await expect(nav(page).getByRole('button', { name: 'Audit', exact: true })).toHaveAttribute('aria-current', 'page');
});
