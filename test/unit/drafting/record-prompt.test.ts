import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractJobFieldsOffline } from '../../../src-main/drafting/builtin/extract-job-fields';
import { draftOffline } from '../../../src-main/drafting/builtin/draft-offline';
import { recordFromText } from '../../../src-main/drafting/inputs/read-candidate';
import { buildCvDraftPrompt } from '../../../src-main/drafting/prompts/cv-draft';
import { profileFromRecord } from '../../../src-main/drafting/record/profile-from-record';
import { example, FIXTURES } from './helpers';

const text = readFileSync(join(FIXTURES, 'candidates', 'md-ceo-headings.md'), 'utf8');
const record = recordFromText(text, 'md-ceo-headings.md', 'md');
const profile = profileFromRecord(record);
const job = extractJobFieldsOffline(example('job-backend.txt'));

describe('drafting from the JSON Resume record', () => {
  it('gives the AI the record with an id per entry and the rule to keep highlights within their entry', () => {
    const prompt = buildCvDraftPrompt({ profile, record, sourceText: text, job });
    expect(prompt.userText).toContain('"id": "work-0"');
    expect(prompt.userText).toContain('"id": "volunteer-0"');
    expect(prompt.userText).toMatch(/never move one to another entry/u);
    expect(prompt.userText).toContain('Raised $250,000 for scholarships');
  });

  it('drafts offline with each bullet under the entry it came from, volunteer work under its own heading', () => {
    const { markdown } = draftOffline('cv', profile, job);
    expect(markdown).toMatch(/## Volunteering\n\n### Board Member — Bay Area Girls Who Code/u);
    expect(markdown.indexOf('## Volunteering')).toBeGreaterThan(markdown.indexOf('Tidewater Software'));
    const harbor = markdown.indexOf('Harbor Analytics');
    const tidewater = markdown.indexOf('Tidewater Software');
    const board = markdown.indexOf('Bay Area Girls Who Code');
    expect(harbor).toBeGreaterThan(-1);
    expect(tidewater).toBeGreaterThan(harbor);
    const position = (bullet: string) => markdown.indexOf(bullet);
    // A bullet that appears in the draft sits between its own entry's heading and the next entry's.
    for (const [bullet, from, to] of [
      ['Grew annual recurring revenue from $4M to $31M', harbor, tidewater],
      ['Opened offices in Austin and Dublin', tidewater, board < 0 ? Infinity : board],
    ] as const) {
      const at = position(bullet);
      if (at >= 0) expect(at > from && at < to, bullet).toBe(true);
    }
  });
});
