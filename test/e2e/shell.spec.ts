import { expect, test } from './fixtures';

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
  for (const label of ['Candidates', 'Job postings', 'Documents', 'Providers', 'Usage', 'Audit', 'Pricing', 'Settings'])
    await expect(nav.getByText(label, { exact: true })).toBeVisible();
  await expect(page.getByText('Recruiter')).toBeVisible();
  // The token left the address bar once read.
  expect(page.url()).not.toContain('token=');
  await nav.getByText('Providers', { exact: true }).click();
  await expect(page.getByText('No providers yet')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/shell-providers-1280.png' });
  expect(errors).toEqual([]);
});
