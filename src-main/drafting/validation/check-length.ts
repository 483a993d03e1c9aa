import type { DraftKind, ValidationFinding } from '@contract';
import { countWords } from '../text/words';

/** Word ranges: a CV of one to two pages, a letter that fits on one page. */
export const WORD_RANGES: Record<DraftKind, { min: number; max: number }> = {
  cv: { min: 300, max: 1000 },
  cover_letter: { min: 200, max: 450 },
};

export function checkLength(kind: DraftKind, markdown: string): ValidationFinding[] {
  const words = countWords(markdown);
  const { min, max } = WORD_RANGES[kind];
  const document = kind === 'cv' ? 'CV' : 'cover letter';
  if (words < min) {
    return [
      { severity: 'warning', kind: 'length', message: `The ${document} has ${words} words; aim for ${min}–${max}.` },
    ];
  }
  if (words > max) {
    const pages = kind === 'cv' ? ' (more than about two pages)' : ' (more than one page)';
    return [
      {
        severity: 'warning',
        kind: 'length',
        message: `The ${document} has ${words} words${pages}; aim for ${min}–${max}.`,
      },
    ];
  }
  return [];
}
