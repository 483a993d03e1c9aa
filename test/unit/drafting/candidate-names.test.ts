import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCandidateFile } from '../../../src-main/drafting/inputs/read-candidate';
import { FIXTURES } from './helpers';

const file = (name: string) => join(FIXTURES, 'candidates', name);

// The name opens the CV and the email address sits on the next line; PDF and plain text join lines a layout wrapped,
// and a line in lower case continues the one before, except the contact line under a name.
describe('the candidate name read from a PDF or text CV', () => {
  it.each([
    ['pdf-two-column.pdf', 'Sofia Lindqvist', 'sofia.lindqvist@example.se'],
    ['pdf-single-polish.pdf', 'Łukasz Dvořák', 'lukasz.dvorak@example.pl'],
    ['txt-spanish-dates-first.txt', 'María José Fernández', 'maria.fernandez@example.es'],
    ['txt-chinese-career-changer.txt', '王芳 (Fang Wang)', 'fang.wang@example.cn'],
  ])('%s: the name is the name, without the email address of the line below', async (name, person, email) => {
    const { record } = await readCandidateFile(file(name));
    expect(record.resume.basics?.name).toBe(person);
    expect(record.resume.basics?.email).toBe(email);
    expect(record.provenance['/basics/name']?.text).toBe(person);
  });

  it('a wrapped line that starts in lower case still continues the line before', async () => {
    const { record } = await readCandidateFile(file('pdf-two-column.pdf'));
    expect(record.resume.work?.[0]?.highlights?.[0]).toBe(
      'Redesigned the onboarding flow, raising completion from 61% to 78%',
    );
  });
});
