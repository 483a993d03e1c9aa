import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CandidateProfile } from '@contract';
import { draftOffline } from '../../../src-main/drafting/builtin/draft-offline';
import { companyName } from '../../../src-main/drafting/builtin/template-cover-letter';
import { extractJobFieldsOffline } from '../../../src-main/drafting/builtin/extract-job-fields';
import { readCandidateFile } from '../../../src-main/drafting/inputs/read-candidate';
import { profileFromRecord } from '../../../src-main/drafting/record/profile-from-record';
import { checkLength } from '../../../src-main/drafting/validation/check-length';
import { FIXTURES, fixture } from './helpers';

const CANDIDATES = [
  'md-bold-title-city.md',
  'md-ceo-headings.md',
  'json-resume-cyrillic.json',
  'txt-spanish-dates-first.txt',
  'docx-career-changer.docx',
];
const POSTINGS = ['job-frontend.txt', 'job-data-analyst.txt'];

const plain = (text: string): string => text.replace(/\\(.)/gu, '$1');
const norm = (text: string): string => plain(text).replace(/\s+/gu, ' ').trim().toLowerCase();

function sentencesOf(letter: string): string[] {
  return plain(letter)
    .split(/(?<=[.!?])\s+|\n+/u)
    .map((s) => s.trim())
    .filter((s) => /\p{L}/u.test(s));
}

async function candidate(file: string): Promise<{ profile: CandidateProfile; sourceText: string }> {
  const { record, sourceText } = await readCandidateFile(join(FIXTURES, 'candidates', file));
  return { profile: profileFromRecord(record), sourceText };
}

function letterFor(profile: CandidateProfile, posting: string) {
  const job = extractJobFieldsOffline(fixture(posting));
  return { job, letter: draftOffline('cover_letter', profile, job).markdown };
}

/** The entry whose bullet a sentence states, when it states one ("I built …" or the bullet quoted). */
function entryStatedIn(sentence: string, profile: CandidateProfile) {
  const key = norm(sentence);
  return profile.experience.filter((entry) =>
    entry.bullets.some((b) =>
      key.includes(
        norm(b)
          .replace(/[.;:!]+$/u, '')
          .slice(1),
      ),
    ),
  );
}

describe('offline cover letters', () => {
  it('names the company without its location, even when the extracted field still carries it', async () => {
    const { profile } = await candidate('md-bold-title-city.md');
    const { letter } = letterFor(profile, 'job-data-analyst.txt');
    expect(letter).toContain('Dear Northwind Logistics GmbH hiring team,');
    expect(letter).toContain('the Senior Data Analyst position at Northwind Logistics GmbH, and I currently work as');
    expect(letter).not.toMatch(/Hamburg|hybrid/u);
  });

  for (const file of CANDIDATES) {
    it(`${file}: each letter meets the length rule, names role and company, differs between postings, states only record facts`, async () => {
      const { profile, sourceText } = await candidate(file);
      const letters = POSTINGS.map((p) => letterFor(profile, p));
      for (const { job, letter } of letters) {
        expect(checkLength('cover_letter', letter), letter).toEqual([]);
        const company = companyName(job.company ?? '');
        expect(plain(letter)).toContain(`the ${job.title ?? ''} position at ${company}`);
        expect(plain(letter)).not.toContain(`${company} —`);
        expect(plain(letter)).toContain(`Dear ${company} hiring team,`);
        expect(letter).not.toMatch(/my work included/u);

        const source = norm(sourceText);
        for (const number of plain(letter).match(/\d[\d,.]*\d|\d/gu) ?? []) {
          expect(source, `"${number}" is not in the record`).toContain(number.toLowerCase());
        }
        const employers = profile.experience.map((e) => e.employer);
        for (const sentence of sentencesOf(letter)) {
          const stated = entryStatedIn(sentence, profile);
          if (stated.length === 0) continue;
          // A bullet is only ever stated with the employer it is listed under, and with no other employer.
          expect(
            stated.some((entry) => sentence.includes(entry.employer)),
            sentence,
          ).toBe(true);
          const named = employers.filter((e) => sentence.includes(e));
          expect(
            named.every((e) => stated.some((entry) => entry.employer === e)),
            sentence,
          ).toBe(true);
        }
      }
      const [first, second] = letters.map(({ letter }) => sentencesOf(letter).map(norm));
      const shared = (first ?? []).filter((s) => (second ?? []).includes(s));
      expect(shared.length / (first ?? []).length, shared.join('\n')).toBeLessThan(0.5);
    });
  }

  it('argues must-haves with the bullet that shows them, under its own employer', async () => {
    const { profile } = await candidate('md-bold-title-city.md');
    const { letter } = letterFor(profile, 'job-data-analyst.txt');
    expect(plain(letter)).toMatch(
      /On Python, which the Senior Data Analyst role calls for: as Data Analyst at Kaveri Bank \(Jul 2016 – Dec 2019\), I automated monthly risk reports in Python\./u,
    );
  });
});
