import type { Channel, ChannelInput, ChannelOutput, Result } from '@contract';
import type { Clock } from '../clock';
import { createCore, type Core, type UsageAtClose } from '../core';
import { defaultDataDir } from '../paths';
import { KeytarSecretStore } from '../secrets/keytar-store';
import type { SecretStore } from '../secrets/secret-store';
import { CliExit, writeJson, writeLine, type CliIo } from './io';
import type { HandlerContext } from '../ipc/handlers';
import type { Session } from '../session';
import { osUserName } from '../os-user';

export interface GlobalOptions {
  dataDir?: string;
  json?: boolean;
  /** `--user NAME`: the user the call acts as (default: the OS user). */
  user?: string;
}

export interface CliDeps {
  io: CliIo;
  /** Tests may pass another store; the real CLI always uses the OS keychain. */
  secrets?: SecretStore;
  /** Tests may pass a clock (a budget that resets tomorrow); the real CLI uses the system clock. */
  clock?: Clock;
}

/** One CLI invocation: a core for the data dir and a typed call through the same dispatch as the app. */
export class CliContext {
  private core: Core | null = null;

  constructor(
    readonly deps: CliDeps,
    readonly options: GlobalOptions,
  ) {}

  get io(): CliIo {
    return this.deps.io;
  }

  get json(): boolean {
    return this.options.json === true;
  }

  dataDir(): string {
    return this.options.dataDir ?? defaultDataDir(this.io.env);
  }

  /** Whether the core loads the audit key at start (`aditus serve`) or before the first call that may audit. */
  private auditKeyAtStart = false;

  /** `aditus serve`: a long-lived host loads the audit key at start, as the desktop app does (its background work audits too). */
  runsLongLived(): void {
    this.auditKeyAtStart = true;
  }

  open(): Core {
    this.core ??= createCore({
      dataDir: this.dataDir(),
      secrets: this.deps.secrets ?? new KeytarSecretStore(),
      openAuditKeyAtStart: this.auditKeyAtStart,
      log: (line) => writeLine(this.io.stderr, line),
      env: this.io.env,
      ...(this.deps.clock ? { clock: this.deps.clock } : {}),
    });
    return this.core;
  }

  session(adminToken: string | null = null): Session {
    return this.open().localSession('cli', adminToken, this.options.user ?? osUserName());
  }

  async call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
    return this.callAs(this.session(await this.adminToken()), channel, input);
  }

  private userChecked = false;

  /** `--user NAME` must name a user in the list (or the OS user while the list is empty): a typed error otherwise. */
  private async checkUser(): Promise<void> {
    const name = this.options.user;
    if (name === undefined || this.userChecked) return;
    this.userChecked = true;
    const acting = await this.callAs(this.session(), 'users:acting', {});
    if (acting.implicit && name === acting.osUser) return;
    const users = await this.callAs(this.session(), 'users:list', {});
    if (users.some((u) => u.name === name)) return;
    const known = users.length ? `the users are ${users.map((u) => u.name).join(', ')}` : 'no users are set up yet';
    this.fail(`unknown user "${name}" (--user): ${known}. An admin adds users with \`aditus users add NAME\`.`, 2, {
      code: 'not_found',
      message: `Unknown user "${name}".`,
    });
  }

  /** The raw Result envelope, for batches that report a failure and go on. */
  async result<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> {
    const core = await this.ready();
    await this.checkUser();
    return (await core.dispatch(channel, input, this.session(await this.adminToken()))) as Result<ChannelOutput<C>>;
  }

  /** The core, started (first-start seeding, crash recovery) once per invocation. */
  async ready(): Promise<Core> {
    const core = this.open();
    await core.start();
    return core;
  }

  async callAs<C extends Channel>(
    session: Session,
    channel: C,
    input: ChannelInput<C>,
    emit?: HandlerContext['emit'],
  ): Promise<ChannelOutput<C>> {
    await this.checkUser();
    const result = await (await this.ready()).dispatch(channel, input, session, emit ? { emit } : undefined);
    if (result.ok) return result.data as ChannelOutput<C>;
    const hint =
      result.error.code === 'forbidden' && !(await this.adminToken())
        ? ' (no admin session: run `aditus admin login`)'
        : '';
    return this.fail(result.error.message + hint, result.error.code === 'invalid_input' ? 2 : 1, result.error);
  }

  private adminAccount(): string {
    return `admin-session:${osUserName()}:${this.dataDir()}`;
  }

  /** The CLI's admin session token, kept in the OS keychain by `aditus admin login`. */
  async adminToken(): Promise<string | null> {
    // One keychain read per invocation, however many calls the command makes.
    this.adminTokenRead ??= this.readAdminToken();
    return this.adminTokenRead;
  }

  private adminTokenRead: Promise<string | null> | null = null;

  private async readAdminToken(): Promise<string | null> {
    const core = this.open();
    if (!core.services.admin.isConfigured()) return null;
    try {
      return await core.secrets.get(this.adminAccount());
    } catch {
      return null; // a locked keychain just means "no admin session"
    }
  }

  async saveAdminToken(token: string | null): Promise<void> {
    this.adminTokenRead = Promise.resolve(token);
    const secrets = this.open().secrets;
    if (token) await secrets.set(this.adminAccount(), token);
    else await secrets.delete(this.adminAccount()).catch(() => false);
  }

  exit(code: number): never {
    throw new CliExit(code);
  }

  fail(message: string, exitCode = 1, error?: unknown): never {
    if (this.json) writeJson(this.io, { error: error ?? { message } });
    writeLine(this.io.stderr, `aditus: ${message}`);
    throw new CliExit(exitCode);
  }

  /** Closes the core; what became of usage events it could not commit (null if no core was opened). */
  close(): UsageAtClose | null {
    const usage = this.core?.close() ?? null;
    this.core = null;
    return usage;
  }
}
