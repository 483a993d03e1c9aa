import { inflateRawSync } from 'node:zlib';
import { InputError } from './input-error';
import { describeBytes, describeCount } from './input-limits';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const END_RECORD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const STORED = 0;
const DEFLATED = 8;

export interface ArchiveLimits {
  maxEntries: number;
  maxUnpackedBytes: number;
}

function endOfDirectory(bytes: Buffer): number {
  const last = bytes.length - END_RECORD_SIZE;
  for (let at = last; at >= Math.max(0, last - MAX_COMMENT); at -= 1) {
    if (bytes.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  return -1;
}

/**
 * Refuses a DOCX (a zip archive) that would unpack to more than the limits allow, before mammoth opens it. Sizes in
 * a zip's directory are only claims, so every entry is also unpacked here with zlib stopping at the claimed size: a
 * "zip bomb" that claims 1 KB and inflates to gigabytes is refused after 1 KB instead of filling memory.
 */
export function checkDocxArchive(fileName: string, bytes: Buffer, limits: ArchiveLimits): void {
  const damaged = (what: string): InputError =>
    new InputError(fileName, `could not be read as DOCX (${what})`, { code: 'input_unreadable' });
  const end = endOfDirectory(bytes);
  if (end < 0) throw damaged('it is not a zip archive');
  const entries = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  if (entries === 0xffff || at === 0xffffffff) throw damaged('it uses ZIP64, which no DOCX needs');
  if (entries > limits.maxEntries) {
    throw new InputError(
      fileName,
      `holds ${describeCount(entries)} files; a DOCX may hold at most ${describeCount(limits.maxEntries)}`,
      { code: 'input_too_large' },
    );
  }
  const tooBig = (): InputError =>
    new InputError(fileName, `unpacks to more than ${describeBytes(limits.maxUnpackedBytes)}, the limit for a DOCX`, {
      code: 'input_too_large',
    });

  const understated = (): InputError =>
    new InputError(fileName, 'unpacks to more than its zip directory says (a "zip bomb"), so it was not opened', {
      code: 'input_too_large',
    });

  let total = 0;
  for (let index = 0; index < entries; index += 1) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== DIRECTORY_ENTRY)
      throw damaged('its zip directory is damaged');
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const packedSize = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    const local = bytes.readUInt32LE(at + 42);
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);

    total += size;
    if (total > limits.maxUnpackedBytes) throw tooBig();
    if ((flags & 1) !== 0) throw damaged('it is encrypted');
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== LOCAL_HEADER)
      throw damaged('a zip entry is damaged');
    const dataStart = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    if (dataStart + packedSize > bytes.length) throw damaged('a zip entry is cut short');
    const data = bytes.subarray(dataStart, dataStart + packedSize);

    if (method === STORED) {
      if (packedSize !== size) throw damaged('a stored zip entry has the wrong size');
    } else if (method === DEFLATED) {
      let unpacked: Buffer;
      try {
        unpacked = inflateRawSync(data, { maxOutputLength: Math.max(size, 1) });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw understated();
        throw damaged('a zip entry does not unpack');
      }
      if (unpacked.length > size) throw understated();
    } else {
      throw damaged(`a zip entry uses compression method ${method}`);
    }
  }
}
