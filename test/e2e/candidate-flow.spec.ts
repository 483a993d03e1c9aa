import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Download, Page } from '@playwright/test';
import mammoth from 'mammoth';
import { startEmulator, type Emulator } from '../emulator';
import { addOpenAiCompatibleCli, adminLoginCli, editor, importCandidate, openDraftingPage } from './drafting-helpers';
import { expect, screenPath, test, type AppUnderTest } from './fixtures';

const FIXTURES = join(__dirname, '..', 'fixtures', 'drafting');
const candidateFile = (name: string) => join(FIXTURES, 'candidates', name);

/** What a reader of the exported file sees: its text with whitespace (and so line wrapping) folded to single spaces. */
async function downloadedText(download: Download): Promise<string> {
  const bytes = readFileSync(await download.path());
  const text = download.suggestedFilename().endsWith('.pdf')
    ? execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: bytes, encoding: 'utf8' })
    : (await mammoth.extractRawText({ buffer: bytes })).value;
  return text.replace(/\s+/gu, ' ');
}

async function exportAs(page: Page, format: 'PDF' | 'DOCX'): Promise<Download> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: `Export as ${format}` }).click();
  return downloading;
}

async function importPosting(page: Page, file: string, company: string) {
  await openDraftingPage(page, 'Job postings');
  await page.getByRole('tab', { name: 'From a file' }).click();
  await page.locator('input[type="file"][aria-label="Import a job posting"]').setInputFiles(file);
  await page.getByRole('button', { name: 'Extract fields' }).click();
  await expect(page.getByRole('textbox', { name: 'Company' })).toHaveValue(company, { timeout: 30_000 });
}

interface Flow {
  file: string;
  name: string;
  /** An entry as the source has it, with a bullet under it. */
  entry: { region: string; bullet: string };
  /** Other entries as the source names them (a degree with its field). */
  alsoShown: string[];
  /** The title the recruiter corrects: region of the entry, the parsed title, the corrected one. */
  fix: { region: string; from: string; to: string };
  /** A bullet the recruiter deletes (one the candidate does not want sent). */
  drop: { region: string; index: number; text: string };
  posting: { file: string; company: string };
  /** A line no line of the source backs, planted in the draft, and the employer it invents. */
  planted: { line: string; employer: string };
  /** Text with diacritics from the source that every export keeps. */
  diacritics: string[];
  shot: string;
}

/** Imports the candidate, checks the record against the source, corrects it and saves; then imports the posting. */
async function importAndCorrect(page: Page, app: AppUnderTest, flow: Flow) {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(app.url);

  // Import: the file through the page's file input; the record shows what the source says.
  await importCandidate(page, flow.file, flow.name);
  // The name alone: not run on with the contact line below it.
  await expect(page.getByRole('heading', { level: 3, name: flow.name, exact: true })).toBeVisible();
  // The source file's badge is readable, not cut off by the action buttons beside the name.
  const source = page.getByText(`From ${basename(flow.file)}`, { exact: true }).locator('..');
  expect(await source.evaluate((badge) => badge.scrollWidth <= badge.clientWidth)).toBe(true);
  const entry = page.getByRole('region', { name: flow.entry.region });
  await expect(entry).toBeVisible();
  await expect(entry.getByTestId('record-bullet').filter({ hasText: flow.entry.bullet })).toHaveCount(1);
  await expect(page.getByTestId('unassigned-lines')).toHaveCount(0);
  for (const region of flow.alsoShown) await expect(page.getByRole('region', { name: region })).toBeVisible();
  await page.screenshot({ path: screenPath(app, `${flow.shot}-1-record.png`), fullPage: true });

  // Correct: fix a title, delete a bullet, save; the stored record shows the correction after a reload.
  await page.getByRole('button', { name: 'Correct record' }).click();
  await page.getByRole('region', { name: flow.fix.region }).getByRole('textbox', { name: 'Title' }).fill(flow.fix.to);
  await page.getByRole('button', { name: `Delete bullet ${flow.drop.index} of ${flow.drop.region}` }).click();
  await page.screenshot({ path: screenPath(app, `${flow.shot}-2-correcting.png`), fullPage: true });
  await page.getByRole('button', { name: 'Save record' }).click();
  await expect(page.getByText('Record saved')).toBeVisible();
  await page.reload();
  await openDraftingPage(page, 'Candidates');
  const fixedRegion = flow.fix.region.replace(flow.fix.from, flow.fix.to);
  await expect(page.getByRole('region', { name: fixedRegion })).toBeVisible();
  await expect(page.getByRole('region', { name: flow.fix.region, exact: true })).toHaveCount(0);
  await expect(page.getByTestId('record-bullet').filter({ hasText: flow.drop.text })).toHaveCount(0);

  // Posting: imported from a file and extracted offline.
  await importPosting(page, flow.posting.file, flow.posting.company);
}

/** Generates a CV on the Documents page; the draft is drafted from the corrected record, not from what was parsed. */
async function generateCv(page: Page, flow: Flow): Promise<string> {
  await openDraftingPage(page, 'Documents');
  await page.getByRole('button', { name: 'Generate CV' }).click();
  await expect(editor(page)).toHaveValue(new RegExp(flow.name, 'u'), { timeout: 30_000 });
  const draft = await editor(page).inputValue();
  expect(draft.split('\n')[0]).toBe(`# ${flow.name}`);
  expect(draft).toContain(`${flow.fix.to} — `);
  expect(draft).not.toContain(`${flow.fix.from} —`);
  expect(draft).not.toContain(flow.drop.text);
  expect(draft).toContain(flow.entry.bullet);
  return draft;
}

/** Validates, plants an unsupported claim and validates again, takes it out, exports PDF and DOCX and reads them. */
async function validateAndExport(page: Page, app: AppUnderTest, flow: Flow, draft: string) {
  // Validate: a score and the findings; nothing unsupported in the draft as generated.
  await page.getByRole('button', { name: 'Validate', exact: true }).click();
  await expect(page.getByTestId('validation-score')).toHaveText(/Score \d+\/100/u, { timeout: 30_000 });
  await expect(page.getByTestId('no-unsupported-claims')).toBeVisible();
  const report = page.getByRole('region', { name: 'Validation' });
  await expect(report).toContainText(/Must-haves covered: \d+ of \d+/u);
  await expect(report.locator('li[data-kind]').first()).toBeVisible();
  const score = Number((await page.getByTestId('validation-score').textContent())?.match(/\d+/u)?.[0]);

  // Plant a claim the source does not back; validating again flags it, and the score does not rise.
  await editor(page).press('Control+End');
  await editor(page).pressSequentially(`\n\n${flow.planted.line}`);
  await expect(page.getByTestId('save-status')).toHaveText(/Saved \d\d:\d\d:\d\d/u);
  await page.getByRole('button', { name: 'Validate again' }).click();
  const claims = page.locator('li[data-kind="unsupported_claim"]');
  await expect(claims.first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/\d+ unsupported claims?: remove or back them before sending/u)).toBeVisible();
  await expect(page.getByTestId('no-unsupported-claims')).toHaveCount(0);
  const employer = claims.filter({ hasText: `employer "${flow.planted.employer}` });
  await expect(employer).toContainText('Not in the candidate’s source');
  await expect(employer).toContainText(flow.planted.line.slice(2));
  const after = Number((await page.getByTestId('validation-score').textContent())?.match(/\d+/u)?.[0]);
  expect(after).toBeLessThanOrEqual(score);
  await page.screenshot({ path: screenPath(app, `${flow.shot}-3-flagged.png`), fullPage: true });

  // The recruiter takes the planted claim out again before sending.
  await editor(page).fill(draft);
  await expect(page.getByTestId('save-status')).toHaveText(/Saved \d\d:\d\d:\d\d/u);

  // Export: both files, read back, carry the name (diacritics intact) and the corrected title, not the deleted bullet.
  for (const format of ['PDF', 'DOCX'] as const) {
    const download = await exportAs(page, format);
    expect(download.suggestedFilename()).toMatch(format === 'PDF' ? /\.pdf$/u : /\.docx$/u);
    const text = await downloadedText(download);
    expect(text, format).toContain(flow.name);
    for (const word of flow.diacritics) expect(text, format).toContain(word);
    expect(text, format).toContain(flow.fix.to);
    expect(text, format).toContain(flow.entry.bullet);
    expect(text, format).not.toContain(flow.drop.text);
    expect(text, format).not.toContain(flow.planted.employer);
  }
}

const DOCX: Flow = {
  file: candidateFile('docx-table-greek.docx'),
  name: 'Νίκος Παπαδόπουλος',
  entry: {
    region: 'Site Reliability Engineer — Aegean Cloud SA',
    bullet: 'Run the Kubernetes platform for 60 product teams',
  },
  alsoShown: ['Mentor — Athens Code Club'],
  fix: {
    region: 'Systems Administrator — Hellenic Telecom',
    from: 'Systems Administrator',
    to: 'Linux Infrastructure Engineer',
  },
  drop: {
    region: 'Site Reliability Engineer — Aegean Cloud SA',
    index: 2,
    text: 'Reduced monthly cloud spend by 22% through rightsizing',
  },
  posting: { file: join(FIXTURES, 'postings', 'en-sre-pittsburgh.txt'), company: 'Brightline Robotics' },
  planted: { line: '- Worked as Staff Engineer at Globex Corporation, leading 45 engineers', employer: 'Globex' },
  diacritics: ['Νίκος', 'Παπαδόπουλος'],
  shot: 'candidate-flow-docx',
};

const PDF: Flow = {
  file: candidateFile('pdf-two-column.pdf'),
  name: 'Sofia Lindqvist',
  entry: {
    region: 'Product Designer — Klarhet AB',
    bullet: 'Ran 40 usability sessions with small business owners',
  },
  alsoShown: ['BA in Interaction Design — Malmö University', 'Organiser — Design Friday Stockholm'],
  fix: { region: 'UX Designer — Nordic Rail', from: 'UX Designer', to: 'Interaction Designer' },
  drop: {
    region: 'Organiser — Design Friday Stockholm',
    index: 1,
    text: 'Organised monthly talks for 150 designers',
  },
  posting: { file: join(FIXTURES, 'job-frontend.txt'), company: 'Lumen Studio' },
  planted: { line: '- Served 12 years as Head of Design at Spotify AB', employer: 'Spotify' },
  diacritics: ['Malmö University'],
  shot: 'candidate-flow-pdf',
};

/** The text of a chat request's messages (a message's content is a string or a list of parts). */
function messagesText(body: unknown): string {
  const { messages = [] } = body as { messages?: { content: string | { text?: string }[] }[] };
  return messages
    .map((m) => (typeof m.content === 'string' ? m.content : m.content.map((part) => part.text ?? '').join('\n')))
    .join('\n');
}

function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

for (const [kind, flow] of [
  ['a DOCX', DOCX],
  ['a two-column PDF', PDF],
] as const) {
  test(`${kind} candidate: import, correct the record, draft offline, validate, export`, async ({ page, app }) => {
    const errors = pageErrors(page);
    await importAndCorrect(page, app, flow);
    await expect(page.getByText('Offline — built-in rules')).toBeVisible();
    const draft = await generateCv(page, flow);
    await expect(page.getByTestId('answer-summary').getByText('Offline', { exact: true })).toBeVisible();
    await validateAndExport(page, app, flow, draft);
    expect(errors).toEqual([]);
  });
}

test.describe('with an AI provider (emulated)', () => {
  let emulator: Emulator;
  test.beforeAll(async () => {
    emulator = await startEmulator({ openMode: true });
  });
  test.afterAll(async () => {
    await emulator.close();
  });

  test('a two-column PDF candidate: the provider gets the corrected record and its answer cites entry ids', async ({
    page,
    app,
  }) => {
    // The CLI set-up (admin account, login, provider) takes a good part of a minute on a busy machine.
    test.setTimeout(150_000);
    adminLoginCli(app);
    addOpenAiCompatibleCli(app, { name: 'emu', baseUrl: `${emulator.url}/v1`, tasks: 'cv_draft' });
    const errors = pageErrors(page);
    const flow = { ...PDF, shot: 'candidate-flow-pdf-ai' };
    await importAndCorrect(page, app, flow);

    // The answer: JSON citing the record's entries (the deleted bullet's entry keeps its id, now without bullets).
    const bullets: Record<string, string[]> = {
      'work-0': [flow.entry.bullet, 'Redesigned the onboarding flow, lifting completion from 61% to 78%'],
      'work-1': ['Designed the ticket machine interface used at 90 stations'],
      'volunteer-0': [],
      'education-0': [],
    };
    emulator.pushReplies(
      JSON.stringify({
        summary: 'Product designer who turns research into interfaces people finish.',
        skills: ['Figma', 'Prototyping'],
        entries: Object.entries(bullets).map(([id, texts]) => ({
          id,
          bullets: texts.map((text) => ({ text, sourceIds: [id] })),
        })),
      }),
    );
    const draft = await generateCv(page, flow);
    await expect(page.getByTestId('answer-summary')).toContainText('emu');
    expect(draft).toContain('lifting completion from 61% to 78%');
    expect(draft).toContain('Malmö University');

    // The provider is sent the corrected record (the new title, not the parsed one, no deleted bullet); the CV file
    // goes with it as context only, the record winning where they differ.
    const sent = emulator.requests().filter((r) => r.path.endsWith('/chat/completions'));
    const prompt = messagesText(sent.at(-1)?.body);
    const recordBlock = /<<<BEGIN CANDIDATE_RECORD_\w+>>>([\s\S]*?)<<<END CANDIDATE_RECORD_/u.exec(prompt)?.[1] ?? '';
    expect(recordBlock).toContain(`"position": "${flow.fix.to}"`);
    expect(recordBlock).not.toContain(flow.fix.from);
    expect(recordBlock).not.toContain(flow.drop.text);
    expect(prompt).toMatch(/CV file as imported \(context only[^)]*the record is right/u);

    await validateAndExport(page, app, flow, draft);
    expect(errors).toEqual([]);
  });
});
