import { userInfo } from 'node:os';
import { systemClock, type Clock } from './clock';
import { openDatabase, type DatabaseHandle } from './db/client';
import { applyMigrations } from './db/migrate';
import { createHandlers } from './app-handlers';
import { createDispatch, type Dispatch } from './ipc/dispatch';
import type { Handlers } from './ipc/handlers';
import type { RoleResolver, Session, HostKind } from './ipc/session';
import { ProviderConfigService } from './providers/config-service';
import { ProviderCalls } from './providers/provider-calls';
import { withRedaction } from './secrets/registering-store';
import { AdminService } from './admin/admin-service';
import { AuditLog } from './admin/audit-log';
import type { SecretStore } from './secrets/secret-store';

export interface CoreOptions {
  dataDir: string;
  secrets: SecretStore;
  clock?: Clock;
  migrationsDir?: string;
  synchronous?: 'NORMAL' | 'FULL';
  log?: (line: string) => void;
}

export interface Core {
  dataDir: string;
  store: DatabaseHandle;
  secrets: SecretStore;
  clock: Clock;
  log: (line: string) => void;
  services: {
    providers: ProviderConfigService;
    providerCalls: ProviderCalls;
    roles: RoleResolver;
    admin: AdminService;
    audit: AuditLog;
  };
  handlers: Handlers;
  dispatch: Dispatch;
  schemaVersion(): number;
  /** A session for the local OS user on the given host. */
  localSession(host: HostKind, adminToken?: string | null): Session;
  close(): void;
}

/** The composition root shared by the Electron app, the CLI and the web host. */
export function createCore(options: CoreOptions): Core {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const secrets = withRedaction(options.secrets);
  const store = openDatabase({ dataDir: options.dataDir, synchronous: options.synchronous });
  try {
    applyMigrations(store.db, options.migrationsDir);
  } catch (err) {
    store.close();
    throw err;
  }

  const audit = new AuditLog(store, clock);
  const admin = new AdminService(store, secrets, clock, audit);
  const providers = new ProviderConfigService(store, secrets, clock, audit);
  const providerCalls = new ProviderCalls(providers, audit);
  const roles: RoleResolver = admin;

  const base = {
    dataDir: options.dataDir,
    store,
    secrets,
    clock,
    log,
    services: { providers, providerCalls, roles, admin, audit },
    schemaVersion: () =>
      (store.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n,
    localSession: (host: HostKind, adminToken: string | null = null): Session => ({
      host,
      userId: safeUserName(),
      adminToken,
    }),
    close: () => store.close(),
  };
  const handlers = createHandlers(base);
  const dispatch = createDispatch(handlers, roles, log);
  return { ...base, handlers, dispatch };
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'local';
  }
}
