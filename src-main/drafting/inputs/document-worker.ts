// The document worker's entry (a worker_threads Worker, started by read-in-worker.ts): it reads one PDF, DOCX or
// HTML file to text, replies once and exits. Built as its own entry, out/main/document-worker.js.
import { parentPort, workerData } from 'node:worker_threads';
import { docxToText, htmlToPlainText, pdfToColumnText, pdfToText } from './extract-text';
import { InputError } from './input-error';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

async function read({ format, fileName, bytes, columns }: WorkerRequest): Promise<string> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (format === 'docx') return docxToText(fileName, buffer);
  if (format === 'pdf') return columns ? pdfToColumnText(fileName, buffer) : pdfToText(fileName, buffer);
  return htmlToPlainText(buffer.toString('utf8'), fileName);
}

function failure(request: WorkerRequest, error: unknown): WorkerReply {
  if (error instanceof InputError) return { ok: false, code: error.code, reason: error.reason };
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof RangeError && /call stack/iu.test(message)) {
    return { ok: false, code: 'input_too_complex', reason: 'is nested too deeply to read' };
  }
  return {
    ok: false,
    code: 'input_unreadable',
    reason: `could not be read as ${request.format.toUpperCase()} (${message})`,
  };
}

const request = workerData as WorkerRequest;
read(request).then(
  (text) => parentPort?.postMessage({ ok: true, text } satisfies WorkerReply),
  (error: unknown) => parentPort?.postMessage(failure(request, error)),
);
