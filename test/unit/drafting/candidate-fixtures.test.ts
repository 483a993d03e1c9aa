import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CandidateRecord } from '@contract';
import { readCandidateFile } from '../../../src-main/drafting/inputs/read-candidate';
import { resumeSchemaProblems } from '../../../src-main/drafting/record/check-resume';
import {
  bulletAttribution,
  entriesOf,
  expectedCandidates,
  normalizeSpace,
  ORG_KEY,
} from '../../../bench/drafting-eval/bullet-attribution';
import { FIXTURES } from './helpers';

// Candidates written outside the parser (Markdown, text, DOCX, PDF incl. a two-column one, JSON Resume; non-Latin
// names; career changers), each with the entries and bullets a person reads in it. The DOCX and PDF files are made by
// scripts/make-candidate-fixtures.ts.
const DIR = join(FIXTURES, 'candidates');

const fixtures = expectedCandidates(DIR);
const norm = normalizeSpace;
const score = bulletAttribution;

describe('parsing candidates written outside Aditus', () => {
  it('has at least ten varied fixtures', () => {
    const kinds = new Set(fixtures.map((f) => f.file.split('.').pop()));
    expect(fixtures.length).toBeGreaterThanOrEqual(10);
    expect([...kinds].sort()).toEqual(['docx', 'json', 'md', 'pdf', 'txt']);
  });

  for (const expected of fixtures) {
    it(`${expected.file}: every bullet under its own entry, every section kept, a valid JSON Resume`, async () => {
      const { record, sourceText: text } = await readCandidateFile(join(DIR, expected.file));
      expect(resumeSchemaProblems(record.resume)).toEqual([]);
      const result = score(record, expected);
      expect(result.misattributed, 'bullets under another entry').toEqual([]);
      expect(result.dropped, 'bullets lost').toEqual([]);
      expect(result.unassigned, 'bullets left unassigned').toEqual([]);
      for (const section of expected.sections) {
        expect(record.resume[section as keyof CandidateRecord['resume']], `section ${section}`).not.toEqual([]);
        expect(record.resume[section as keyof CandidateRecord['resume']], `section ${section}`).toBeDefined();
      }
      for (const entry of expected.entries) {
        const own = entriesOf(record, entry.section).find(
          (e) => norm(String(e[ORG_KEY[entry.section]] ?? '')) === entry.org,
        );
        expect(own, `${entry.section} entry ${entry.org}`).toBeDefined();
        if (entry.title && entry.section !== 'education' && entry.section !== 'projects') {
          expect(own?.position, `title at ${entry.org}`).toBe(entry.title);
        }
      }
      // Provenance: every bullet points at a line of the source that holds its words.
      for (const [pointer, ref] of Object.entries(record.provenance)) {
        if (!pointer.includes('/highlights/') || expected.file.endsWith('.json')) continue;
        expect(ref.file).toBe(expected.file);
        expect(ref.line).toBeGreaterThan(0);
        if (expected.file.endsWith('.pdf')) expect(ref.page).toBe(1);
        if (expected.file.endsWith('.docx')) expect(ref.paragraph).toBeGreaterThan(0);
        const words = norm(ref.text)
          .replace(/^[-•*\s]+/u, '')
          .slice(0, 20);
        expect(text.replace(/\s+/gu, ' ')).toContain(words);
      }
    });
  }

  it('counts no misattributed bullet and no dropped section over all fixtures', async () => {
    let bullets = 0;
    let misattributed = 0;
    let droppedSections = 0;
    for (const expected of fixtures) {
      const { record } = await readCandidateFile(join(DIR, expected.file));
      const result = score(record, expected);
      bullets += result.bullets;
      misattributed += result.misattributed.length;
      droppedSections += expected.sections.filter(
        (s) => ((record.resume[s as keyof CandidateRecord['resume']] as unknown[] | undefined)?.length ?? 0) === 0,
      ).length;
    }
    expect(bullets).toBeGreaterThan(40);
    expect({ misattributed, droppedSections }).toEqual({ misattributed: 0, droppedSections: 0 });
  });
});
