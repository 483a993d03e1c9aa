import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordFromText } from '../../../src-main/drafting/inputs/read-candidate';
import { parseCvAnswer } from '../../../src-main/drafting/output/parse-cv-answer';
import { renderCvAnswer } from '../../../src-main/drafting/output/render-cv-answer';
import { profileFromRecord } from '../../../src-main/drafting/record/profile-from-record';
import { FIXTURES } from './helpers';

// work-0 Harbor Analytics, work-1 Tidewater Software, volunteer-0 Bay Area Girls Who Code, education-0.
const text = readFileSync(join(FIXTURES, 'candidates', 'md-ceo-headings.md'), 'utf8');
const record = recordFromText(text, 'md-ceo-headings.md', 'md');
const profile = profileFromRecord(record);
const ids = [
  ...(record.resume.work ?? []).map((_, i) => `work-${i}`),
  ...(record.resume.volunteer ?? []).map((_, i) => `volunteer-${i}`),
  ...(record.resume.education ?? []).map((_, i) => `education-${i}`),
];
const entries = (bullets: Record<string, { text: string; sourceIds: string[] }[]> = {}) =>
  ids.map((id) => ({ id, bullets: bullets[id] ?? [] }));
const answer = (value: unknown) => JSON.stringify(value);

describe('the AI CV answer', () => {
  it('is invalid when a bullet cites no id, or a record section is left out', () => {
    const noSource = parseCvAnswer(
      answer({ summary: '', skills: [], entries: entries({ 'work-0': [{ text: 'Led sales', sourceIds: [] }] }) }),
      record,
    );
    expect(noSource.ok).toBe(false);
    if (!noSource.ok)
      expect(noSource.error.issues).toContain('entries.0.bullets.0.sourceIds: cites no record entry id');
    const dropped = parseCvAnswer(
      answer({ summary: '', skills: [], entries: entries().filter((e) => !e.id.startsWith('volunteer')) }),
      record,
    );
    expect(dropped.ok).toBe(false);
    if (!dropped.ok) expect(dropped.error.issues.join('\n')).toMatch(/"volunteer" section/u);
  });

  it("renders headings from the record and keeps the model's text literal", () => {
    const raw = answer({
      summary: '<script>alert(1)</script> Leader',
      skills: ['**SaaS**'],
      entries: entries({ 'volunteer-0': [{ text: 'Mentored <b>girls</b> in code', sourceIds: ['volunteer-0'] }] }),
    });
    const parsed = parseCvAnswer(raw, record);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const cv = renderCvAnswer(parsed.value, record, profile);
    expect(cv).toMatch(/## Volunteering\n\n### Board Member — Bay Area Girls Who Code/u);
    expect(cv).toContain('\\<script\\>alert(1)\\</script\\> Leader');
    expect(cv).toContain('\\*\\*SaaS\\*\\*');
    expect(cv).toContain('- Mentored \\<b\\>girls\\</b\\> in code');
    expect(cv.indexOf('Harbor Analytics')).toBeLessThan(cv.indexOf('Tidewater Software'));
  });
});
