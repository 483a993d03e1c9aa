import type { FeatureHandlers } from '../ipc/handlers';
import { APP_VERSION } from '../version';

export interface AppInfoSources {
  dataDir: string;
  logFile: string;
  secretsBackend: string;
  schemaVersion: () => number;
}

/** `app:info`: what the header, Settings and `aditus info` show. */
export function appHandlers({
  dataDir,
  logFile,
  secretsBackend,
  schemaVersion,
}: AppInfoSources): FeatureHandlers<'app:info'> {
  return {
    'app:info': (_input, ctx) => ({
      name: 'Aditus',
      version: APP_VERSION,
      host: ctx.session.host,
      dataDir,
      logFile,
      schemaVersion: schemaVersion(),
      secretsBackend,
      role: ctx.role,
      platform: process.platform,
    }),
  };
}
