/** What `candidates:import`, `jobs:import` and `drafts:check` take: a file name and its bytes as base64. */
export interface FileUpload {
  fileName: string;
  dataBase64: string;
}

/** The contract's limit (25 MB). */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

export const CANDIDATE_EXTENSIONS = ['.json', '.txt', '.md', '.docx', '.pdf'] as const;
export const JOB_EXTENSIONS = ['.txt', '.html', '.htm', '.pdf', '.png', '.jpg', '.jpeg', '.webp'] as const;

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot).toLowerCase();
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) binary += String.fromCharCode(...bytes.subarray(i, i + step));
  return btoa(binary);
}

/** Reads a picked or dropped file in the browser; checks its type and size first. */
export async function readUpload(file: File, allowed: readonly string[]): Promise<FileUpload> {
  const extension = extensionOf(file.name);
  if (!allowed.includes(extension))
    throw new Error(`${file.name}: this file type is not supported. Use ${allowed.join(', ')}.`);
  if (file.size > MAX_UPLOAD_BYTES) throw new Error(`${file.name} is larger than 25 MB.`);
  if (file.size === 0) throw new Error(`${file.name} is empty.`);
  return { fileName: file.name, dataBase64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) };
}
