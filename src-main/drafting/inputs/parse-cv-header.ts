import { findEmails, findPhones, findUrls } from '../text/contact';
import { plainLine } from '../text/lines';
import { containsRoleWord } from '../text/role-words';

export interface CvHeader {
  name: string;
  headline: string | null;
  email: string | null;
  phone: string | null;
  location: string | null;
}

const DOCUMENT_TITLES = /^(?:curriculum vitae|cv|resume|résumé|lebenslauf)$/iu;
const SEGMENT_SEPARATOR = /\s+[|\u00B7\u2022]\s+|\t+|\s{3,}/u;
const LABELLED = /^(location|address|based in|city|e-?mail|phone|tel\.?|mobile|telephone)\s*:\s*(.+)$/iu;
const PLACE = /^\p{Lu}[\p{L} .'-]{1,30}(?:,\s*\p{Lu}[\p{L} .'-]{1,30}){1,2}$/u;

function isContactSegment(segment: string): boolean {
  return findEmails(segment).length > 0 || findPhones(segment).length > 0 || findUrls(segment).length > 0;
}

/** Reads name, headline and contact details from the lines above the first section heading. */
export function parseCvHeader(headerLines: string[]): CvHeader {
  const lines = headerLines.map(plainLine).filter((l) => l.length > 0 && !DOCUMENT_TITLES.test(l));
  const header: CvHeader = { name: '', headline: null, email: null, phone: null, location: null };
  const [firstLine = '', ...rest] = lines;
  const firstSegments = firstLine.split(SEGMENT_SEPARATOR);
  header.name = (firstSegments[0] ?? '').replace(/^name\s*:\s*/iu, '').trim();

  for (const segment of [...firstSegments.slice(1), ...rest.flatMap((l) => l.split(SEGMENT_SEPARATOR))]) {
    const text = segment.trim();
    if (text.length === 0) continue;
    const labelled = LABELLED.exec(text);
    const label = labelled?.[1]?.toLowerCase() ?? '';
    const value = labelled?.[2]?.trim() ?? text;
    if (header.email === null) header.email = findEmails(value)[0] ?? null;
    if (header.phone === null) header.phone = findPhones(value)[0] ?? null;
    if (isContactSegment(value)) continue;
    if (
      ['location', 'address', 'based in', 'city'].includes(label) ||
      (header.location === null && PLACE.test(value) && !containsRoleWord(value))
    ) {
      header.location ??= value;
    } else if (header.headline === null && value.length > 3 && value.length <= 200 && !labelled) {
      header.headline = value;
    }
  }
  return header;
}
