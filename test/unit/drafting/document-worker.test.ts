import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src-main/drafting/inputs/input-error';
import { readInWorker } from '../../../src-main/drafting/inputs/read-in-worker';
import { documentXml, minimalDocx } from '../../helpers/docx-files';

function* paragraphs(count: number): Generator<string> {
  for (let index = 0; index < count; index += 1) yield `Paragraph ${index} of a very long CV`;
}

/** The longest time between ticks of a 20 ms timer while `work` runs: how long the main thread was unavailable. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ value: T; stallMs: number; ticks: number }> {
  let last = performance.now();
  let stallMs = 0;
  let ticks = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
    ticks += 1;
  }, 20);
  try {
    return { value: await work(), stallMs, ticks };
  } finally {
    clearInterval(timer);
  }
}

// These run the real worker: from TypeScript sources it is loaded through tsx (worker-script.ts), with the same
// entry, limits and termination as the built app's out/main/document-worker.js.
describe('documents are read in a worker thread with a time budget', () => {
  it('keeps the main thread answering while a huge DOCX is parsed, then stops the parse at its budget', async () => {
    // A 4 MB file whose 93 MB of XML mammoth cannot read in seconds, nor in the worker's 512 MB heap.
    const huge = minimalDocx(documentXml(paragraphs(1_500_000)));
    const small = minimalDocx(documentXml(['Sam Doe']));
    const timeoutMs = 3_000;
    const started = performance.now();
    let smallDoneAt = 0;

    const { value, stallMs, ticks } = await longestStall(async () => {
      const hugeRead = readInWorker({ format: 'docx', fileName: 'huge.docx', bytes: huge }, { timeoutMs }).then(
        () => null,
        (error: unknown) => error,
      );
      const smallText = await readInWorker({ format: 'docx', fileName: 'small.docx', bytes: small });
      smallDoneAt = performance.now() - started;
      return { smallText, hugeError: await hugeRead, hugeDoneAt: performance.now() - started };
    });

    expect(value.smallText).toContain('Sam Doe');
    expect(smallDoneAt).toBeLessThan(value.hugeDoneAt);
    expect(value.hugeError).toBeInstanceOf(InputError);
    expect(value.hugeError).toMatchObject({ code: 'input_too_complex', fileName: 'huge.docx' });
    expect((value.hugeError as Error).message).toMatch(
      /^huge\.docx: (took longer than 3 s to read, so reading it was stopped|needs more than 512 MB of memory to read)$/u,
    );
    // Stopped at the budget (or earlier, out of memory), not when the parse would have ended.
    expect(value.hugeDoneAt).toBeLessThan(timeoutMs + 2_000);
    // The main thread never stalled: generous bounds, a 20 ms timer that ran throughout.
    expect(stallMs).toBeLessThan(1_000);
    expect(ticks).toBeGreaterThan(20);
  });

  it('turns a file the reader cannot parse into an InputError that names it', async () => {
    const read = readInWorker({ format: 'pdf', fileName: 'broken.pdf', bytes: Buffer.from('not a pdf') });
    await expect(read).rejects.toMatchObject({ code: 'input_unreadable', fileName: 'broken.pdf' });
    await expect(read).rejects.toThrow(/^broken\.pdf: could not be read as PDF \(/u);
  });
});
