import type { Page } from '@playwright/test';
import { addPostingAndExtract, example, exampleText, importCandidate, openDraftingPage } from './drafting-helpers';
import { expect, screenPath, test, type AppUnderTest } from './fixtures';

const SIZES = [
  { name: '1280', width: 1280, height: 800 },
  { name: '1920', width: 1920, height: 1080 },
] as const;
const THEMES = ['light', 'dark'] as const;
const SCREENS = [
  ['candidates', 'Candidates'],
  ['jobs', 'Job postings'],
  ['documents', 'Documents'],
] as const;

async function useTheme(page: Page, theme: (typeof THEMES)[number]) {
  const html = page.locator('html');
  if ((await html.getAttribute('data-mantine-color-scheme')) !== theme)
    await page.getByRole('button', { name: /Switch to (dark|light) theme/u }).click();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', theme);
}

/** Every drafting screen in both sizes and themes: test-results/screens/drafting-<screen><variant>-<size>-<theme>.png */
async function captureAll(page: Page, app: AppUnderTest, variant: string, ready: (screen: string) => Promise<void>) {
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
  for (const theme of THEMES) {
    await useTheme(page, theme);
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      for (const [screen, label] of SCREENS) {
        await openDraftingPage(page, label);
        // The page fills in after its heading: shoot once its mode badge is in and nothing is still loading.
        await expect(page.getByTestId('offline-mode-badge')).toBeVisible();
        await expect(page.getByRole('status').filter({ hasText: /…$/u })).toHaveCount(0);
        await ready(screen);
        await page.mouse.move(0, 0);
        await page.screenshot({
          path: screenPath(app, `drafting-${screen}${variant}-${size.name}-${theme}.png`),
          fullPage: true,
        });
      }
    }
  }
}

test('drafting screens at 1280×800 and 1920×1080, light and dark', async ({ page, app }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(app.url);

  // First run: the empty states say what to do.
  await captureAll(page, app, '-empty', async (screen) => {
    if (screen === 'documents') await expect(page.getByText('No document open')).toBeVisible();
  });

  await useTheme(page, 'light');
  await importCandidate(page, example('candidate.json'), 'Lea Sørensen');
  await addPostingAndExtract(page, exampleText('job-backend.txt'), 'Northwind Logistics');
  await openDraftingPage(page, 'Documents');
  await page.getByRole('button', { name: 'Generate CV' }).click();
  await expect(page.getByTestId('answer-summary')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Validate', exact: true }).click();
  await expect(page.getByTestId('validation-score')).toBeVisible({ timeout: 30_000 });

  // Working state: a parsed candidate, an extracted posting, a validated draft.
  await captureAll(page, app, '', async (screen) => {
    if (screen === 'documents') await expect(page.getByTestId('validation-score')).toBeVisible();
  });
});
