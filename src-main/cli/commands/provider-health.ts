import type { Command } from 'commander';
import type { ProviderHealthStatusDto } from '@contract';
import { formatProbeEvery, parseProbeEvery } from '@shared/probe-interval';
import type { CliContext } from '../context';
import { formatTable, writeJson, writeLine } from '../io';

const iso = (ms: number) => new Date(ms).toISOString();

/** `--probe-every 5m|off` → ms or null; undefined when not given; a bad value exits 2. */
export function probeEveryFlag(value: string | undefined, ctx: CliContext): number | null | undefined {
  if (value === undefined) return undefined;
  try {
    return parseProbeEvery(value);
  } catch (err) {
    return ctx.fail(`--probe-every: ${err instanceof Error ? err.message : String(err)}`, 2);
  }
}

function lastProbeText(s: ProviderHealthStatusDto): string {
  const p = s.lastProbe;
  if (!p) return '-';
  return `${iso(p.at)} ${p.ok ? 'ok' : `failed (${p.failure ?? 'unknown'})`}${p.latencyMs === null ? '' : ` ${p.latencyMs} ms`}`;
}

function detail(s: ProviderHealthStatusDto): string[] {
  const lines = [
    `${s.name}: ${s.state.toUpperCase()}${s.since === null ? '' : ` since ${iso(s.since)}`}${s.reason ? ` (${s.reason})` : ''}`,
    `  probes: ${s.probeEveryMs === null ? 'off' : `every ${formatProbeEvery(s.probeEveryMs)}`}; last probe: ${lastProbeText(s)}`,
  ];
  if (s.recentChanges.length === 0) lines.push('  no state changes yet');
  else lines.push('  recent changes (newest first):');
  for (const c of s.recentChanges)
    lines.push(`    ${iso(c.at)}  ${c.previousState ?? 'unknown'} → ${c.state}${c.reason ? `  (${c.reason})` : ''}`);
  return lines;
}

/** `providers health [NAME]`: the health state, last probe and recent changes. */
export function addHealthCommand(cmd: Command, ctx: () => CliContext): void {
  cmd
    .command('health [name]')
    .description(
      'health state (healthy, degraded, down; unknown before any probe or call), since when and why, the probe ' +
        'interval, the last probe and recent state changes',
    )
    .action(async (name: string | undefined) => {
      const c = ctx();
      const status = await c.call('providers:health-status', name === undefined ? {} : { name });
      if (c.json) return writeJson(c.io, status);
      if (status.length === 0) return writeLine(c.io.stdout, 'No providers yet.');
      if (name !== undefined) return writeLine(c.io.stdout, status.flatMap(detail).join('\n'));
      writeLine(
        c.io.stdout,
        formatTable([
          ['NAME', 'STATE', 'SINCE', 'PROBES', 'LAST PROBE'],
          ...status.map((s) => [
            s.name,
            s.state,
            s.since === null ? '-' : iso(s.since),
            formatProbeEvery(s.probeEveryMs),
            lastProbeText(s),
          ]),
        ]),
      );
    });
}
