import type { DocumentFormat } from './file-types';
import { IMAGE_TYPE_NAMES, imageTypeOf } from './image-signature';
import { InputError } from './input-error';

/** First bytes ("magic numbers") of binary formats people most often mis-name; checked on every text input. */
const BINARY_SIGNATURES: { name: string; bytes: readonly number[] }[] = [
  { name: 'an executable program (ELF)', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'a Windows program', bytes: [0x4d, 0x5a] },
  { name: 'a macOS program', bytes: [0xcf, 0xfa, 0xed, 0xfe] },
  { name: 'a macOS program', bytes: [0xca, 0xfe, 0xba, 0xbe] },
  { name: 'a zip archive (or a DOCX)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'a PDF', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'a gzip archive', bytes: [0x1f, 0x8b] },
  { name: 'a 7-Zip archive', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: 'a RAR archive', bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] },
  { name: 'an old Word/Excel document (.doc/.xls)', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { name: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'a SQLite database', bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66] },
  { name: 'a WebAssembly module', bytes: [0x00, 0x61, 0x73, 0x6d] },
];

/** How much of a file the text check looks at: enough to tell text from binary, bounded for large files. */
const SNIFF_BYTES = 64 * 1024;
/** Control characters other than tab, newline, form feed and carriage return are rare in real text. */
const MAX_CONTROL_SHARE = 0.01;

const PDF_MAGIC = Buffer.from('%PDF-');
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

function startsWith(bytes: Buffer, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((byte, index) => bytes[index] === byte);
}

/** What a binary file's first bytes say it is, or null when they name nothing known. */
function binaryKind(bytes: Buffer): string | null {
  const image = imageTypeOf(bytes);
  if (image) return `a ${IMAGE_TYPE_NAMES[image]} image`;
  return BINARY_SIGNATURES.find((s) => startsWith(bytes, s.bytes))?.name ?? null;
}

function hasUtf16Bom(bytes: Buffer): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** Whether the start of a file reads as text: no NUL bytes and hardly any other control characters. */
function looksLikeText(bytes: Buffer): boolean {
  const head = bytes.subarray(0, SNIFF_BYTES);
  let controls = 0;
  for (const byte of head) {
    if (byte === 0) return false;
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) || byte === 0x7f) controls++;
  }
  return controls <= Math.max(2, head.length * MAX_CONTROL_SHARE);
}

function mismatch(fileName: string, extension: string, reason: string): InputError {
  return new InputError(fileName, `is named .${extension} but ${reason}`, { code: 'input_type_mismatch' });
}

/**
 * Refuses a file whose content is not what its name says, whatever the name: an empty file, a program or archive
 * renamed .md, a .pdf that is not a PDF, a .docx that is not a zip archive. Runs before any parser sees the bytes.
 */
export function checkContentMatchesName(fileName: string, format: DocumentFormat, bytes: Buffer): void {
  if (bytes.length === 0) throw new InputError(fileName, 'is empty (0 bytes)', { code: 'input_invalid' });
  if (format === 'pdf') {
    // PDF readers accept the header anywhere in the first kilobyte.
    if (bytes.subarray(0, 1024).includes(PDF_MAGIC)) return;
    const kind = binaryKind(bytes);
    throw mismatch(fileName, format, kind ? `holds ${kind}, not a PDF` : 'is not a PDF (it has no PDF header)');
  }
  if (format === 'docx') {
    if (bytes.subarray(0, 4).equals(ZIP_MAGIC)) return;
    const kind = binaryKind(bytes);
    throw mismatch(
      fileName,
      format,
      kind ? `holds ${kind}, not a Word document` : 'is not a Word document (.docx files are zip archives)',
    );
  }
  if (hasUtf16Bom(bytes)) return;
  const kind = binaryKind(bytes);
  if (kind) throw mismatch(fileName, format, `holds ${kind}, not text`);
  if (!looksLikeText(bytes)) {
    throw mismatch(fileName, format, 'holds binary data, not text');
  }
}

/**
 * The text of a plain-text file: UTF-8; UTF-16 when it starts with a byte-order mark (as Windows Notepad saves);
 * Windows-1252 when it is not valid UTF-8 (older Western European text files).
 */
export function decodeTextFile(bytes: Buffer): string {
  if (hasUtf16Bom(bytes)) {
    const body = Buffer.from(bytes.subarray(2, 2 + Math.floor((bytes.length - 2) / 2) * 2));
    return (bytes[0] === 0xfe ? body.swap16() : body).toString('utf16le');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/u, '');
  } catch {
    return decodeWindows1252(bytes);
  }
}

/** Windows-1252 differs from Latin-1 in 0x80–0x9F (€, quotes, dashes); Node's decoder treats both as Latin-1. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeWindows1252(bytes: Buffer): string {
  let text = '';
  for (const byte of bytes) {
    text += byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  }
  return text;
}
