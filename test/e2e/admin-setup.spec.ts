import { expect, test } from './fixtures';
import {
  ADMIN_PASSWORD,
  confirmFirstCodeInUi,
  createAdminAccount,
  nav,
  openPage,
  saveRecoveryCodesInUi,
  setUpAdminInUi,
  totpNow,
  tryUnlock,
  unlockWithRecoveryCode,
} from './admin-ui';

/** Answers that wait for an OWASP-cost scrypt in main (seconds on a loaded machine). */
const SLOW = { timeout: 20_000 };

test('first-run admin setup, unlock, the admin badge, and lock', async ({ page, app }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(app.url);
  await expect(page.getByTestId('role-badge')).toHaveText('Recruiter');

  // A weak password is refused with the server's reason, shown in the form, until the password is edited.
  await openPage(page, 'Providers');
  await page.getByLabel('New admin password').fill('short');
  await expect(page.getByText('Strength: Too weak')).toBeVisible();
  await page.getByLabel('New admin password').fill('abcdefghijk12');
  await page.getByLabel('Repeat the new password').fill('abcdefghijk12');
  await page.getByRole('button', { name: 'Create admin account' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'The password is too weak' });
  await expect(refusal).toBeVisible();
  await page.getByLabel('New admin password').fill(ADMIN_PASSWORD);
  await expect(page.getByText('Strength: Strong')).toBeVisible();
  await expect(refusal).toBeHidden();
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
  await tryUnlock(page, ADMIN_PASSWORD, '000000');
  await expect(dialog.getByRole('alert')).toContainText('Wrong password or code', SLOW);
  await page.keyboard.press('Escape');

  // A recovery code unlocks once, and says how many are left; Settings shows the count too.
  await unlockWithRecoveryCode(page, recoveryCodes[0]!);
  await expect(page.getByText('9 recovery codes left.')).toBeVisible(SLOW);
  await expect(page.getByRole('heading', { name: 'Audit', exact: true })).toBeVisible();
  await expect(nav(page).getByRole('button', { name: 'Audit', exact: true })).toHaveAttribute('aria-current', 'page');
  await openPage(page, 'Settings');
  await expect(page.getByTestId('recovery-codes-left')).toHaveText('Recovery codes left: 9 of 10');

  // The same recovery code again: it says it was already used.
  await page.getByRole('button', { name: 'Lock' }).click();
  await page.getByRole('banner').getByRole('button', { name: 'Unlock admin' }).click();
  await tryUnlock(page, ADMIN_PASSWORD, recoveryCodes[0]!);
  await expect(dialog.getByRole('alert')).toContainText('This recovery code was already used', SLOW);

  // Four more failures (the recovery-code unlock reset the count) pause unlock. While paused, an attempt's
  // refusal and the pause notice say the same thing: one alert, not two.
  for (let i = 0; i < 4; i++) {
    await tryUnlock(page, 'Not-the-password-1', '000000');
  }
  await expect(dialog.getByText('Unlock is paused')).toBeVisible(SLOW);
  await tryUnlock(page, ADMIN_PASSWORD, recoveryCodes[1]!);
  // The form clears the code field once the answer is in.
  await expect(dialog.getByLabel('Authenticator code or recovery code')).toHaveValue('', SLOW);
  await expect(dialog.getByText(/Too many failed attempts/u)).toHaveCount(1);
  await expect(dialog.getByRole('alert')).toHaveCount(1);
});

test('a setup left before its first code resumes after a reload, and nobody is locked out', async ({ page, app }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(app.url);
  await openPage(page, 'Providers');
  const secret = await createAdminAccount(page);
  const recoveryCodes = await saveRecoveryCodesInUi(page);

  // The window is reloaded before the last step: no account exists, the wizard offers to continue.
  await page.reload();
  await openPage(page, 'Providers');
  await expect(page.getByRole('heading', { name: 'Set up the admin account' })).toBeVisible();
  await expect(page.getByText('The setup is not finished')).toBeVisible();
  await expect(page.getByTestId('role-badge')).toHaveText('Recruiter');
  const resume = page.getByRole('form', { name: 'Continue the setup' });
  await page.screenshot({ path: test.info().outputPath('resume-setup.png') });
  await resume.getByLabel('The password you chose').fill('Some-Other-Password-9');
  await resume.getByRole('button', { name: 'Continue the setup' }).click();
  await expect(resume.getByRole('alert').filter({ hasText: 'Could not continue' })).toContainText(
    'not the password this setup was started with',
    SLOW,
  );
  await resume.getByLabel('The password you chose').fill(ADMIN_PASSWORD);
  await resume.getByRole('button', { name: 'Continue the setup' }).click();

  // The same secret and codes as before the reload.
  const secretField = page.getByLabel('Secret key for manual entry');
  await expect(secretField).toBeVisible(SLOW);
  expect((await secretField.inputValue()).replace(/\s+/gu, '')).toBe(secret);
  expect(await saveRecoveryCodesInUi(page)).toEqual(recoveryCodes);

  // Step 4 asked only for a code: a wrong one is "Wrong code".
  await page.getByLabel('Authenticator code').fill(totpNow(secret) === '000000' ? '111111' : '000000');
  await page.getByRole('button', { name: 'Finish and unlock' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Wrong code' });
  await expect(alert).toBeVisible(SLOW);
  await expect(alert).not.toContainText('password');
  await confirmFirstCodeInUi(page, secret);
  await expect(page.getByRole('heading', { name: 'Providers', exact: true })).toBeVisible();
});

test('re-enrolling the authenticator switches only with a code from the new entry', async ({ page, app }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(app.url);
  const { secret: oldSecret, recoveryCodes: oldCodes } = await setUpAdminInUi(page);
  await openPage(page, 'Settings');

  const reenrol = page.getByRole('form', { name: 'Re-enrol authenticator' });
  await reenrol.getByLabel('Admin password').fill(ADMIN_PASSWORD);
  await reenrol.getByRole('button', { name: 'Re-enrol authenticator' }).click();
  const confirm = page.getByRole('form', { name: 'Confirm the new authenticator' });
  await expect(confirm.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible(SLOW);
  const newSecret = (await confirm.getByLabel('Secret key for manual entry').inputValue()).replace(/\s+/gu, '');
  const newCodes = (await confirm.getByRole('group', { name: 'Recovery codes' }).innerText())
    .split(/\s+/u)
    .filter((c) => /^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/u.test(c));
  expect(newCodes).toHaveLength(10);

  await page.screenshot({ path: test.info().outputPath('reenrol-confirm.png'), fullPage: true });
  // A code from the old entry does not switch.
  await confirm.getByLabel('Code from the new authenticator entry').fill(totpNow(oldSecret));
  await confirm.getByRole('button', { name: 'Confirm and switch' }).click();
  await expect(confirm.getByRole('alert').filter({ hasText: 'Wrong code' })).toBeVisible(SLOW);
  await confirm.getByLabel('Code from the new authenticator entry').fill(totpNow(newSecret));
  await confirm.getByRole('button', { name: 'Confirm and switch' }).click();
  await expect(page.getByText('Authenticator re-enrolled')).toBeVisible(SLOW);
  await expect(page.getByTestId('recovery-codes-left')).toHaveText('Recovery codes left: 10 of 10');

  // The old recovery codes stopped working; the new ones work.
  await page.getByRole('button', { name: 'Lock' }).click();
  await page.getByRole('banner').getByRole('button', { name: 'Unlock admin' }).click();
  const dialog = page.getByRole('dialog', { name: 'Unlock admin' });
  await tryUnlock(page, ADMIN_PASSWORD, oldCodes[0]!);
  await expect(dialog.getByRole('alert')).toContainText('Wrong password or code', SLOW);
  await page.keyboard.press('Escape');
  await unlockWithRecoveryCode(page, newCodes[0]!);
});
