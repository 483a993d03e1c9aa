import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import type { Target } from './test/e2e/hosts/app';

const chromium = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export default defineConfig<{ target: Target }>({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    screenshot: 'only-on-failure',
    trace: 'off',
  },
  projects: [
    {
      name: 'chromium-web-host',
      // Desktop-only checks live in electron.spec.ts.
      testIgnore: /electron\.spec\.ts/u,
      use: {
        target: 'web',
        browserName: 'chromium',
        launchOptions: {
          executablePath: existsSync(chromium) ? chromium : undefined,
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
        },
      },
    },
    {
      // The same specs against the built desktop app, plus electron.spec.ts. Every test skips with the reason
      // where Electron cannot run: no binary (not on CI here: the download is blocked), or native modules
      // built for Node. How to run it: docs/ui-tests.md.
      name: 'electron',
      use: { target: 'electron' },
    },
  ],
});
