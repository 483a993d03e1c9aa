import { findDegrees } from '../text/degrees';
import { findSchoolNames } from '../text/schools';
import { groupEntryBlocks } from './entry-blocks';
import { assignRoles, looksLikeTitle, readHeader, roleOrderOf, type HeaderDates, type Segment } from './entry-header';
import type { RecordBuilder } from './record-builder';
import type { RecordSection } from './record-sections';
import type { SourceLine } from './source-lines';

const INSTITUTION_WORD =
  /(?:universit|hochschule|school|college|institut|academy|akademie|[ée]cole|escuela|facultad|colegio|lyc[ée]e|gymnasium|polytechn)/iu;

type DatedSection = 'work' | 'volunteer' | 'projects';

function setDates(b: RecordBuilder, base: string, entry: Record<string, unknown>, dates: HeaderDates | null): void {
  if (!dates) return;
  if (dates.start) {
    entry.startDate = dates.start;
    b.from(`${base}/startDate`, dates.ref);
  }
  if (dates.end) {
    entry.endDate = dates.end;
    b.from(`${base}/endDate`, dates.ref);
  }
}

function addHighlights(b: RecordBuilder, base: string, entry: { highlights?: string[] }, items: SourceLine[]): void {
  if (items.length === 0) return;
  entry.highlights = [];
  items.forEach((item, i) => {
    entry.highlights?.push(item.text);
    b.from(`${base}/highlights/${i}`, item.ref);
  });
}

function set(
  b: RecordBuilder,
  entry: Record<string, unknown>,
  base: string,
  key: string,
  seg: Segment | undefined,
): void {
  if (!seg) return;
  entry[key] = seg.text;
  b.from(`${base}/${key}`, seg.ref);
}

/** Work, volunteer work and projects: one entry per header, its bullets and sentences as highlights. */
export function parseDatedEntries(b: RecordBuilder, key: DatedSection, section: RecordSection): void {
  const { blocks, loose } = groupEntryBlocks(section.lines);
  for (const line of loose) b.leaveUnassigned(line.text, section.heading, line.ref);
  const headers = blocks.map((block) => readHeader(block.header));
  const orders = headers.map((h) => roleOrderOf(h.segments)).filter((o) => o !== null);
  const order =
    orders.filter((o) => o === 'organisation-first').length > orders.length / 2 ? 'organisation-first' : 'title-first';
  for (const [blockIndex, block] of blocks.entries()) {
    const { segments, dates } = headers[blockIndex] ?? readHeader(block.header);
    const entry: Record<string, unknown> = {};
    const index = b.push(key, entry);
    const base = `/${key}/${index}`;
    if (key === 'projects') {
      // "Maintainer — tatra-cli": a segment naming a role is the role; otherwise the first segment is the name.
      const roleIndex = segments.findIndex((seg) => looksLikeTitle(seg.text));
      const role = roleIndex >= 0 ? segments[roleIndex] : undefined;
      const [name, ...described] = segments.filter((_, i) => i !== roleIndex);
      set(b, entry, base, 'name', name);
      if (role) {
        entry.roles = [role.text];
        b.from(`${base}/roles/0`, role.ref);
      }
      if (described.length > 0 && described[0]) {
        entry.entity = described.map((seg) => seg.text).join(', ');
        b.from(`${base}/entity`, described[0].ref);
      }
    } else {
      const { title, organisation, place } = assignRoles(segments, order);
      set(b, entry, base, 'position', title);
      set(b, entry, base, key === 'work' ? 'name' : 'organization', organisation);
      if (key === 'work') set(b, entry, base, 'location', place);
      else if (place) set(b, entry, base, 'summary', place);
    }
    setDates(b, base, entry, dates);
    addHighlights(b, base, entry as { highlights?: string[] }, block.items);
  }
}

/** Education: a line naming a degree or a school opens an entry unless it completes the one before. */
export function parseEducation(b: RecordBuilder, section: RecordSection): void {
  type Pending = { header: SourceLine[]; items: SourceLine[]; hasDegree: boolean; hasSchool: boolean };
  const entries: Pending[] = [];
  for (const line of section.lines) {
    const hasDegree = findDegrees(line.text).length > 0;
    const hasSchool = findSchoolNames(line.text).length > 0 || INSTITUTION_WORD.test(line.text);
    const last = entries[entries.length - 1];
    if (hasDegree || hasSchool) {
      const completes =
        last !== undefined &&
        last.items.length === 0 &&
        ((hasDegree && !last.hasDegree && !(hasSchool && last.hasSchool)) ||
          (hasSchool && !last.hasSchool && !(hasDegree && last.hasDegree)));
      if (completes && last) {
        last.header.push(line);
        last.hasDegree ||= hasDegree;
        last.hasSchool ||= hasSchool;
      } else {
        entries.push({ header: [line], items: [], hasDegree, hasSchool });
      }
    } else if (last && last.items.length === 0 && !line.isBullet && line.text.length <= 100) {
      last.header.push(line);
    } else if (last) {
      last.items.push(line);
    } else if (!line.isBullet && line.text.length <= 100) {
      entries.push({ header: [line], items: [], hasDegree: false, hasSchool: false });
    } else {
      b.leaveUnassigned(line.text, section.heading, line.ref);
    }
  }
  for (const pending of entries) {
    const { segments, dates } = readHeader(pending.header);
    const entry: Record<string, unknown> = {};
    const index = b.push('education', entry);
    const base = `/education/${index}`;
    const degreeSeg = segments.find((s) => findDegrees(s.text).length > 0);
    const schoolSeg =
      segments.find((s) => findSchoolNames(s.text).length > 0 && s !== degreeSeg) ??
      segments.find((s) => INSTITUTION_WORD.test(s.text) && s !== degreeSeg) ??
      segments.find((s) => s !== degreeSeg);
    // A qualification the degree list does not know ("Master Communication numérique") is kept as written.
    const otherSeg = degreeSeg ? undefined : segments.find((s) => s !== schoolSeg);
    if (otherSeg) set(b, entry, base, 'studyType', otherSeg);
    if (schoolSeg) set(b, entry, base, 'institution', schoolSeg);
    if (degreeSeg) {
      const degree = findDegrees(degreeSeg.text)[0];
      if (degree) {
        entry.studyType = degree.degreeText;
        b.from(`${base}/studyType`, degreeSeg.ref);
        const area =
          degree.field ?? degreeSeg.text.replace(degree.text, '').replace(/^[\s,:-]+|(?<![\s,:-])[\s,:-]+$/gu, '');
        if (area.length > 0) {
          entry.area = area;
          b.from(`${base}/area`, degreeSeg.ref);
        }
      }
    }
    setDates(b, base, entry, dates);
    if (pending.items.length > 0) {
      // JSON Resume has no highlights on education; the schema allows extra properties, so they are kept here.
      entry.highlights = pending.items.map((i) => i.text);
      pending.items.forEach((item, i) => b.from(`${base}/highlights/${i}`, item.ref));
    }
  }
}
