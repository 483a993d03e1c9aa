import type { CandidateRecord, Resume, SourceRef, UnassignedItem } from '@contract';

/** The JSON Resume sections whose entries hold bullets (highlights), in the order the screen shows them. */
export const ENTRY_SECTIONS = ['work', 'volunteer', 'projects', 'education'] as const;
export type EntrySection = (typeof ENTRY_SECTIONS)[number];

export const SECTION_LABELS: Record<EntrySection, string> = {
  work: 'Experience',
  volunteer: 'Volunteering',
  projects: 'Projects',
  education: 'Education',
};

/** Which JSON Resume property holds an entry's title and its organisation, per section. */
export const FIELD_KEYS: Record<EntrySection, { title: string; organisation: string }> = {
  work: { title: 'position', organisation: 'name' },
  volunteer: { title: 'position', organisation: 'organization' },
  projects: { title: 'roles', organisation: 'name' },
  education: { title: 'studyType', organisation: 'institution' },
};

export interface Bullet {
  text: string;
  source?: SourceRef;
}

/** One entry while the recruiter corrects it: its JSON Resume object, its bullets with their sources, its field sources. */
export interface EditableEntry {
  /** Stable while editing, so moving a bullet names its target. */
  key: string;
  section: EntrySection;
  fields: Record<string, unknown>;
  fieldSources: Record<string, SourceRef>;
  bullets: Bullet[];
}

export interface RecordModel {
  entries: EditableEntry[];
  unassigned: UnassignedItem[];
}

type Entries = Record<string, unknown>[];

/** Splits a record into entries whose bullets carry their provenance, so edits never lose where a fact came from. */
export function toModel(record: CandidateRecord): RecordModel {
  const entries: EditableEntry[] = [];
  for (const section of ENTRY_SECTIONS) {
    ((record.resume[section] ?? []) as Entries).forEach((raw, index) => {
      const base = `/${section}/${index}`;
      const { highlights, ...fields } = raw as { highlights?: string[] };
      const fieldSources: Record<string, SourceRef> = {};
      for (const [pointer, ref] of Object.entries(record.provenance)) {
        const field = pointer.startsWith(`${base}/`) ? pointer.slice(base.length + 1) : null;
        if (field && !field.startsWith('highlights/')) fieldSources[field] = ref;
      }
      entries.push({
        key: `${section}-${index}`,
        section,
        fields,
        fieldSources,
        bullets: (highlights ?? []).map((text, i) => {
          const source = record.provenance[`${base}/highlights/${i}`];
          return source ? { text, source } : { text };
        }),
      });
    });
  }
  return { entries, unassigned: record.unassigned };
}

/** The corrected record: entries renumbered, provenance keyed by their new JSON pointers. */
export function fromModel(model: RecordModel, original: CandidateRecord): CandidateRecord {
  const resume: Resume = { ...original.resume };
  const provenance: Record<string, SourceRef> = Object.fromEntries(
    Object.entries(original.provenance).filter(([p]) => !ENTRY_SECTIONS.some((s) => p.startsWith(`/${s}/`))),
  );
  for (const section of ENTRY_SECTIONS) {
    const entries = model.entries.filter((e) => e.section === section);
    if (entries.length === 0) {
      resume[section] = undefined;
      continue;
    }
    resume[section] = entries.map((entry, index) => {
      const base = `/${section}/${index}`;
      for (const [field, ref] of Object.entries(entry.fieldSources)) provenance[`${base}/${field}`] = ref;
      entry.bullets.forEach((b, i) => {
        if (b.source) provenance[`${base}/highlights/${i}`] = b.source;
      });
      const bullets = entry.bullets.map((b) => b.text.trim()).filter((t) => t.length > 0);
      return { ...entry.fields, ...(bullets.length > 0 ? { highlights: bullets } : {}) };
    }) as never;
  }
  const present = Object.fromEntries(Object.entries(resume).filter(([, v]) => v !== undefined)) as Resume;
  return { resume: present, provenance, unassigned: model.unassigned };
}

const textOf = (value: unknown): string =>
  Array.isArray(value) ? value.join(', ') : typeof value === 'string' ? value : '';

/** "Senior Engineer — Acme" for menus and headings; a degree with its field, "BA in Interaction Design — Malmö University". */
export function entryLabel(entry: EditableEntry): string {
  const keys = FIELD_KEYS[entry.section];
  const titleText = [textOf(entry.fields[keys.title]), entry.section === 'education' ? textOf(entry.fields.area) : '']
    .filter((p) => p.length > 0)
    .join(' in ');
  const organisation = entry.fields[keys.organisation];
  const parts = [titleText, typeof organisation === 'string' ? organisation : ''].filter((p) => p.length > 0);
  return parts.length > 0 ? parts.join(' — ') : `${SECTION_LABELS[entry.section]} entry`;
}

export const UNASSIGNED = 'unassigned';

/** Moves one bullet (from an entry or the unassigned list) to another entry or to the unassigned list. */
export function moveBullet(
  model: RecordModel,
  from: { entryKey: string; index: number },
  toEntryKey: string,
): RecordModel {
  let moving: Bullet | undefined;
  let fromSection = '';
  const entries = model.entries.map((e) => ({ ...e, bullets: [...e.bullets] }));
  const unassigned = [...model.unassigned];
  if (from.entryKey === UNASSIGNED) {
    const [item] = unassigned.splice(from.index, 1);
    if (item) moving = { text: item.text, source: item.source };
  } else {
    const source = entries.find((e) => e.key === from.entryKey);
    moving = source?.bullets.splice(from.index, 1)[0];
    fromSection = source ? SECTION_LABELS[source.section] : '';
  }
  if (!moving) return model;
  if (toEntryKey === UNASSIGNED) {
    const source = moving.source ?? { file: '', line: 0, text: moving.text };
    unassigned.push({ text: moving.text, section: fromSection, source });
  } else {
    entries.find((e) => e.key === toEntryKey)?.bullets.push(moving);
  }
  return { entries, unassigned };
}

/** "cv.pdf, page 2, line 14" */
export function describeSource(ref: SourceRef | undefined): string {
  if (!ref) return 'added by hand';
  if (ref.line === 0) return ref.file;
  const where = [ref.page ? `page ${ref.page}` : null, ref.paragraph ? `paragraph ${ref.paragraph}` : null]
    .filter(Boolean)
    .join(', ');
  const lines = ref.endLine && ref.endLine !== ref.line ? `lines ${ref.line}–${ref.endLine}` : `line ${ref.line}`;
  return [ref.file, where, lines].filter((p) => p.length > 0).join(', ');
}
