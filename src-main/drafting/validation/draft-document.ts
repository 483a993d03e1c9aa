import type { DraftKind } from '@contract';
import { splitCvSections, type CvSection } from '../text/cv-sections';
import { splitLines } from '../text/lines';

/** A draft split once into what the checks need. */
export interface DraftDocument {
  kind: DraftKind;
  markdown: string;
  lines: string[];
  sections: CvSection[];
}

export function toDraftDocument(kind: DraftKind, markdown: string): DraftDocument {
  return { kind, markdown, lines: splitLines(markdown), sections: splitCvSections(markdown).sections };
}
