/** Detection of identifiers in free text, beyond the candidate's own record. */

export const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/gu;

/** http(s) links, www. links and bare profile links; trailing punctuation is left out. */
export const URL =
  /\b(?:https?:\/\/|www\.|(?:linkedin|github|gitlab|xing|behance|dribbble)\.com\/)[^\s<>()"'[\]]*[^\s<>()"'[\].,;:!?]/giu;

/** A run of digits with phone separators; `isPhone` decides. */
export const PHONE_CANDIDATE = /(?<![\w+])\+?\(?\d[\d ().-]{7,20}\d(?!\w)/gu;

/** "Date of birth: 12.03.1990", "born 3 May 1990": the date is group 1. */
export const BIRTH_DATE =
  /\b(?:date of birth|birth ?date|d\.?o\.?b\.?|born(?: on)?)\s*:?\s*(\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2}\.? [A-Za-z]+ \d{4}|[A-Za-z]+ \d{1,2},? \d{4})/giu;

const YEARS_OR_MONTHS = /^(?:(?:19|20)\d\d(?:[./-]\d{1,2}){0,2}[ .-]*)+$/u;

/** 9 to 15 digits, and not a run of dates ("2019-01 - 2021-03"). */
export function isPhone(candidate: string): boolean {
  const digits = candidate.replace(/\D/gu, '').length;
  if (digits < 9 || digits > 15) return false;
  return !YEARS_OR_MONTHS.test(candidate.replace(/[()]/gu, ''));
}
