import { createServer } from 'node:net';
import { startEmulator, type Emulator } from '../emulator';
import {
  addOpenAiCompatibleCli,
  addPostingAndExtract,
  adminLoginCli,
  editor,
  example,
  exampleText,
  importCandidate,
  openDraftingPage,
} from './drafting-helpers';
import { expect, screenPath, test } from './fixtures';

/** A loopback port with nothing listening on it: the provider there is offline until an emulator takes it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let emulator: Emulator | null = null;
test.afterEach(async () => {
  await emulator?.close();
  emulator = null;
});

test('a CV queued while every provider is offline shows in the queue panel and lands with a notification', async ({
  page,
  app,
}) => {
  const port = await closedPort();
  adminLoginCli(app);
  addOpenAiCompatibleCli(app, { name: 'local', baseUrl: `http://127.0.0.1:${port}/v1` });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(app.url);
  await importCandidate(page, example('candidate.json'), 'Lea Sørensen');
  // Extraction is not routed to `local`: the built-in rules read the posting.
  await addPostingAndExtract(page, exampleText('job-backend.txt'), 'Northwind Logistics');
  await openDraftingPage(page, 'Documents');

  // A cover letter queued, then cancelled from the panel.
  await page.getByRole('button', { name: 'Generate cover letter' }).click();
  const panel = page.getByTestId('queue-panel');
  const letter = panel.getByRole('row').filter({ hasText: 'Cover letter: Lea Sørensen' });
  await expect(letter).toContainText('queued');
  await letter.getByRole('button', { name: 'Cancel queued Cover letter task' }).click();
  await expect(page.getByText('Task cancelled')).toBeVisible();
  await expect(panel).toBeHidden();

  await page.getByRole('button', { name: 'Generate CV' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'CV draft queued' })).toContainText(
    'Queued: runs when a provider answers again.',
  );
  const row = panel.getByRole('row').filter({ hasText: 'CV: Lea Sørensen' });
  await expect(row).toContainText('CV draft');
  await expect(row).toContainText('queued');
  await expect(editor(page)).toHaveValue('');
  await page.screenshot({ path: screenPath(app, 'queue-panel.png'), fullPage: true });

  // Still offline: "Try now" leaves it queued and says so.
  await panel.getByRole('button', { name: 'Try now' }).click();
  await expect(page.getByText('No queued task could run yet', { exact: false })).toBeVisible();
  await expect(row).toContainText('1 try');

  // The provider answers again: the draft runs and lands in the open document, with a notification.
  emulator = await startEmulator({ port, openMode: true });
  // A CV answer is JSON citing the record's entries by id; it lands rendered with the record's employers.
  const entries = ['work-0', 'work-1', 'work-2', 'education-0'].map((id) => ({
    id,
    bullets: id === 'work-0' ? [{ text: 'Backend engineer, drafted from the queue', sourceIds: [id] }] : [],
  }));
  emulator.pushReplies(JSON.stringify({ summary: '', skills: ['Go'], entries }));
  await panel.getByRole('button', { name: 'Try now' }).click();
  await expect(page.getByText('CV draft ready')).toBeVisible();
  await expect(page.getByText(/CV: Lea Sørensen.*: the drafted text is saved as a new version\./u)).toBeVisible();
  await expect(editor(page)).toHaveValue(
    /^# Lea Sørensen\n[\s\S]*Brightwave Analytics GmbH[\s\S]*- Backend engineer, drafted from the queue\n/u,
  );
  await expect(panel).toBeHidden();
  await page.screenshot({ path: screenPath(app, 'queue-landed.png'), fullPage: true });
});
