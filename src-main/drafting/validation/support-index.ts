import type { CandidateProfile, JobFields } from '@contract';
import { profileToText } from '../inputs/profile-to-text';
import { findDateRanges, findYears, yearOf } from '../text/dates';
import { findDegrees, type DegreeMention } from '../text/degrees';
import { containsKey, matchKey } from '../text/fold';
import { KeyIndex } from '../text/key-index';

const CORPORATE_SUFFIX =
  /^(?:inc|incorporated|ltd|limited|llc|llp|plc|gmbh|ag|se|kg|aps|ab|as|asa|oy|sa|sas|sarl|srl|spa|bv|nv|pty|corp|corporation|co|company|group|holdings?)$/u;
const TITLE_ABBREVIATIONS: [RegExp, string][] = [
  [/\bsr\b/gu, 'senior'],
  [/\bjr\b/gu, 'junior'],
  [/\bmgr\b/gu, 'manager'],
  [/\bdev\b/gu, 'developer'],
];

/** A match key (words joined by single spaces) without its trailing corporate suffixes; the first word always stays. */
export function withoutCorporateSuffix(key: string): string {
  let end = key.length;
  // Word by word from the end: stripping one suffix per pass re-scanned the whole key each time.
  for (let space = key.lastIndexOf(' ', end - 1); space > 0; space = key.lastIndexOf(' ', end - 1)) {
    if (!CORPORATE_SUFFIX.test(key.slice(space + 1, end))) break;
    end = space;
  }
  return key.slice(0, end);
}

export function titleKey(text: string): string {
  return titleKeyOf(matchKey(text));
}

/** `titleKey` of a text whose match key is already at hand. */
function titleKeyOf(key: string): string {
  // "CEO/President" holds both titles.
  return TITLE_ABBREVIATIONS.reduce((k, [pattern, full]) => k.replace(pattern, full), key.replace(/\//gu, ' '));
}

export function rangeKey(startYear: number, endYear: number | null): string {
  return `${startYear}-${endYear ?? 'present'}`;
}

/** Everything the candidate's source supports, prepared for fast claim checks. */
export interface SupportIndex {
  sourceKey: string;
  /** Whole-token lookups in the source key, built once. */
  sourceIndex: KeyIndex;
  degrees: DegreeMention[];
  years: Set<number>;
  ranges: Set<string>;
  /** Keys of names the draft may mention in prose without them being the candidate's: the target company, role, place. */
  jobKeys: string[];
  supportsName(text: string): boolean;
  supportsTitle(text: string): boolean;
  isJobName(text: string): boolean;
}

export function buildSupportIndex(
  profile: CandidateProfile,
  sourceText: string,
  job: JobFields | null,
  allowedYears: readonly number[] = [],
): SupportIndex {
  const source = `${sourceText}\n${profileToText(profile)}`;
  const sourceKey = matchKey(source);
  const sourceIndex = new KeyIndex(sourceKey);
  const sourceTitleIndex = new KeyIndex(titleKeyOf(sourceKey));

  const ranges = new Set(findDateRanges(source).map((r) => rangeKey(r.startYear, r.endYear)));
  for (const role of profile.experience) {
    const start = yearOf(role.start);
    const end = role.end === null ? null : yearOf(role.end);
    if (start !== null && (role.end === null || end !== null)) ranges.add(rangeKey(start, end));
  }
  for (const school of profile.education) {
    const start = school.start ? yearOf(school.start) : null;
    const end = school.end ? yearOf(school.end) : null;
    if (start !== null && end !== null) ranges.add(rangeKey(start, end));
  }
  const years = new Set([...findYears(source).map((y) => y.year), ...allowedYears]);
  const jobKeys = [job?.company, job?.title, job?.location]
    .filter((v): v is string => typeof v === 'string' && v.length > 0)
    .map((v) => withoutCorporateSuffix(matchKey(v)));

  const supportsName = (text: string): boolean => {
    const key = matchKey(text);
    return sourceIndex.has(key) || sourceIndex.has(withoutCorporateSuffix(key));
  };
  return {
    sourceKey,
    sourceIndex,
    degrees: findDegrees(source),
    years,
    ranges,
    jobKeys,
    supportsName,
    supportsTitle: (text) => supportsName(text) || sourceTitleIndex.has(titleKey(text)),
    isJobName: (text) => {
      const key = withoutCorporateSuffix(matchKey(text));
      return key.length > 0 && jobKeys.some((jobKey) => containsKey(jobKey, key) || containsKey(key, jobKey));
    },
  };
}
