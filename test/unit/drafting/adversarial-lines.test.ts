import { describe, expect, it } from 'vitest';
import { extractJobFieldsOffline } from '../../../src-main/drafting/builtin/extract-job-fields';
import { parseSalary } from '../../../src-main/drafting/builtin/salary';
import { draftOffline } from '../../../src-main/drafting/builtin/draft-offline';
import { detectIdentity } from '../../../src-main/drafting/builtin/title-company-location';
import { tidyText } from '../../../src-main/drafting/inputs/tidy-text';
import { parseCvHeader } from '../../../src-main/drafting/inputs/parse-cv-header';
import { parseEducationLines } from '../../../src-main/drafting/inputs/parse-cv-education';
import { parseExperienceLines } from '../../../src-main/drafting/inputs/parse-cv-experience';
import { candidateFromText, recordFromText } from '../../../src-main/drafting/inputs/read-candidate';
import { splitListItems } from '../../../src-main/drafting/inputs/split-list';
import { namedSkills } from '../../../src-main/drafting/skills/named-skills';
import { findSkills } from '../../../src-main/drafting/skills/find-skills';
import { findEmails, findPhones, findUrls } from '../../../src-main/drafting/text/contact';
import { findDateRanges, findYears } from '../../../src-main/drafting/text/dates';
import { findDegrees } from '../../../src-main/drafting/text/degrees';
import { parseRoleLine } from '../../../src-main/drafting/text/role-line';
import { findSchoolNames } from '../../../src-main/drafting/text/schools';
import { countWords } from '../../../src-main/drafting/text/words';
import { validateDraft } from '../../../src-main/drafting/validation/validate-draft';
import { example, exampleCandidate } from './helpers';

// Every pattern that reads candidate, posting or draft text must take time in proportion to the text. Each of
// these lines took seconds to minutes with the patterns they target (the email pattern alone: 40 s for 100,000
// characters); linear code reads one in milliseconds. The bound is generous so a busy machine never fails it.
const LENGTH = 100_000;
const BOUND_MS = 2_000;

function line(unit: string, prefix = '', suffix = 'x'): string {
  return `${prefix}${unit.repeat(Math.ceil(LENGTH / unit.length)).slice(0, LENGTH)}${suffix}`;
}

const LINES: Record<string, string> = {
  letters: line('a'),
  'letters and dots': line('a.'),
  'digits and spaces': line('1 '),
  digits: line('1'),
  spaces: line(' ', 'a'),
  tabs: line('\t', 'a'),
  dashes: line('-'),
  'dots and spaces': line('. '),
  'capitals in one word': line('A.'),
  'capitalised words': line('Ab '),
  'mixed case': line('aA'),
  ampersands: line('A&'),
  'at signs': line('a@'),
  'year ranges': line('2020-'),
  'open brackets': line('['),
  'image openers': line('!['),
  'unclosed links': line('[a]('),
  'as-phrases': line('As '),
  'worked at': line('Worked at A '),
  'degree then spaces': line(' ', 'MSc'),
  'years then spaces': line(' ', '5', ' x'),
  'days then spaces': line(' ', '2 days'),
  'work-mode keywords': line('remote ', 'Location: Berlin ('),
  'corporate suffixes': line(' inc', 'Company: Acme'),
  'gender markers': line(' ', 'Title: Engineer', '(x'),
  separators: line(' ', 'Skills: a', ', b'),
  'table rule': line(' ', '|---|', 'x'),
  urls: line('.', 'www.a'),
  'swiss thousands': line("1'"),
  'spaced hyphens': line(' - '),
  'lists after with': line('with Ab, '),
  'schedule words': line('5 days ', '', ' a week'),
  'language compounds': line('Deutsch-'),
  'word then spaces': line(' ', 'Projektmanager', '(x'),
};

const { profile, sourceText } = exampleCandidate();
const job = extractJobFieldsOffline(example('job-backend.txt'));

const PARSERS: Record<string, (text: string) => unknown> = {
  findEmails,
  findPhones,
  findUrls,
  findDateRanges,
  findYears,
  findDegrees,
  findSchoolNames,
  parseRoleLine,
  countWords,
  findSkills,
  namedSkills: (text) => namedSkills([text]),
  tidyText,
  parseSalary,
  splitListItems: (text) => splitListItems([text], { splitCommas: true }),
  parseCvHeader: (text) => parseCvHeader([text]),
  parseEducationLines: (text) => parseEducationLines([text]),
  parseExperienceLines: (text) => parseExperienceLines([text]),
  detectIdentity: (text) => detectIdentity([text], [text]),
  'CV parse': (text) => candidateFromText(`Sam Doe\n\n## Experience\n\n${text}\n\n## Education\n\n${text}`),
  'CV record parse': (text) =>
    recordFromText(`Sam Doe\n\n## Experience\n\n${text}\n\n## Education\n\n${text}\n\n## Awards\n\n- ${text}`, 'cv.md'),
  'job extraction': (text) => extractJobFieldsOffline(`Backend Engineer\n\n${text}\n\nRequirements\n\n- ${text}`),
  'validation of a CV': (text) =>
    validateDraft({ kind: 'cv', markdown: `# Sam\n\n## Experience\n\n${text}`, profile, sourceText, job }),
  'validation of a letter': (text) =>
    validateDraft({ kind: 'cover_letter', markdown: text, profile, sourceText: `${sourceText}\n${text}`, job }),
};

function slowest(parse: (text: string) => unknown): { name: string; ms: number } {
  let worst = { name: '', ms: 0 };
  for (const [name, text] of Object.entries(LINES)) {
    const started = performance.now();
    parse(text);
    const ms = performance.now() - started;
    if (ms > worst.ms) worst = { name, ms };
  }
  return worst;
}

describe('parsing adversarial long lines takes linear time', () => {
  for (const [parser, parse] of Object.entries(PARSERS)) {
    it(`${parser} reads each 100,000-character line in well under ${BOUND_MS / 1000} s`, () => {
      const worst = slowest(parse);
      expect(worst.ms, `${parser} on ${worst.name}`).toBeLessThan(BOUND_MS);
    });
  }

  it('a one-line CV of 100,000 characters is imported, drafted and validated in well under 2 s', () => {
    for (const [name, text] of Object.entries(LINES)) {
      const started = performance.now();
      const candidate = candidateFromText(`Sam Doe\n${text}`);
      const draft = draftOffline('cv', candidate, job);
      validateDraft({ kind: 'cv', markdown: draft.markdown, profile: candidate, sourceText: text, job });
      expect(performance.now() - started, name).toBeLessThan(BOUND_MS);
    }
  });
});
