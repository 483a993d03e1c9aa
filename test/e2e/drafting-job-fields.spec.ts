import type { Page } from '@playwright/test';
import { addPostingAndExtract, exampleText, openDraftingPage } from './drafting-helpers';
import { expect, screenPath, test } from './fixtures';

const field = (page: Page, label: string) => page.getByRole('textbox', { name: new RegExp(`^${label}`, 'u') });
const postings = (page: Page) => page.getByRole('navigation', { name: 'Job postings' });

async function saveFields(page: Page) {
  await page.getByRole('button', { name: 'Save fields' }).click();
  await expect(page.getByText('Fields saved').first()).toBeVisible();
}

test('"Extract again" asks before replacing fields edited by hand, per field or all, and keeps the marks', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(app.url);
  await addPostingAndExtract(page, exampleText('job-backend.txt'), 'Northwind Logistics');
  const extractedTitle = await field(page, 'Title').inputValue();

  await field(page, 'Title').fill('Go Platform Engineer (my title)');
  await field(page, 'Company').fill('Northwind (my company)');
  await saveFields(page);
  await expect(field(page, 'Title')).toHaveAccessibleName(/edited by hand/u);
  await expect(field(page, 'Company')).toHaveAccessibleName(/edited by hand/u);
  await expect(field(page, 'Location')).not.toHaveAccessibleName(/edited by hand/u);

  // Asked first; Cancel changes nothing.
  await page.getByRole('button', { name: 'Extract again' }).click();
  const dialog = page.getByRole('dialog', { name: 'Extract again over your edits?' });
  await expect(dialog.getByRole('checkbox')).toHaveCount(2);
  await expect(dialog.getByRole('checkbox', { name: 'Title' })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'Company' })).toBeChecked();
  await page.screenshot({ path: screenPath(app, 'drafting-jobs-extract-again-1280-light.png') });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(field(page, 'Title')).toHaveValue('Go Platform Engineer (my title)');

  // Per field: keep the title, replace the company.
  await page.getByRole('button', { name: 'Extract again' }).click();
  await dialog.getByRole('checkbox', { name: 'Company' }).uncheck();
  await dialog.getByRole('button', { name: 'Keep the checked, replace the rest' }).click();
  await expect(field(page, 'Company')).toHaveValue('Northwind Logistics', { timeout: 30_000 });
  await expect(field(page, 'Title')).toHaveValue('Go Platform Engineer (my title)');
  await expect(field(page, 'Title')).toHaveAccessibleName(/edited by hand/u);
  await expect(field(page, 'Company')).not.toHaveAccessibleName(/edited by hand/u);
  await page.screenshot({ path: screenPath(app, 'drafting-jobs-edited-marks-1280-light.png'), fullPage: true });

  // Kept edits survive a plain "keep my edits", and still ask next time.
  await page.getByRole('button', { name: 'Extract again' }).click();
  await expect(dialog.getByRole('checkbox')).toHaveCount(1);
  await dialog.getByRole('button', { name: 'Keep my edits' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('answer-summary')).toBeVisible({ timeout: 30_000 });
  await expect(field(page, 'Title')).toHaveValue('Go Platform Engineer (my title)');

  // All: every edit replaced, no mark left, and no question the next time.
  await page.getByRole('button', { name: 'Extract again' }).click();
  await dialog.getByRole('button', { name: 'Replace all my edits' }).click();
  await expect(field(page, 'Title')).toHaveValue(extractedTitle, { timeout: 30_000 });
  await expect(page.getByText('edited by hand')).toHaveCount(0);
  await page.getByRole('button', { name: 'Extract again' }).click();
  await expect(page.getByTestId('answer-summary')).toBeVisible({ timeout: 30_000 });
  await expect(dialog).toBeHidden();
});

test('unsaved field edits are kept when another posting is opened, and after a reload, until saved', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(app.url);
  await addPostingAndExtract(page, exampleText('job-backend.txt'), 'Northwind Logistics');
  await addPostingAndExtract(page, exampleText('job-injection.txt'), 'Quillfeather Books');
  const backend = postings(page).getByRole('button', { name: /Senior Backend Engineer/u });
  const other = postings(page).getByRole('button', { name: /Product Analyst/u });

  await backend.click();
  await expect(field(page, 'Company')).toHaveValue('Northwind Logistics');
  await field(page, 'Company').fill('Northwind (typed, not saved)');

  await other.click();
  await expect(field(page, 'Company')).toHaveValue('Quillfeather Books');
  await expect(backend).toContainText('unsaved');
  await page.screenshot({ path: screenPath(app, 'drafting-jobs-unsaved-draft-1280-light.png'), fullPage: true });

  await backend.click();
  await expect(field(page, 'Company')).toHaveValue('Northwind (typed, not saved)');
  await expect(page.getByTestId('unsaved-fields')).toContainText('Company');

  // Leaving the page and reloading keep it too.
  await openDraftingPage(page, 'Documents');
  await page.reload();
  await openDraftingPage(page, 'Job postings');
  await backend.click();
  await expect(field(page, 'Company')).toHaveValue('Northwind (typed, not saved)');

  // "Extract again" counts the unsaved edit as one of yours; keeping it saves it first.
  await page.getByRole('button', { name: 'Extract again' }).click();
  const dialog = page.getByRole('dialog', { name: 'Extract again over your edits?' });
  await expect(dialog.getByRole('checkbox', { name: /Company/u })).toHaveAccessibleName(/not saved yet/u);
  await dialog.getByRole('button', { name: 'Keep my edits' }).click();
  await expect(page.getByTestId('answer-summary')).toBeVisible({ timeout: 30_000 });
  await expect(field(page, 'Company')).toHaveValue('Northwind (typed, not saved)');
  await expect(field(page, 'Company')).toHaveAccessibleName(/edited by hand/u);
  await expect(page.getByTestId('unsaved-fields')).toBeHidden();
  await expect(backend).not.toContainText('unsaved');
});
