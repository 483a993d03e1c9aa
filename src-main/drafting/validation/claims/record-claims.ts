import type { CandidateProfile } from '@contract';
import { isKnownSkill, findSkills, mentionsSkill, skillText } from '../../skills/find-skills';
import { matchKey } from '../../text/fold';
import { KeyIndex, KeySet } from '../../text/key-index';
import { isBulletLine, plainLine, stripBullet } from '../../text/lines';
import type { DraftDocument } from '../draft-document';
import type { SupportIndex } from '../support-index';
import type { UnsupportedClaim } from './claim';
import type { EmployerLookup } from './employer-lookup';
import { draftEntries, entryText } from './entry-claims';
import { findYearsClaims, recordMonthsOfWork } from './experience-years';
import { findNumbers, isSupportedNumber, numberValues } from './numbers';

export interface RecordContext {
  profile: CandidateProfile;
  support: SupportIndex;
  sourceText: string;
  /** Words of the posting, which a draft may name (the company, its product, the role). */
  postingKey: string;
  /** The record's entries by the employer names a draft may use. */
  employers: EmployerLookup;
  /** The posting's title and company as written: naming the role ("Engineer (React)") claims no skill. */
  jobNames: string[];
  today: Date;
}

const ITEM_SPLIT = /[,;•|·\u2022]|\s+\/\s+/u;
const NOT_NAMES = new Set(
  'i me my we our you your he she they it a an the dear kind regards sincerely best thank thanks yours hello hi mr mrs ms dr prof present current today now monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec ceo cto cfo cv resume lebenslauf'.split(
    ' ',
  ),
);

function itemsOf(lines: readonly string[]): string[] {
  return lines
    .map((l) => plainLine(isBulletLine(l) ? stripBullet(l) : l))
    .flatMap((l) => l.replace(/^[^:]{1,40}:\s+/u, '').split(ITEM_SPLIT))
    .map((i) => i.trim().replace(/[.]$/u, ''))
    .filter((i) => i.length > 0);
}

/** Finds the entry a prose line is about: the one record employer it names, if exactly one. */
function employerFinder(profile: CandidateProfile): (line: string) => string | null {
  const byKey = new Map<string, Set<string>>();
  for (const { employer } of profile.experience) {
    const key = matchKey(employer);
    byKey.set(key, (byKey.get(key) ?? new Set()).add(employer));
  }
  const employers = new KeySet(byKey.keys());
  return (line) => {
    const named = new Set<string>();
    for (const key of employers.foundIn(matchKey(line))) for (const e of byKey.get(key) ?? []) named.add(e);
    return named.size === 1 ? ([...named][0] ?? null) : null;
  };
}

/** Lines of the draft that are not inside an entry parsed from Experience-like sections: summary, header, letter. */
function proseLines(draft: DraftDocument, employers: EmployerLookup): string[] {
  const entryBullets = new Set(draftEntries(draft, employers).flatMap((e) => e.bullets.map((b) => plainLine(b))));
  const listSections = new Set(['skills', 'languages', 'certifications', 'links', 'contact', 'education']);
  const inLists = new Set(draft.sections.filter((s) => listSections.has(s.key)).flatMap((s) => s.lines));
  return draft.lines.filter(
    (l) => !/^\s{0,3}#/u.test(l) && !inLists.has(l) && !entryBullets.has(plainLine(l)) && plainLine(l).length > 0,
  );
}

function sentenceInitial(line: string, index: number): boolean {
  let at = index - 1;
  while (at >= 0 && /\s/u.test(line[at] ?? '')) at -= 1;
  return at < 0 || /[.!?:;—–(\-"“]/u.test(line[at] ?? '');
}

/**
 * Record-level claims: numbers and years of experience in prose (numbers checked against the entry the sentence
 * names, else against the whole record, which the message says), skills, certifications and languages as set
 * differences, and capitalised names in prose that neither the record nor the posting contains.
 */
export function unsupportedRecordClaims(draft: DraftDocument, ctx: RecordContext): UnsupportedClaim[] {
  const { profile, support } = ctx;
  const claims: UnsupportedClaim[] = [];
  const wholeValues = numberValues(`${ctx.sourceText}\n${profileText(profile)}`);
  const sourceSkills = skillText(`${support.sourceKey} ${profile.skills.join(', ')}`);
  const supportedYears = Math.ceil(recordMonthsOfWork(profile, ctx.today) / 12);
  const entryNamedIn = employerFinder(profile);
  const entryValues = new Map<string, Set<number>>();
  const valuesOf = (employer: string): Set<number> => {
    let values = entryValues.get(employer);
    if (!values) {
      values = numberValues(ctx.employers.entriesFor(employer).map(entryText).join('\n'));
      entryValues.set(employer, values);
    }
    return values;
  };

  for (const raw of proseLines(draft, ctx.employers)) {
    const line = plainLine(raw);
    const yearsClaims = findYearsClaims(line);
    for (const y of yearsClaims) {
      if (y.years > supportedYears) {
        claims.push({
          type: 'years of experience',
          text: `${y.text} (the record's work dates support ${supportedYears})`,
          line,
        });
      }
    }
    const employer = entryNamedIn(line);
    const values = employer ? valuesOf(employer) : wholeValues;
    for (const n of findNumbers(line)) {
      if (yearsClaims.some((y) => n.index >= y.index && n.index < y.index + y.text.length)) continue;
      if (isSupportedNumber(n, values)) continue;
      const where = employer ? `the entry for ${employer}` : 'the whole record (the sentence names no entry)';
      claims.push({ type: 'number', text: `${n.text} (checked against ${where})`, line });
    }
  }

  for (const section of draft.sections) {
    if (section.key === 'skills') {
      for (const item of itemsOf(section.lines)) {
        if (!support.sourceIndex.has(matchKey(item)) && !(isKnownSkill(item) && mentionsSkill(sourceSkills, item)))
          claims.push({ type: 'skill', text: item, line: item });
      }
    } else if (section.key === 'certifications') {
      for (const item of itemsOf(section.lines)) {
        if (!support.sourceIndex.has(matchKey(item))) claims.push({ type: 'certification', text: item, line: item });
      }
    } else if (section.key === 'languages') {
      for (const item of itemsOf(section.lines)) {
        if (!support.sourceIndex.has(matchKey(item))) claims.push({ type: 'language', text: item, line: item });
      }
    }
  }
  const withoutJobNames = ctx.jobNames
    .filter((n) => n.length > 0)
    .reduce((text, name) => text.split(name).join(' '), draft.markdown);
  for (const skill of findSkills(withoutJobNames)) {
    if (!mentionsSkill(sourceSkills, skill))
      claims.push({ type: 'skill', text: skill, line: draft.lines.find((l) => l.includes(skill)) ?? skill });
  }

  const posting = new KeyIndex(ctx.postingKey);
  const known = (key: string): boolean => support.sourceIndex.has(key) || posting.has(key);
  for (const raw of draft.lines) {
    if (/^\s{0,3}#/u.test(raw)) continue;
    const line = plainLine(raw);
    for (const m of line.matchAll(/(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}&'’./+#-]*/gu)) {
      const word = m[0].replace(/['’]s$/u, '').replace(/[./'’-]+$/u, '');
      const key = matchKey(word);
      if (key.length < 2 || NOT_NAMES.has(key) || known(key)) continue;
      if (isKnownSkill(word)) continue; // skills are checked as skills
      // The first word of a sentence is capitalised anyway ("Headed …"); a name after it is checked on its own.
      if (sentenceInitial(line, m.index)) continue;
      claims.push({ type: 'name', text: word, line });
    }
  }
  return claims;
}

function profileText(profile: CandidateProfile): string {
  return [
    profile.summary ?? '',
    profile.headline ?? '',
    ...profile.experience.map(entryText),
    ...profile.certifications,
    ...profile.skills,
  ].join('\n');
}
