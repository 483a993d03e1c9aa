import { InputError } from './input-error';
import { INPUT_LIMITS } from './input-limits';
import type { WorkerReply, WorkerRequest } from './worker-protocol';
import { startDocumentWorker } from './worker-script';

let running = 0;
const waiting: (() => void)[] = [];

async function acquireSlot(): Promise<void> {
  if (running < INPUT_LIMITS.parallelParses) {
    running += 1;
    return;
  }
  // A finished read hands its slot straight to the next one, so `running` never passes the limit.
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function releaseSlot(): void {
  const next = waiting.shift();
  if (next) next();
  else running -= 1;
}

function fromWorker(fileName: string, error: Error & { code?: string }): InputError {
  if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new InputError(fileName, `needs more than ${INPUT_LIMITS.workerHeapMb} MB of memory to read`, {
      code: 'input_too_complex',
      cause: error,
    });
  }
  return new InputError(fileName, `could not be read (${error.message})`, { code: 'input_unreadable', cause: error });
}

/**
 * Reads a PDF, DOCX or HTML file to text in a worker thread, so the main process keeps answering while it parses.
 * The worker has `timeoutMs` (10 s by default) and a bounded heap; past either it is terminated and the read fails
 * with an InputError coded `input_too_complex`.
 */
export async function readInWorker(request: WorkerRequest, options: { timeoutMs?: number } = {}): Promise<string> {
  const timeoutMs = options.timeoutMs ?? INPUT_LIMITS.parseTimeoutMs;
  await acquireSlot();
  try {
    return await new Promise<string>((resolve, reject) => {
      const worker = startDocumentWorker({
        workerData: request,
        resourceLimits: { maxOldGenerationSizeMb: INPUT_LIMITS.workerHeapMb, maxYoungGenerationSizeMb: 64 },
        // pdf.js warns about fonts on stdout, which is the CLI's JSON channel: the worker's output is dropped.
        stdout: true,
        stderr: true,
      });
      worker.stdout.resume();
      worker.stderr.resume();
      let settled = false;
      const settle = (outcome: () => void): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate();
        outcome();
      };
      const timer = setTimeout(() => {
        const seconds = timeoutMs / 1000;
        settle(() =>
          reject(
            new InputError(request.fileName, `took longer than ${seconds} s to read, so reading it was stopped`, {
              code: 'input_too_complex',
            }),
          ),
        );
      }, timeoutMs);
      worker.on('message', (reply: WorkerReply) =>
        settle(() =>
          reply.ok ? resolve(reply.text) : reject(new InputError(request.fileName, reply.reason, { code: reply.code })),
        ),
      );
      worker.on('error', (error: Error) => settle(() => reject(fromWorker(request.fileName, error))));
      worker.on('exit', (exitCode) =>
        settle(() =>
          reject(
            new InputError(request.fileName, `could not be read (the reader stopped with code ${exitCode})`, {
              code: 'input_unreadable',
            }),
          ),
        ),
      );
    });
  } finally {
    releaseSlot();
  }
}
