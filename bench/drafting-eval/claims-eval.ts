import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CandidateProfile, DraftKind, JobFields, ValidationReport } from '@contract';
import { draftOffline } from '../../src-main/drafting/builtin/draft-offline';
import { extractJobFieldsOffline } from '../../src-main/drafting/builtin/extract-job-fields';
import { readCandidateFile, type CandidateInput } from '../../src-main/drafting/inputs/read-candidate';
import { validateDraft } from '../../src-main/drafting/validation/validate-draft';
import { FABRICATION_KINDS, plantFabrications, type FabricationKind } from './fabrications';
import { faithfulRewrites } from './faithful';

export const FIXTURE_DIR = join(__dirname, '..', '..', 'test', 'fixtures', 'drafting');
export const CANDIDATE_DIR = join(FIXTURE_DIR, 'candidates');
/** Hand-written faithful rewrites (`<candidate file>.faithful-*.md`) and fabrications (`fabrications.json`). */
export const HAND_WRITTEN_DIR = join(FIXTURE_DIR, 'claims');

interface HandFabrication {
  candidate: string;
  kind: FabricationKind;
  markdown: string;
}

function handWrittenFaithful(file: string): { name: string; kind: DraftKind; markdown: string }[] {
  return readdirSync(HAND_WRITTEN_DIR)
    .filter((f) => f.startsWith(`${file}.faithful-`) || f.startsWith(`${file.replace(/\.\w+$/u, '')}.faithful-`))
    .map((f) => ({
      name: `hand-written ${f}`,
      kind: f.includes('letter') ? ('cover_letter' as const) : ('cv' as const),
      markdown: readFileSync(join(HAND_WRITTEN_DIR, f), 'utf8'),
    }));
}

function handWrittenFabrications(file: string): HandFabrication[] {
  const all = JSON.parse(readFileSync(join(HAND_WRITTEN_DIR, 'fabrications.json'), 'utf8')) as HandFabrication[];
  return all.filter((f) => f.candidate === file);
}

/** A fixed "today" so that years of experience (current roles) do not drift. */
export const EVAL_TODAY = new Date('2026-12-01T00:00:00Z');

export interface ClaimsEvalResult {
  perKind: Record<FabricationKind, { planted: number; caught: number; missed: string[] }>;
  faithful: number;
  /** The faithful documents themselves (offline drafts and rewrites), which the eval also exports. */
  documents: { name: string; markdown: string }[];
  falseAlarms: { document: string; message: string }[];
}

function claimErrors(report: ValidationReport): string[] {
  return report.findings.filter((f) => f.kind === 'unsupported_claim' && f.severity === 'error').map((f) => f.message);
}

function check(kind: DraftKind, markdown: string, c: CandidateInput, job: JobFields, postingText: string) {
  return validateDraft({
    kind,
    markdown,
    profile: c.profile,
    sourceText: c.sourceText,
    job,
    postingText,
    today: EVAL_TODAY,
  });
}

/** Plants every kind of fabrication in offline drafts of each candidate and checks faithful rewrites stay clean. */
export async function runClaimsEval(candidateFiles: readonly string[]): Promise<ClaimsEvalResult> {
  const postingText = readFileSync(join(FIXTURE_DIR, 'job-frontend.txt'), 'utf8');
  const job = extractJobFieldsOffline(postingText);
  const result: ClaimsEvalResult = {
    perKind: Object.fromEntries(
      FABRICATION_KINDS.map((k) => [k, { planted: 0, caught: 0, missed: [] as string[] }]),
    ) as unknown as ClaimsEvalResult['perKind'],
    faithful: 0,
    documents: [],
    falseAlarms: [],
  };
  for (const [seed, file] of candidateFiles.entries()) {
    const candidate = await readCandidateFile(join(CANDIDATE_DIR, file));
    const profile: CandidateProfile = candidate.profile;
    const cv = draftOffline('cv', profile, job).markdown;
    const letter = draftOffline('cover_letter', profile, job).markdown;
    const faithful = [
      { name: 'offline CV', kind: 'cv' as const, markdown: cv },
      { name: 'offline letter', kind: 'cover_letter' as const, markdown: letter },
      ...faithfulRewrites(cv).map((r) => ({ ...r, kind: 'cv' as const })),
      ...handWrittenFaithful(file),
    ];
    for (const doc of faithful) {
      result.faithful += 1;
      result.documents.push({ name: `${file}: ${doc.name}`, markdown: doc.markdown });
      for (const message of claimErrors(check(doc.kind, doc.markdown, candidate, job, postingText)))
        result.falseAlarms.push({ document: `${file}: ${doc.name}`, message });
    }
    const planted = [
      ...plantFabrications(cv, profile, candidate.sourceText, seed, EVAL_TODAY).map((f) => ({
        ...f,
        source: 'planted',
      })),
      ...handWrittenFabrications(file).map((f) => ({ ...f, source: 'hand-written' })),
    ];
    for (const fabrication of planted) {
      const row = result.perKind[fabrication.kind];
      row.planted += 1;
      const kind: DraftKind = fabrication.markdown.startsWith('Dear') ? 'cover_letter' : 'cv';
      if (claimErrors(check(kind, fabrication.markdown, candidate, job, postingText)).length > 0) row.caught += 1;
      else row.missed.push(`${file} (${fabrication.source})`);
    }
  }
  return result;
}
