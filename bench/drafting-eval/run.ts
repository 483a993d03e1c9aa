import { join } from 'node:path';
import { readCandidateFile } from '../../src-main/drafting/inputs/read-candidate';
import { bulletAttribution, expectedCandidates } from './bullet-attribution';
import { CANDIDATE_DIR, runClaimsEval } from './claims-eval';
import { FABRICATION_KINDS } from './fabrications';

// `npm run eval:drafting`: the truthfulness numbers of issue #15 over the fixtures in test/fixtures/drafting.

const pct = (n: number, d: number): string => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);

/**
 * Measured by other parts of the drafting pipeline; they report "not measured" until their measurement lands here.
 * Never fill these with a number that was not measured.
 */
const NOT_YET_MEASURED = {
  'exact extraction fields': null as string | null,
  'characters lost in export': null as string | null,
};

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
    ...Object.entries(NOT_YET_MEASURED).map(([k, v]): [string, string] => [k, v ?? 'not measured']),
  ];
  const width = Math.max(...table.map(([k]) => k.length));
  for (const [k, v] of table) process.stdout.write(`${k.padEnd(width)}  ${v}\n`);
  for (const m of misattributed) process.stdout.write(`  misattributed: ${m}\n`);
  for (const kind of FABRICATION_KINDS)
    for (const file of claims.perKind[kind].missed) process.stdout.write(`  missed ${kind}: ${file}\n`);
  for (const f of claims.falseAlarms) process.stdout.write(`  false alarm: ${f.document}: ${f.message}\n`);
}

void main();
