import type { ValidationFinding } from '@contract';
import { findMarkdownLinks } from '../text/markdown-links';
import type { DraftDocument } from './draft-document';

interface AtsRule {
  test: (line: string) => boolean;
  message: string;
}

const RULES: AtsRule[] = [
  {
    // `\s*(?:\|\s*)?` rather than `\s*\|?\s*`: two adjacent `\s*` split a long run of spaces every possible way.
    test: (l) => /^\s*\|.*\|\s*$/u.test(l) || /^\s*(?:\|\s*)?:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+(?:\|\s*)?$/u.test(l),
    message: 'Tables: many applicant tracking systems read table cells out of order.',
  },
  {
    test: (l) => findMarkdownLinks(l, '![').length > 0,
    message: 'Images: applicant tracking systems cannot read text in images.',
  },
  {
    test: (l) => /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>/iu.test(l),
    message: 'HTML markup: use plain Markdown; HTML is not exported and may confuse parsers.',
  },
  {
    test: (l) => /\p{Extended_Pictographic}|[\u2600-\u27BF]/u.test(l),
    message: 'Emojis or symbols: they are often garbled by applicant tracking systems.',
  },
  {
    test: (l) => /\S(?:\t|\s{4,})\S/u.test(l.trimStart()) || /^\s*:::/u.test(l),
    message: 'Column layout (tabs, wide gaps or column blocks): single-column text parses best.',
  },
  {
    test: (l) => /^\s*```/u.test(l),
    message: 'Code blocks: they are exported as plain text but look out of place in a CV or letter.',
  },
];

/** One finding per kind of ATS-unfriendly formatting, quoting the first offending line. */
export function checkAtsFormatting(draft: DraftDocument): ValidationFinding[] {
  const findings: ValidationFinding[] = [];
  for (const rule of RULES) {
    const offending = draft.lines.filter(rule.test);
    const first = offending[0];
    if (first === undefined) continue;
    const more = offending.length > 1 ? ` (${offending.length} lines)` : '';
    findings.push({
      severity: 'warning',
      kind: 'ats_formatting',
      message: `${rule.message}${more}`,
      evidence: first.trim().slice(0, 300),
    });
  }
  return findings;
}
