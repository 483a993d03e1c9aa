import { chromium, type Browser } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../paths';
import { serveFirstLine } from '../serve-url';
import { median, round } from '../summary';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

export interface WebHostLaunch {
  /** Median: spawn of `aditus serve` → the answer to its first IPC call (app:info over HTTP) received, ms. */
  coreReadyMs: number;
  coreReadyRunsMs: number[];
  /** Median: spawn → the page's first contentful paint in Chromium (already running, fresh context), ms. */
  firstPageMs: number;
  firstPageRunsMs: number[];
  /** Median: spawn → the start page's heading visible (the app shell drawn with its first data), ms. */
  startPageMs: number;
}

/** Epoch milliseconds with sub-millisecond precision, comparable with a page's `timeOrigin + now()`. */
const epochNow = (): number => performance.timeOrigin + performance.now();

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  return exited;
}

/** `aditus --json serve --port 0`, its own process as a user starts it; resolves with the URL it prints. */
function launch(dataDir: string): { child: ChildProcess; url: Promise<{ url: string; port: number }> } {
  const child = spawn(
    process.execPath,
    [join(REPO_ROOT, 'bin/aditus.cjs'), '--data-dir', dataDir, '--json', 'serve', '--port', '0'],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = serveFirstLine(child).then((line) => JSON.parse(line) as { url: string; port: number });
  return { child, url };
}

async function firstIpcAnswer(url: string, port: number): Promise<void> {
  const token = new URL(url).hash.replace(/^#token=/u, '');
  const res = await fetch(`http://127.0.0.1:${port}/ipc/app:info`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-aditus-token': token },
    body: JSON.stringify({ input: {} }),
  });
  const body = (await res.json()) as { ok?: boolean };
  if (!body.ok) throw new Error(`app:info over the web host failed: ${JSON.stringify(body).slice(0, 300)}`);
}

/** Runs in the page: its first contentful paint on the epoch clock, or null before it. */
function firstContentfulPaintAt(): number | null {
  const perf = (
    globalThis as unknown as {
      performance: { timeOrigin: number; getEntriesByName(name: string): { startTime: number }[] };
    }
  ).performance;
  const paint = perf.getEntriesByName('first-contentful-paint')[0];
  return paint ? perf.timeOrigin + paint.startTime : null;
}

async function oneLaunch(browser: Browser, dataDir: string): Promise<[number, number, number]> {
  const context = await browser.newContext();
  const started = epochNow();
  const { child, url } = launch(dataDir);
  try {
    const served = await url;
    await firstIpcAnswer(served.url, served.port);
    const coreReady = epochNow() - started;
    const page = await context.newPage();
    await page.goto(served.url);
    const paintAt = (await (await page.waitForFunction(firstContentfulPaintAt)).jsonValue()) as number;
    await page.locator('main h2').first().waitFor({ state: 'visible' });
    const startPage = epochNow() - started;
    return [coreReady, paintAt - started, startPage];
  } finally {
    await context.close();
    await stop(child);
  }
}

/**
 * Starts the web host `runs` times on a prepared data folder (after one warm-up launch) with Chromium already
 * open, as a user's browser is: each launch times its first IPC answer and the first page drawn.
 */
export async function timeWebHostLaunches(dataDir: string, runs: number): Promise<WebHostLaunch> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    await oneLaunch(browser, dataDir);
    const samples: [number, number, number][] = [];
    for (let i = 0; i < runs; i++) samples.push(await oneLaunch(browser, dataDir));
    const column = (k: 0 | 1 | 2) => samples.map((s) => round(s[k]));
    return {
      coreReadyMs: round(median(column(0))),
      coreReadyRunsMs: column(0),
      firstPageMs: round(median(column(1))),
      firstPageRunsMs: column(1),
      startPageMs: round(median(column(2))),
    };
  } finally {
    await browser.close();
  }
}
