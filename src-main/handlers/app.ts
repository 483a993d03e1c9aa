import type { FeatureHandlers } from '../ipc/handlers';
import { APP_VERSION } from '../version';

export interface AppInfoSources {
  dataDir: string;
  secretsBackend: string;
  schemaVersion: () => number;
}

/** `app:info`: what the About box and `aditus status` show. */
export function appHandlers({ dataDir, secretsBackend, schemaVersion }: AppInfoSources): FeatureHandlers<'app:info'> {
  return {
    'app:info': (_input, ctx) => ({
      name: 'Aditus',
      version: APP_VERSION,
      host: ctx.session.host,
      dataDir,
      schemaVersion: schemaVersion(),
      secretsBackend,
      role: ctx.role,
      platform: process.platform,
    }),
  };
}
