import { startEmulator, type Emulator } from '../emulator';
import { ask, ipc, openPage, setUpAdminInUi } from './admin-ui';
import { expect, screenPath, test } from './fixtures';

test('the app shell renders with drafting and admin navigation', async ({ page, app }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Aditus' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  for (const label of [
    'Candidates',
    'Job postings',
    'Documents',
    'Batch drafting',
    'Providers',
    'Users',
    'Usage',
    'Audit',
    'Pricing',
    'Settings',
  ])
    await expect(nav.getByText(label, { exact: true })).toBeVisible();
  await expect(page.getByText('Recruiter')).toBeVisible();
  // No admin account yet: an admin page shows the guided setup instead of its content.
  await nav.getByText('Providers', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Set up the admin account' })).toBeVisible();
  // Usage is readable without admin; with no calls it says how to start.
  await nav.getByText('Usage', { exact: true }).click();
  await expect(page.getByText('No AI usage in this period')).toBeVisible();
  await expect(page.getByText('Add a provider in Admin → Providers, or draft offline')).toBeVisible();
  // Back to a drafting screen.
  await nav.getByText('Documents', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Documents' })).toBeVisible();
  await page.screenshot({ path: screenPath(app, 'shell-providers-1280.png') });
  expect(errors).toEqual([]);
});

test.describe('web host', () => {
  test.skip(
    ({ target }) => target === 'electron',
    'The desktop app has no address bar and no token (IPC is the preload)',
  );

  test('the token leaves the address bar once read', async ({ page, app }) => {
    expect(app.url).toContain('#token=');
    await page.goto(app.url);
    await expect(page.getByText('Recruiter')).toBeVisible();
    expect(page.url()).not.toContain('token=');
  });
});

test('the theme toggle switches light and dark and is remembered', async ({ page, app }) => {
  await page.goto(app.url);
  const html = page.locator('html');
  const toggle = page.getByRole('button', { name: /Switch to (dark|light) theme/u });
  const before = await html.getAttribute('data-mantine-color-scheme');
  await toggle.click();
  const after = before === 'dark' ? 'light' : 'dark';
  await expect(html).toHaveAttribute('data-mantine-color-scheme', after);
  await page.reload();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', after);
});

test('the help button opens the admin guide as text', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Open the admin guide' }).click();
  const dialog = page.getByRole('dialog', { name: 'Admin guide' });
  await expect(dialog.getByRole('heading', { name: /five-minute start/iu })).toBeVisible();
  // Markdown is rendered as elements (bold, nested lists, tables), not shown as markup.
  await expect(dialog.getByRole('listitem').filter({ hasText: /^choose a password/u })).toBeVisible();
  await expect(dialog.getByRole('table').first()).toBeVisible();
  expect(await dialog.innerText()).not.toContain('**');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('the shell is keyboard reachable: navigation, header buttons and dialogs', async ({ page, app }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Aditus' })).toBeVisible();
  // Tab through the header into the navigation until "Usage" has focus, then open it with Enter.
  const usage = page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Usage' });
  for (let i = 0; i < 20 && !(await usage.evaluate((el) => el === el.ownerDocument.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(usage).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Usage', level: 2 })).toBeVisible();
  // Header icon buttons have names, and a dialog opened from the keyboard closes with Escape.
  await page.getByRole('button', { name: 'Open the admin guide' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Admin guide' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Open the admin guide' })).toBeFocused();
});

test.describe('provider badges say what routing does', () => {
  let emu: Emulator;
  test.beforeAll(async () => {
    emu = await startEmulator({ openMode: true });
  });
  test.afterAll(async () => {
    await emu.close();
  });

  test('the "AI:" badge turns from working to failing to down as its provider fails', async ({ page, app }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(app.url);
    await setUpAdminInUi(page);
    await ipc(app, 'providers:create', {
      config: {
        name: 'emu',
        kind: 'openai-compatible',
        model: 'm',
        baseUrl: `${emu.url}/v1`,
        tasks: ['extraction'],
        isDefault: true,
      },
    });
    const badge = page.getByTestId('provider-mode-badge');
    await openPage(page, 'Job postings');
    await expect(badge).toHaveText('AI: emu');

    // Three server errors in a row (the router's retries): the provider is failing.
    emu.pushFaults({ status: 503, times: 3 });
    expect(await ask(app, { task: 'extraction', prompt: 'Extract: TypeScript' })).not.toBeNull();
    await openPage(page, 'Candidates');
    await openPage(page, 'Job postings');
    await expect(badge).toHaveText('AI: emu · failing');
    await badge.hover();
    await expect(page.getByRole('tooltip')).toContainText('The last 3 calls to emu failed.');

    // Two more: five in a row open its circuit, and the router stops calling it for now.
    emu.pushFaults({ status: 503, times: 3 });
    expect(await ask(app, { task: 'extraction', prompt: 'Extract: TypeScript' })).not.toBeNull();
    await openPage(page, 'Candidates');
    await openPage(page, 'Job postings');
    await expect(badge).toHaveText('AI: emu · down');
    await badge.hover();
    await expect(page.getByRole('tooltip')).toContainText('emu keeps failing (circuit open)');
    await page.screenshot({ path: screenPath(app, 'shell-ai-badge-down.png') });
  });

  test('an inactive default provider is not shown as the default', async ({ page, app }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(app.url);
    await setUpAdminInUi(page);
    const base = {
      kind: 'openai-compatible',
      model: 'm',
      baseUrl: `${emu.url}/v1`,
      tasks: ['cv_draft', 'cover_letter'],
    };
    await ipc(app, 'providers:create', { config: { ...base, name: 'Resting', isDefault: true, active: false } });
    await ipc(app, 'providers:create', { config: { ...base, name: 'Working', priority: 10 } });
    await openPage(page, 'Providers');
    const table = page.getByRole('table', { name: 'Providers' });
    const resting = table.getByRole('row').filter({ hasText: 'Resting' });
    await expect(resting.getByText('Default (inactive)', { exact: true })).toBeVisible();
    await expect(resting.getByText('Default', { exact: true })).toHaveCount(0);
    await expect(resting.getByText('Inactive', { exact: true })).toBeVisible();
    await page.screenshot({ path: screenPath(app, 'providers-inactive-default.png') });

    // The router skips an inactive default: the documents page names the provider it uses.
    await openPage(page, 'Documents');
    await expect(page.getByTestId('provider-mode-badge')).toHaveText('AI: Working');
  });
});
