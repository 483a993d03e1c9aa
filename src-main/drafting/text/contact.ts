// The look-behind starts a match only where a run of local-part characters starts: without it, every position of a
// long run without "@" re-scans the rest of the run (quadratic; a 100,000-character line took 40 s).
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
const PHONE_CANDIDATE = /(?:\+|\(\+?)?\d[\d\s().\-/]{6,}\d/gu;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>()"'·|,]+|\b(?:linkedin\.com|github\.com|gitlab\.com)\/[^\s<>()"'·|,]+/giu;
const YEAR_RANGE = /^(?:19|20)\d{2}\s*[-\u2013\u2014/]\s*(?:19|20)\d{2}$/u;

export function findEmails(text: string): string[] {
  return [...text.matchAll(EMAIL)].map((m) => m[0].replace(/\.$/u, ''));
}

/** Phone numbers: at least 7 digits, and not a year range such as "2019 - 2022". */
export function findPhones(text: string): string[] {
  const phones: string[] = [];
  for (const match of text.matchAll(PHONE_CANDIDATE)) {
    const candidate = match[0].trim();
    const core = candidate.replace(/^\(/u, '');
    const digits = candidate.replace(/\D/gu, '');
    if (digits.length < 7 || digits.length > 15) continue;
    if (YEAR_RANGE.test(core)) continue;
    phones.push(candidate);
  }
  return phones;
}

export function findUrls(text: string): string[] {
  return [...text.matchAll(URL)].map((m) => m[0].replace(/(?<![.;:])[.;:]+$/u, ''));
}

export function phoneDigits(phone: string): string {
  return phone.replace(/\D/gu, '');
}
