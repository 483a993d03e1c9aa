import { availableParallelism, cpus, loadavg } from 'node:os';
import { readFileSync } from 'node:fs';

export interface Machine {
  nproc: number;
  cpuModel: string;
  node: string;
  platform: string;
  /** 1-minute load average when the run started and ended: other work on the machine skews latencies. */
  loadAvgStart: number;
  loadAvgEnd: number | null;
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) return line.split(':')[1]?.trim() ?? 'unknown';
  } catch {
    // not Linux
  }
  return cpus()[0]?.model ?? 'unknown';
}

export function describeMachine(): Machine {
  return {
    nproc: availableParallelism(),
    cpuModel: cpuModel(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAvgStart: Math.round((loadavg()[0] ?? 0) * 100) / 100,
    loadAvgEnd: null,
  };
}

export const currentLoad = (): number => Math.round((loadavg()[0] ?? 0) * 100) / 100;
