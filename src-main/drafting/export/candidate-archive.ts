import type { Zippable } from 'fflate';
import type { DocumentDto, Resume } from '@contract';
import type { CandidateSource } from '../store/candidates-repo';

/** What goes into a candidate's data export, read in one snapshot. */
export interface CandidateArchiveInput {
  candidate: {
    id: string;
    name: string;
    email: string | null;
    createdAt: number;
    updatedAt: number;
  };
  resume: Resume;
  source: CandidateSource;
  /** Each document with all its versions, and the title of the posting it was drafted for (null: none, or deleted). */
  documents: { document: DocumentDto; jobPostingTitle: string | null }[];
  exportedAt: number;
}

const iso = (ms: number) => new Date(ms).toISOString();
/** Zip dates start in 1980 (DOS time). */
const ZIP_EPOCH = Date.UTC(1980, 0, 2);

/** A file or folder name that is safe on every system and inside a zip ("Lea Sørensen" → "Lea-Sorensen"). */
export function safeName(text: string, fallback: string): string {
  const name = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[øØ]/gu, (c) => (c === 'ø' ? 'o' : 'O'))
    .replace(/[^\p{L}\p{N}.]+/gu, '-')
    .replace(/^[-.]+|[-.]+$/gu, '')
    .slice(0, 60);
  return name.length > 0 ? name : fallback;
}

const utf8 = new TextEncoder();
const strToU8 = (text: string): Uint8Array => utf8.encode(text);
const json = (value: unknown) => strToU8(`${JSON.stringify(value, null, 2)}\n`);

/**
 * The zip of one candidate's data: `resume.json` (the JSON Resume record), `source/<file>` (the file as imported;
 * the stored text as `.txt` for candidates imported before files were kept), every document's every version as
 * Markdown (`documents/<nn>-<kind>-<title>/v<n>.md`, the unsaved working text as `draft.md`), and `manifest.json`
 * listing it all with dates, origin and provider. fflate is imported by the first export.
 */
export async function candidateArchive(input: CandidateArchiveInput): Promise<Uint8Array> {
  const { zipSync } = await import('fflate');
  const files: Zippable = {};
  const at = (path: string, data: Uint8Array, mtime: number) =>
    (files[path] = [data, { mtime: new Date(Math.max(mtime, ZIP_EPOCH)) }]);

  at('resume.json', json(input.resume), input.candidate.updatedAt);

  const { source } = input;
  const original = source.file !== null;
  const sourcePath = original
    ? `source/${safeName(source.fileName ?? `source.${source.kind}`, 'source')}`
    : `source/${safeName((source.fileName ?? 'source').replace(/\.[^.]+$/u, ''), 'source')}.txt`;
  at(sourcePath, source.file ?? strToU8(source.text), input.candidate.createdAt);

  const documents = input.documents.map(({ document, jobPostingTitle }, index) => {
    const folder = `documents/${String(index + 1).padStart(2, '0')}-${document.kind}-${safeName(document.title, 'untitled')}`;
    const versions = [...document.versions]
      .sort((a, b) => a.version - b.version)
      .map((v) => {
        const file = `${folder}/v${v.version}.md`;
        at(file, strToU8(v.text), v.createdAt);
        return {
          version: v.version,
          file,
          createdAt: iso(v.createdAt),
          origin: v.origin,
          providerName: v.providerName,
          model: v.model,
          offline: v.offline,
          /** Where the candidate's data went to make this version (provider, region, masked); null: nowhere. */
          sentTo: v.sentTo,
        };
      });
    const latest = document.versions.reduce((max, v) => (v.version > max.version ? v : max), {
      version: 0,
      text: '',
    });
    const unsaved = document.draftText !== '' && document.draftText !== latest.text;
    const draft = unsaved ? `${folder}/draft.md` : null;
    if (draft) at(draft, strToU8(document.draftText), document.autosavedAt ?? document.updatedAt);
    return {
      id: document.id,
      kind: document.kind,
      title: document.title,
      jobPosting: document.jobPostingId ? { id: document.jobPostingId, title: jobPostingTitle } : null,
      createdAt: iso(document.createdAt),
      updatedAt: iso(document.updatedAt),
      /** The working text autosaved after the latest version, when it differs from it. */
      draft,
      versions,
    };
  });

  at(
    'manifest.json',
    json({
      format: 'aditus-candidate-export',
      formatVersion: 1,
      exportedAt: iso(input.exportedAt),
      candidate: {
        id: input.candidate.id,
        name: input.candidate.name,
        email: input.candidate.email,
        importedAt: iso(input.candidate.createdAt),
        updatedAt: iso(input.candidate.updatedAt),
      },
      resume: 'resume.json',
      source: {
        file: sourcePath,
        fileName: source.fileName,
        kind: source.kind,
        /** false: imported before the app kept files; this is the text that was read from it. */
        original,
        sha256OfText: source.hash,
      },
      documents,
    }),
    input.exportedAt,
  );
  return zipSync(files, { level: 6 });
}
