import type { DraftKind, ExportFormat } from '@contract';

const KIND_LABEL: Record<DraftKind, string> = { cv: 'CV', cover_letter: 'Cover-letter' };

/** A safe, readable file name such as "Lea-Sorensen-CV.pdf". */
export function draftFileName(candidateName: string, kind: DraftKind, format: ExportFormat): string {
  const name = candidateName
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[øØ]/gu, (c) => (c === 'ø' ? 'o' : 'O'))
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, 60);
  return `${name.length > 0 ? name : 'Candidate'}-${KIND_LABEL[kind]}.${format}`;
}
