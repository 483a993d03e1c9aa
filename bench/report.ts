import type { ImportOutcome, LargeCase, LargeInputResult } from './large-input';
import type { LoggingResult } from './logging';
import type { Machine } from './machine';
import type { OverheadResult, OverheadRun } from './overhead';
import type { StartupResult } from './startup';
import type { StatsResult } from './stats';
import { eventsLabel } from './stats/params';
import type { UiResult } from './ui';

export type Section<T> = T | { error: string };

export interface BenchReport {
  command: string;
  quick: boolean;
  machine: Machine;
  stats: Section<StatsResult> | null;
  /** The stats queries on 10,000,000 events over 400 days. */
  scale: Section<StatsResult> | null;
  /** peakRssMb: this process through the stats run (the queries, as the app runs them); the build's is its own. */
  memory: { peakRssMb: number; buildPeakRssMb: number | null } | null;
  logging: Section<LoggingResult> | null;
  overhead: Section<OverheadResult> | null;
  ui: Section<UiResult> | null;
  largeInput: Section<LargeInputResult> | null;
  startup: Section<StartupResult> | null;
  targets: TargetCheck[];
}

export interface TargetCheck {
  name: string;
  value: number;
  target: string;
  met: boolean;
}

export const failed = <T extends object>(s: Section<T> | null): s is { error: string } => s !== null && 'error' in s;
const ok = <T extends object>(s: Section<T> | null): T | null => (s === null || failed(s) ? null : s);

/** The brief's targets against what was measured (sections that did not run are left out). */
export function checkTargets(r: Omit<BenchReport, 'targets'>): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const atMost = (name: string, value: number, max: number, unit: string) =>
    checks.push({ name, value, target: `≤ ${max} ${unit}`, met: value <= max });
  const atLeast = (name: string, value: number, min: number, unit: string) =>
    checks.push({ name, value, target: `≥ ${min}${unit}`, met: value >= min });
  const overhead = ok(r.overhead);
  if (overhead) {
    // The 16-concurrent figures stay in the report without a target: they measure the client thread's queueing.
    atMost('overhead sequential addedP50Us', overhead.sequential.addedP50Us, 150, 'µs');
    atMost('overhead sequential addedP99Us', overhead.sequential.addedP99Us, 1000, 'µs');
    atLeast('overhead sequential throughputRatio', overhead.sequential.throughputRatio, 0.9, '');
    atMost('overhead cpuPerCallUs', overhead.cpu.priority.cpuPerCallUs, 15, 'µs');
  }
  for (const s of [ok(r.stats), ok(r.scale)])
    if (s) atMost(`stats ${eventsLabel(s.db.events).toUpperCase()} maxQueryMs`, s.maxQueryMs, 20, 'ms');
  const logging = ok(r.logging);
  if (logging) {
    atLeast('logging groupCommitPerSec', logging.groupCommit.eventsPerSec, 20_000, '/s');
    atLeast('logging callsPerSec', logging.callsPerSec, 5000, '/s');
  }
  const ui = ok(r.ui);
  if (ui) atMost('ui usagePageMs', ui.usagePageMs, 300, 'ms');
  const large = ok(r.largeInput);
  if (large) {
    atMost('large input postingMs', large.posting.ms, 1000, 'ms');
    atMost('large input postingExtraMb', large.posting.extraMb, 150, 'MB');
    atMost('large input htmlMs', large.html.ms, 1000, 'ms');
    atMost('large input htmlExtraMb', large.html.extraMb, 150, 'MB');
    atMost('large input offlineCvMs', large.offlineCvMs, 100, 'ms');
    atLeast('large input postingsPerSec', large.postingsPerSec, 100, '/s');
  }
  const startup = ok(r.startup);
  if (startup) {
    atMost('startup usageStatsMs', startup.usageStatsMs, 150, 'ms');
    atMost('startup providersListMs', startup.providersListMs, 150, 'ms');
    atMost('startup ratioToNode', startup.ratioToNode, 3, '×');
    const web = ok(startup.webHost);
    if (web) {
      atMost('startup coreReadyMs', web.coreReadyMs, 200, 'ms');
      atMost('startup firstPageMs', web.firstPageMs, 1000, 'ms');
    }
  }
  return checks;
}

function outcome(o: ImportOutcome): string {
  return o.refused ? `refused (${o.code}) in ${o.ms} ms: ${o.message}` : `accepted in ${o.ms} ms`;
}

function table(rows: (string | number)[][]): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => String(r[c] ?? '').length))) ?? [];
  return rows
    .map((r, i) => {
      const line = r.map((cell, c) => String(cell).padEnd(widths[c] ?? 0)).join('  ');
      return i === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
    })
    .join('\n');
}

const overheadRow = (label: string, r: OverheadRun): (string | number)[] => [
  label,
  r.requests,
  r.directP50Us,
  r.routedP50Us,
  r.addedP50Us,
  r.directP99Us,
  r.routedP99Us,
  r.addedP99Us,
  r.throughputRatio,
  `${r.throughputRatioIqr[0]}–${r.throughputRatioIqr[1]}`,
  r.throughputRatioOfTotals,
];

/** The human-readable summary (the JSON line, when asked for, comes after it). */
export function formatReport(r: BenchReport): string {
  const out: string[] = [];
  const m = r.machine;
  out.push(`aditus bench (${r.quick ? 'quick' : 'full'}): ${r.command}`);
  out.push(`machine: ${m.nproc} CPUs, ${m.cpuModel}, Node ${m.node}, ${m.platform}`);
  out.push(`load average (1 min): ${m.loadAvgStart} at start, ${m.loadAvgEnd ?? '?'} at end`);
  const section = (title: string, s: Section<object> | null, body: () => string) => {
    if (s === null) return;
    out.push('', `## ${title}`, failed(s) ? `FAILED: ${s.error}` : body());
  };
  section('overhead (µs; added = routed − direct)', r.overhead, () => {
    const o = r.overhead as OverheadResult;
    return table([
      [
        'mode',
        'requests',
        'direct p50',
        'routed p50',
        'added p50',
        'direct p99',
        'routed p99',
        'added p99',
        'tput ratio',
        'rounds IQR',
        'of totals',
      ],
      overheadRow('sequential', o.sequential),
      overheadRow(`${o.concurrent.concurrency} concurrent`, o.concurrent),
    ]);
  });
  section('overhead CPU per call (µs of process CPU; canned fetch, no network)', r.overhead, () => {
    const c = (r.overhead as OverheadResult).cpu;
    return table([
      ['routing', 'rounds × calls', 'direct CPU', 'routed CPU', 'added (median)', 'added IQR', 'added, quietest'],
      ...(
        [
          ['1 provider, priority', c.priority],
          ['2 providers, balanced', c.balanced],
          ['1 provider, cancellable', c.cancellable],
        ] as const
      ).map(([label, x]) => [
        label,
        `${x.rounds} × ${x.blockSize}`,
        x.directCpuUs,
        x.routedCpuUs,
        x.cpuPerCallUs,
        `${x.cpuPerCallIqrUs[0]}–${x.cpuPerCallIqrUs[1]}`,
        x.quietCpuPerCallUs,
      ]),
    ]);
  });
  const statsSection = (title: string, result: Section<StatsResult> | null) =>
    section(title, result, () => {
      const s = result as StatsResult;
      const head = `${s.db.events.toLocaleString('en')} events over ${s.db.days} days, ${s.db.sizeOnDiskMb.toLocaleString('en')} MB on disk (${s.db.built ? `built in ${Math.round(s.db.buildSeconds ?? 0)} s, ${s.db.buildBatch.toLocaleString('en')} events per transaction` : 'reused'}); rollups: ${s.db.rollupRows.daily.toLocaleString('en')} daily, ${s.db.rollupRows.hourly.toLocaleString('en')} hourly per provider, ${s.db.rollupRows.hourTotals.toLocaleString('en')} hourly totals, ${s.db.rollupRows.monthly.toLocaleString('en')} monthly`;
      const rows = s.queries.map((q) => [q.by, q.range, q.rows, q.ms, q.cpuMs, q.ipcMs]);
      return (
        `${head}\n${table([['by', 'range', 'rows', 'query ms', 'CPU ms', 'via dispatch ms'], ...rows])}\nslowest: ${s.maxQueryMs} ms (via dispatch ${s.maxIpcMs} ms)\n` +
        `Prometheus scrape: first in a process ${s.metricsScrape.firstMs} ms, then ${s.metricsScrape.nextMs} ms`
      );
    });
  statsSection('stats (median ms per query over the rollups)', r.stats);
  statsSection('scale (the same queries on 10,000,000 events over 400 days)', r.scale);
  if (r.memory)
    out.push(
      '',
      `## memory`,
      `peak RSS through the stats run: ${r.memory.peakRssMb} MB` +
        (r.memory.buildPeakRssMb === null ? '' : ` (the build process: ${r.memory.buildPeakRssMb} MB)`),
    );
  section('logging (usage events)', r.logging, () => {
    const l = r.logging as LoggingResult;
    const g = l.groupCommit;
    return [
      `group commit, ${g.callers} calls in flight: ${g.events.toLocaleString('en')} events, ${g.eventsPerSec.toLocaleString('en')}/s, ${g.cpuUsPerEvent} µs CPU each, ${g.meanGroup} per transaction; answer waits p50 ${g.answerWaitP50Us} µs, p99 ${g.answerWaitP99Us} µs`,
      `UsageLog.record, one transaction each: ${l.calls.toLocaleString('en')} calls, ${l.callsPerSec.toLocaleString('en')}/s, p50 ${l.p50Us} µs, p99 ${l.p99Us} µs (journal ${l.journalMode}, synchronous ${l.synchronous})`,
    ].join('\n');
  });
  section('ui (Chromium via aditus serve)', r.ui, () => {
    const u = r.ui as UiResult;
    const build = u.buildSeconds === null ? 'out/ as it was' : `built in ${u.buildSeconds} s`;
    return [
      `Usage page charts drawn: ${u.usagePageMs} ms (median of ${u.runsMs.join(', ')})`,
      `initial JS gzipped: ${u.bundleGzKb} KB (${u.initialFiles.join(', ')}); all JS gzipped: ${u.allJsGzKb} KB`,
      `renderer: ${build}${u.buildFresh ? '' : ' (OLDER than the sources)'}; newest event ${u.dataAgeHours} h old`,
    ].join('\n');
  });
  section('large input (offline extraction in a fresh process each run; the import beside it)', r.largeInput, () => {
    const l = r.largeInput as LargeInputResult;
    const row = (label: string, c: LargeCase) => [
      label,
      c.inputMb,
      c.ms,
      c.cpuMs,
      c.extraMb,
      c.runsMs.join(', '),
      outcome(c.importOutcome),
    ];
    return [
      table([
        ['input', 'MB', 'ms (median)', 'CPU ms', 'extra MB', 'runs ms', "the app's import"],
        row('text posting', l.posting),
        row('HTML page', l.html),
      ]),
      `HTML 1 KB over the limit: ${outcome(l.htmlRefused.overSize)}`,
      `HTML of 5 MB with more text than the limit: ${outcome(l.htmlRefused.tooMuchText)}`,
      `offline CV draft (extraction + template): median ${l.offlineCvMs} ms, slowest ${l.offlineCvMaxMs} ms (the first, cold)`,
      `batch extraction of the posting fixtures: ${l.postingsPerSec.toLocaleString('en')} postings/s`,
    ].join('\n');
  });
  section('startup (fresh processes; median ms, CPU ms per run)', r.startup, () => {
    const s = r.startup as StartupResult;
    const row = (name: string, t: StartupResult['node']) => [name, t.medianMs, t.cpuMs ?? '?', t.runsMs.join(' ')];
    const lines = [
      table([
        ['process', 'median ms', 'cpu ms', 'runs'],
        row('node -e 0', s.node),
        row('aditus usage stats', s.usageStats),
        row('aditus providers list', s.providersList),
      ]),
      `slower CLI command / node -e 0: ${s.ratioToNode}×${s.buildFresh ? '' : ' (out/ OLDER than the sources)'}`,
    ];
    const web = s.webHost;
    lines.push(
      failed(web)
        ? `web host: FAILED: ${web.error}`
        : `web host: first IPC answer ${web.coreReadyMs} ms (${web.coreReadyRunsMs.join(', ')}); first contentful paint ${web.firstPageMs} ms (${web.firstPageRunsMs.join(', ')}); start page ${web.startPageMs} ms`,
    );
    return lines.join('\n');
  });
  if (r.targets.length)
    out.push(
      '',
      '## targets',
      table([
        ['check', 'value', 'target', 'met'],
        ...r.targets.map((t) => [t.name, t.value, t.target, t.met ? 'yes' : 'NO']),
      ]),
    );
  return out.join('\n');
}
