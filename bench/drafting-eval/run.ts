import { join } from 'node:path';
import { readCandidateFile } from '../../src-main/drafting/inputs/read-candidate';
import { bulletAttribution, expectedCandidates } from './bullet-attribution';
import { CANDIDATE_DIR, runClaimsEval } from './claims-eval';
import { measureExportLoss } from './export-loss';
import { scoreExtraction } from './extraction-score';
import { FABRICATION_KINDS } from './fabrications';

// `npm run eval:drafting`: the truthfulness numbers of issue #15 over the fixtures in test/fixtures/drafting.

const pct = (n: number, d: number): string => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);

async function main(): Promise<void> {
  const expected = expectedCandidates(CANDIDATE_DIR);
  let bullets = 0;
  const misattributed: string[] = [];
  for (const e of expected) {
    const { record } = await readCandidateFile(join(CANDIDATE_DIR, e.file));
    const r = bulletAttribution(record, e);
    bullets += r.bullets;
    misattributed.push(...r.misattributed.map((m) => `${e.file}: ${m}`));
  }
  const claims = await runClaimsEval(expected.map((e) => e.file));
  const extraction = await scoreExtraction();
  const exported = await measureExportLoss(claims.documents);
  const rows: [string, string][] = [];
  let planted = 0;
  let caught = 0;
  for (const kind of FABRICATION_KINDS) {
    const k = claims.perKind[kind];
    planted += k.planted;
    caught += k.caught;
    rows.push([`recall: ${kind}`, `${k.caught}/${k.planted} (${pct(k.caught, k.planted)})`]);
  }
  const table: [string, string][] = [
    ['candidates', String(expected.length)],
    ['misattributed bullets (parsing)', `${misattributed.length} of ${bullets}`],
    ...rows,
    ['fabrication recall (overall)', `${caught}/${planted} (${pct(caught, planted)})  target ≥ 95%`],
    ['false alarms on faithful documents', `${claims.falseAlarms.length} on ${claims.faithful} documents  target 0`],
    [
      'exact extraction fields',
      `${extraction.exact}/${extraction.total} (${pct(extraction.exact, extraction.total)}) on ${extraction.postings} postings  target ≥ 95%`,
    ],
    [
      'characters lost in export',
      `${exported.lost} in ${exported.exports} PDF/DOCX exports of the faithful documents  target 0`,
    ],
    ['exports refused (characters named)', `${exported.refusals.length} of ${exported.exports}`],
  ];
  const width = Math.max(...table.map(([k]) => k.length));
  for (const [k, v] of table) process.stdout.write(`${k.padEnd(width)}  ${v}\n`);
  for (const m of misattributed) process.stdout.write(`  misattributed: ${m}\n`);
  for (const kind of FABRICATION_KINDS)
    for (const file of claims.perKind[kind].missed) process.stdout.write(`  missed ${kind}: ${file}\n`);
  for (const f of claims.falseAlarms) process.stdout.write(`  false alarm: ${f.document}: ${f.message}\n`);
  for (const m of extraction.misses) process.stdout.write(`  extraction miss: ${m}\n`);
  for (const l of exported.losses) process.stdout.write(`  lost in export: ${l}\n`);
  for (const r of exported.refusals) process.stdout.write(`  export refused: ${r}\n`);
}

void main();
