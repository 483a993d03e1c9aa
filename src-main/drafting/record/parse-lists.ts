import { splitListItems } from '../inputs/split-list';
import { readHeader } from './entry-header';
import type { RecordBuilder } from './record-builder';
import type { RecordSection } from './record-sections';
import type { SourceLine } from './source-lines';

const LABELLED = /^([\p{L}][\p{L} &/+-]{1,40}):\s+(.+)$/u;

/** Skills: "Label: a, b, c" lines become a named group with keywords; other items become one skill each. */
export function parseSkills(b: RecordBuilder, section: RecordSection): void {
  for (const line of section.lines) {
    const labelled = LABELLED.exec(line.text);
    if (labelled) {
      const keywords = splitListItems([labelled[2] ?? ''], { splitCommas: true });
      const index = b.push('skills', { name: (labelled[1] ?? '').trim(), keywords });
      b.from(`/skills/${index}/name`, line.ref);
      keywords.forEach((_, i) => b.from(`/skills/${index}/keywords/${i}`, line.ref));
      continue;
    }
    for (const item of splitListItems([line.raw], { splitCommas: true })) {
      const index = b.push('skills', { name: item });
      b.from(`/skills/${index}/name`, line.ref);
    }
  }
}

const FLUENCY =
  /^(.+?)\s*(?:[(:\u2013\u2014-]\s*|\s+)\(?((?:native|mother tongue|fluent|business|professional|conversational|basic|intermediate|advanced|elementary|[ABC][12]|muttersprache|fließend|fliessend|verhandlungssicher|gut|grundkenntnisse|courant|natif|langue maternelle|nativo|nativa|fluido|b[aá]sico|intermedio|avanzado)[^)]*)\)?$/iu;

/** Languages: "German (native)", "French — B2". */
export function parseLanguages(b: RecordBuilder, section: RecordSection): void {
  for (const line of section.lines) {
    for (const item of splitListItems([line.raw], { splitCommas: true })) {
      const m = FLUENCY.exec(item);
      const index = b.push(
        'languages',
        m ? { language: (m[1] ?? '').trim(), fluency: (m[2] ?? '').trim() } : { language: item },
      );
      b.from(`/languages/${index}/language`, line.ref);
      if (m) b.from(`/languages/${index}/fluency`, line.ref);
    }
  }
}

/** Interests: one item each. */
export function parseInterests(b: RecordBuilder, section: RecordSection): void {
  for (const line of section.lines) {
    for (const item of splitListItems([line.raw], { splitCommas: true })) {
      const index = b.push('interests', { name: item });
      b.from(`/interests/${index}/name`, line.ref);
    }
  }
}

type ItemSection = 'certificates' | 'awards' | 'publications' | 'references';
const FIELDS: Record<ItemSection, { name: string; by: string; date: string }> = {
  certificates: { name: 'name', by: 'issuer', date: 'date' },
  awards: { name: 'title', by: 'awarder', date: 'date' },
  publications: { name: 'name', by: 'publisher', date: 'releaseDate' },
  references: { name: 'reference', by: 'name', date: '' },
};

function itemLines(section: RecordSection): SourceLine[][] {
  // One item a line; a non-bullet line under a bullet item ("Issued by …") continues that item.
  const items: SourceLine[][] = [];
  const hasBullets = section.lines.some((l) => l.isBullet);
  for (const line of section.lines) {
    const last = items[items.length - 1];
    if (hasBullets && !line.isBullet && last) last.push(line);
    else items.push([line]);
  }
  return items;
}

/** Certificates, awards, publications and references: the first piece is the name, the next its issuer or publisher. */
export function parseItems(b: RecordBuilder, key: ItemSection, section: RecordSection): void {
  const fields = FIELDS[key];
  for (const lines of itemLines(section)) {
    const { segments, dates } = key === 'references' ? { segments: [], dates: null } : readHeader(lines);
    const entry: Record<string, unknown> = {};
    const index = b.push(key, entry);
    const base = `/${key}/${index}`;
    if (key === 'references') {
      entry.reference = lines.map((l) => l.text).join(' ');
      b.from(`${base}/reference`, lines[0]?.ref);
      continue;
    }
    // A certificate's name holds its level ("AWS Certified Solutions Architect – Associate"): it stays whole.
    const [name, by, ...rest] =
      key === 'certificates' && segments[0]
        ? [{ ...segments[0], text: segments.map((s) => s.text).join(' – ') }]
        : segments;
    if (name) {
      entry[fields.name] = name.text;
      b.from(`${base}/${fields.name}`, name.ref);
    }
    if (by) {
      entry[fields.by] = [by, ...rest].map((s) => s.text).join(', ');
      b.from(`${base}/${fields.by}`, by.ref);
    }
    const date = dates?.end ?? dates?.start;
    if (date && dates) {
      entry[fields.date] = date;
      b.from(`${base}/${fields.date}`, dates.ref);
    }
  }
}
