import type { CandidateRecord } from '@contract';
import { parseCvHeader } from '../inputs/parse-cv-header';
import { findEmails, findPhones, findUrls } from '../text/contact';
import { parseDatedEntries, parseEducation } from './parse-entries';
import { parseInterests, parseItems, parseLanguages, parseSkills } from './parse-lists';
import { RecordBuilder } from './record-builder';
import { splitRecordSections, type RecordSection } from './record-sections';
import type { SourceLine } from './source-lines';

function lineWith(lines: SourceLine[], value: string | null): SourceLine | undefined {
  if (!value) return undefined;
  return lines.find((l) => l.raw.includes(value) || l.text.includes(value));
}

function networkOf(url: string): string {
  const host = /^(?:https?:\/\/)?(?:www\.)?([^/]+)/iu.exec(url)?.[1] ?? url;
  const name = host.split('.').slice(-2, -1)[0] ?? host;
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function parseBasics(b: RecordBuilder, header: SourceLine[], contactLines: SourceLine[], all: SourceLine[]): void {
  const lines = [...header, ...contactLines];
  const contact = parseCvHeader(lines.map((l) => l.raw));
  const basics: NonNullable<CandidateRecord['resume']['basics']> = {};
  b.resume.basics = basics;
  if (contact.name) {
    basics.name = contact.name.slice(0, 200);
    b.from('/basics/name', lineWith(lines, contact.name)?.ref);
  }
  if (contact.headline) {
    basics.label = contact.headline;
    b.from('/basics/label', lineWith(lines, contact.headline)?.ref);
  }
  const emailLine = all.find((l) => findEmails(l.raw).length > 0);
  const email = contact.email ?? (emailLine ? findEmails(emailLine.raw)[0] : undefined);
  if (email) {
    basics.email = email;
    b.from('/basics/email', lineWith(all, email)?.ref);
  }
  const phoneLine = all.find((l) => /\b(?:phone|tel|mobile|telefon|t[ée]l[ée]phone|tel[ée]fono|handy)\b/iu.test(l.raw));
  const phone = contact.phone ?? (phoneLine ? findPhones(phoneLine.raw)[0] : undefined);
  if (phone) {
    basics.phone = phone;
    b.from('/basics/phone', lineWith(all, phone)?.ref);
  }
  if (contact.location) {
    const [city = '', ...region] = contact.location.split(/,\s*/u);
    basics.location = region.length > 0 ? { city, region: region.join(', ') } : { city };
    const ref = lineWith(lines, contact.location)?.ref;
    b.from('/basics/location/city', ref);
    if (region.length > 0) b.from('/basics/location/region', ref);
  }
  const urls = [...new Set(lines.flatMap((l) => findUrls(l.raw)))];
  urls.slice(0, 20).forEach((url, i) => {
    basics.profiles ??= [];
    basics.profiles.push({ network: networkOf(url), url: /^https?:\/\//iu.test(url) ? url : `https://${url}` });
    b.from(`/basics/profiles/${i}/url`, lineWith(lines, url)?.ref);
  });
}

function parseSummary(b: RecordBuilder, sections: RecordSection[]): void {
  const lines = sections.filter((s) => s.key === 'summary').flatMap((s) => s.lines);
  if (lines.length === 0 || !b.resume.basics) return;
  b.resume.basics.summary = lines
    .map((l) => l.text)
    .join(' ')
    .slice(0, 5000);
  b.from('/basics/summary', lines[0]?.ref);
}

/**
 * Reads a CV's lines into a JSON Resume with the provenance of every fact. Each bullet stays with the entry it was
 * under; what sits under no entry, or under a heading Aditus does not know, is kept as unassigned.
 */
export function parseCvRecord(lines: SourceLine[]): CandidateRecord {
  const b = new RecordBuilder();
  const { header, sections } = splitRecordSections(lines);
  parseBasics(
    b,
    header,
    sections.filter((s) => s.key === 'contact').flatMap((s) => s.lines),
    lines,
  );
  parseSummary(b, sections);
  for (const section of sections) {
    switch (section.key) {
      case 'work':
      case 'volunteer':
      case 'projects':
        parseDatedEntries(b, section.key, section);
        break;
      case 'education':
        parseEducation(b, section);
        break;
      case 'skills':
        parseSkills(b, section);
        break;
      case 'languages':
        parseLanguages(b, section);
        break;
      case 'interests':
        parseInterests(b, section);
        break;
      case 'certificates':
      case 'awards':
      case 'publications':
      case 'references':
        parseItems(b, section.key, section);
        break;
      case 'other':
        for (const line of section.lines) b.leaveUnassigned(line.text, section.heading, line.ref);
        break;
      case 'summary':
      case 'contact':
        break;
    }
  }
  return b.build();
}
