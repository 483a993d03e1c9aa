import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint, type Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The main-process layers (ARCHITECTURE.md "Layers inside the main process") are lint zones in
 * eslint.config.mjs. These cases prove the rules can fail: each snippet is linted as if it were a file
 * in a zone, and a forbidden import must be reported with the layer rule's message.
 */
const ROOT = join(__dirname, '..', '..', '..');
const RULES = new Set(['no-restricted-imports', 'no-restricted-globals', 'no-restricted-syntax']);
const LAYERS = 'ARCHITECTURE.md: layers';
const ELECTRON = 'may import electron';
const SDK = 'Each provider SDK is imported only by its adapter';

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT, overrideConfigFile: join(ROOT, 'eslint.config.mjs') });
});

/** The boundary messages ESLint reports for `code` as the file `file` (relative to the repository). */
async function restrictions(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: join(ROOT, file) });
  return result!.messages.filter((m) => m.ruleId && RULES.has(m.ruleId)).map((m) => m.message);
}

describe('main-process layers', () => {
  it.each([
    // services never reach up
    ['src-main/usage/x.ts', "export { h } from '../handlers/usage';", 'services never import handlers'],
    ['src-main/usage/x.ts', "export { dispatch } from '../ipc/dispatch';", 'services never import handlers'],
    ['src-main/drafting/service/x.ts', "export type { Core } from '../../core';", 'services never import handlers'],
    ['src-main/routing/x.ts', "export { runCli } from '../cli/program';", 'services never import handlers'],
    // the order inside the services: drafting → routing → (usage, provider configs, settings, admin) → audit
    ['src-main/usage/x.ts', "export { Router } from '../routing/router';", 'usage imports no other service'],
    ['src-main/usage/x.ts', "export { SettingsService } from '../settings';", 'usage imports no other service'],
    ['src-main/routing/x.ts', "export { D } from '../drafting/service/drafting-service';", 'never drafting'],
    ['src-main/admin/x.ts', "export { toDto } from '../providers/config-service';", 'admin imports no other service'],
    ['src-main/providers/configured-providers.ts', "export { Metrics } from '../usage/metrics';", 'provider configs'],
    ['src-main/audit/x.ts', "export { UsageLog } from '../usage/usage-log';", 'audit/ is the sink'],
    // storage and adapters never import services
    ['src-main/drafting/store/x-repo.ts', "export type { C } from '../inputs/read-candidate';", 'storage and adapters'],
    ['src-main/providers/openai.ts', "export { toDto } from './config-service';", 'storage and adapters'],
    ['src-main/db/client.ts', "export { AuditLog } from '../audit/audit-log';", 'storage and adapters'],
    // handlers use their services only; dispatch is given them
    ['src-main/handlers/x.ts', "export type { Core } from '../core';", 'handlers use only their services'],
    ['src-main/handlers/x.ts', "export { openDatabase } from '../db/client';", 'handlers use only their services'],
    ['src-main/handlers/x.ts', "export { createDispatch } from '../ipc/dispatch';", 'handlers use only their services'],
    ['src-main/handlers/x.ts', "import { FeatureHandlers } from '../ipc/handlers';", 'only the types of ipc/handlers'],
    ['src-main/ipc/dispatch.ts', "export { ProviderError } from '../providers/errors';", 'dispatch imports only'],
    ['src-main/ipc/dispatch.ts', "export { redactKnownSecrets } from '../secrets/redaction';", 'dispatch imports only'],
    ['src-main/ipc/dispatch.ts', "export { usage } from '../handlers/usage';", 'dispatch imports only'],
    // hosts go through core.ts; core.ts never imports a host
    ['src-main/cli/commands/x.ts', "export { UsageStats } from '../../usage/stats';", 'hosts reach features only'],
    ['src-main/index.ts', "export { usage } from './handlers/usage';", 'hosts reach features only'],
    ['src-main/core.ts', "export { startWebHost } from './web-host/server';", 'never imports a host'],
    ['src-main/settings.ts', "export type { Core } from './core';", 'services never import handlers'],
    ['src-main/index.ts', "export { SettingsService } from './settings';", 'hosts reach features only'],
    [
      'src-main/usage/x.ts',
      "export const r = () => import('../routing/router');",
      'Import modules of src-main statically',
    ],
    // at the top of src-main a same-folder name is a layer (core, handlers, …): only static imports there
    ['src-main/core.ts', "export const h = () => import('./handlers/usage');", 'Import modules of src-main statically'],
    // kernel files are leaves
    ['src-main/clock.ts', "export { openDatabase } from './db/client';", 'kernel files'],
    // process boundaries survive in every zone
    ['src-main/usage/x.ts', "import { app } from 'electron';", ELECTRON],
    ['src-main/handlers/x.ts', "import { app } from 'electron';", ELECTRON],
    ['src-main/providers/gemini.ts', "import { app } from 'electron';", ELECTRON],
    ['src-main/routing/x.ts', "import OpenAI from 'openai';", SDK],
    ['src-main/providers/openai.ts', "import Anthropic from '@anthropic-ai/sdk';", SDK],
    ['src-main/web-host/x.ts', "import { GoogleGenerativeAI } from '@google/generative-ai';", SDK],
    // the shared folder runs in main and renderer alike
    ['src-preload/shared/x.ts', "import { join } from 'node:path';", 'src-preload/shared'],
    ['src-preload/shared/x.ts', "import { useState } from 'react';", 'src-preload/shared'],
    ['src-preload/shared/x.ts', "import { channels } from '../contract';", 'src-preload/shared'],
    ['src-preload/shared/x.ts', 'export const here = () => window.location.href;', 'src-preload/shared'],
    ['src-preload/shared/markdown/x.ts', "export { channels } from '../../contract';", 'src-preload/shared'],
    ['src-preload/shared/markdown/x.ts', "export { app } from '../../../src-main/version';", 'src-preload/shared'],
  ])('%s: %s is reported', async (file, code, message) => {
    const found = await restrictions(file, code);
    expect(found.length, `nothing reported for ${code} in ${file}`).toBeGreaterThan(0);
    expect(found.join('\n')).toContain(message);
  });

  it.each([
    [
      'src-main/usage/x.ts',
      "import type { AuditLog } from '../audit/audit-log';\nimport type { DatabaseHandle } from '../db/client';\nimport { AppError } from '../errors';\nimport type { Usage } from '../providers/types';\nimport type { Role } from '@contract';",
    ],
    [
      'src-main/routing/x.ts',
      "export { UsageLog } from '../usage/usage-log';\nexport { toDto } from '../providers/config-service';",
    ],
    [
      'src-main/drafting/service/x.ts',
      "export { Router } from '../../routing/router';\nexport * from '../store/x-repo';",
    ],
    [
      'src-main/handlers/x.ts',
      "import type { FeatureHandlers } from '../ipc/handlers';\nexport { actorOf } from '../admin/admin-service';",
    ],
    ['src-main/core.ts', "export { usage } from './handlers/usage';\nexport { createDispatch } from './ipc/dispatch';"],
    [
      'src-main/cli/context.ts',
      "export { createCore } from '../core';\nexport { KeytarSecretStore } from '../secrets/keytar-store';",
    ],
    ['src-main/index.ts', "import { app } from 'electron';"],
    ['src-main/providers/openai.ts', "import OpenAI from 'openai';"],
    // a heavy module of the same folder loaded on first use (docs/system-guide.md: start-up)
    ['src-main/providers/factory.ts', "export const load = () => import('./anthropic');"],
    ['src-main/drafting/store/x-repo.ts', "export type { ImageMediaType } from '../../providers/types';"],
    ['src-main/providers/x-repo.ts', "export type { Row } from '../db/schema/settings';\nexport * from './types';"],
    ['src-main/settings.ts', "export { SettingsRepo } from './settings-repo';"],
    ['src-main/db/schema/index.ts', "export * from './usage';\nexport * from './settings';"],
    ['src-main/errors.ts', "import type { ErrorCode } from '@contract';\nexport { systemClock } from './clock';"],
    ['src-preload/shared/x.ts', "import { z } from 'zod';\nexport { isAppPage } from './app-origin';"],
    ['src-preload/shared/markdown/x.ts', "export { parseInline } from './inline';\nexport * from '../app-origin';"],
  ])('%s: an allowed import is not reported', async (file, code) => {
    expect(await restrictions(file, code)).toEqual([]);
  });

  it('puts every main-process file in a zone that keeps the electron and SDK rules', async () => {
    const electronFiles = ['src-main/index.ts', 'src-main/window.ts', 'src-main/ipc/electron.ts'];
    const files = (readdirSync(join(ROOT, 'src-main'), { recursive: true }) as string[])
      .map((f) => `src-main/${f.split('\\').join('/')}`)
      .filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(100);
    const problems: string[] = [];
    for (const file of files) {
      const config = (await eslint.calculateConfigForFile(join(ROOT, file))) as Linter.Config;
      const [, options] = (config.rules?.['no-restricted-imports'] ?? []) as [
        unknown,
        { paths?: { name: string }[]; patterns?: { message?: string; regex?: string }[] }?,
      ];
      const patterns = options?.patterns ?? [];
      if (!patterns.some((p) => p.message?.includes(LAYERS))) problems.push(`${file}: in no layer zone`);
      if (!patterns.some((p) => p.message?.startsWith(SDK))) problems.push(`${file}: lost the SDK rule`);
      const bansElectron = (options?.paths ?? []).some((p) => p.name === 'electron');
      if (bansElectron === electronFiles.includes(file)) problems.push(`${file}: wrong electron rule`);
    }
    expect(problems).toEqual([]);
  });
});
