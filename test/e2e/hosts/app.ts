import type { ElectronApplication, Page } from '@playwright/test';
import type { Result } from '@contract';

/** Which host runs the app: `aditus serve` in Chromium, or the desktop app in Electron. */
export type Target = 'web' | 'electron';

/** The app under test, whichever host runs it. */
export interface AppUnderTest {
  readonly target: Target;
  /** What a test opens with `page.goto`: the web host's URL with its token, or the desktop window's own page. */
  readonly url: string;
  /** The app's data folder (`--data-dir` / `ADITUS_DATA_DIR`), shared with the CLI. */
  readonly dataDir: string;
  /** A Node runtime for the CLI whose native modules match the app's (Electron's own Node for the desktop app). */
  readonly cli: { readonly command: string; readonly env: NodeJS.ProcessEnv };
  /** The Electron application, for desktop-only checks; null over the web host. */
  readonly electron: ElectronApplication | null;
  /** One contract call in the page's session, as the renderer makes it; resolves to the Result envelope. */
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
}

/** A started host: the app, the page showing it, and how to stop both. */
export interface Host {
  readonly app: AppUnderTest;
  readonly page: Page;
  close(): Promise<void>;
}
