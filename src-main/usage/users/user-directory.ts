import type { Statement } from 'better-sqlite3';
import type { UserDto, UserInput, UserLimitBehaviour, UserPatch } from '@contract';
import { userInputSchema } from '@contract';
import type { AuditLog } from '../../audit/audit-log';
import type { Clock } from '../../clock';
import { immediate, type DatabaseHandle } from '../../db/client';
import { OtherWriters } from '../../db/other-writers';
import { AppError } from '../../errors';
import { microsToUsd, usdToMicros } from '../money';

/** A user's row: quotas in tokens and micro-dollars (null: none). */
export interface UserRow {
  name: string;
  dailyTokenLimit: number | null;
  monthlyTokenLimit: number | null;
  dailyCostLimitMicros: number | null;
  monthlyCostLimitMicros: number | null;
  onLimit: UserLimitBehaviour;
  createdAt: number;
  updatedAt: number;
}

const COLUMNS = `name, daily_token_limit AS dailyTokenLimit, monthly_token_limit AS monthlyTokenLimit,
  daily_cost_limit_micros AS dailyCostLimitMicros, monthly_cost_limit_micros AS monthlyCostLimitMicros,
  on_limit AS onLimit, created_at AS createdAt, updated_at AS updatedAt`;

const orNull = (usd: number | null): number | null => (usd === null ? null : usdToMicros(usd));

export function userDto(row: UserRow): UserDto {
  return {
    name: row.name,
    dailyTokens: row.dailyTokenLimit,
    monthlyTokens: row.monthlyTokenLimit,
    dailyCostUsd: row.dailyCostLimitMicros === null ? null : microsToUsd(row.dailyCostLimitMicros),
    monthlyCostUsd: row.monthlyCostLimitMicros === null ? null : microsToUsd(row.monthlyCostLimitMicros),
    onLimit: row.onLimit,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/**
 * The users (recruiter profiles) the admin manages, in table `users`. An empty list means users are not
 * managed: whoever runs the app acts as an implicit user without quotas (see `resolve`).
 */
export class UserDirectory {
  private readonly selectAll: Statement<[], UserRow>;
  private readonly selectOne: Statement<[string], UserRow>;
  private readonly otherWriters: OtherWriters;
  /** Every user by name as last read; cleared by this directory's writes and when another process writes. */
  private cache: { stamp: number; byName: Map<string, UserRow> } | null = null;

  constructor(
    private readonly store: DatabaseHandle,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {
    this.selectAll = store.sqlite.prepare(`SELECT ${COLUMNS} FROM users ORDER BY name`);
    this.selectOne = store.sqlite.prepare(`SELECT ${COLUMNS} FROM users WHERE name = ?`);
    this.otherWriters = OtherWriters.of(store);
  }

  list(): UserRow[] {
    return this.selectAll.all();
  }

  /**
   * The users as the router reads them on every call: cached, read again after this directory writes and
   * once another process (the CLI) may have changed them (seen within OTHER_WRITERS_CHECK_MS).
   */
  private known(): Map<string, UserRow> {
    const stamp = this.otherWriters.stamp();
    if (this.cache?.stamp !== stamp) this.cache = { stamp, byName: new Map(this.list().map((u) => [u.name, u])) };
    return this.cache.byName;
  }

  find(name: string): UserRow | null {
    return this.known().get(name) ?? null;
  }

  isManaged(): boolean {
    return this.known().size > 0;
  }

  /**
   * The acting user's row; null when the user list is empty (the implicit user: no quotas). A name not in a
   * non-empty list is refused.
   */
  resolve(name: string): UserRow | null {
    const row = this.find(name);
    if (row || !this.isManaged()) return row;
    throw unknownUser(name, this.list());
  }

  get(name: string): UserRow {
    return this.read(name);
  }

  /** Read from the table (inside a write's transaction: the cache may be behind another process's commit). */
  private read(name: string): UserRow {
    const row = this.selectOne.get(name);
    if (!row) throw unknownUser(name, this.list());
    return row;
  }

  add(input: UserInput, actor: string): UserRow {
    const u = userInputSchema.parse(input);
    const now = this.clock.now();
    const row: UserRow = {
      name: u.name,
      dailyTokenLimit: u.dailyTokens,
      monthlyTokenLimit: u.monthlyTokens,
      dailyCostLimitMicros: orNull(u.dailyCostUsd),
      monthlyCostLimitMicros: orNull(u.monthlyCostUsd),
      onLimit: u.onLimit,
      createdAt: now,
      updatedAt: now,
    };
    this.cache = null;
    immediate(this.store.sqlite, () => {
      if (this.selectOne.get(row.name)) throw new AppError('conflict', `User "${row.name}" already exists.`);
      this.store.sqlite
        .prepare(
          `INSERT INTO users (name, daily_token_limit, monthly_token_limit, daily_cost_limit_micros,
             monthly_cost_limit_micros, on_limit, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          row.name,
          row.dailyTokenLimit,
          row.monthlyTokenLimit,
          row.dailyCostLimitMicros,
          row.monthlyCostLimitMicros,
          row.onLimit,
          now,
          now,
        );
      this.audit.append({ actor, action: 'user.add', target: row.name });
    });
    return row;
  }

  update(name: string, patch: UserPatch, actor: string): UserRow {
    this.cache = null;
    return immediate(this.store.sqlite, () => {
      const before = this.read(name);
      const after: UserRow = {
        ...before,
        ...(patch.dailyTokens !== undefined ? { dailyTokenLimit: patch.dailyTokens } : {}),
        ...(patch.monthlyTokens !== undefined ? { monthlyTokenLimit: patch.monthlyTokens } : {}),
        ...(patch.dailyCostUsd !== undefined ? { dailyCostLimitMicros: orNull(patch.dailyCostUsd) } : {}),
        ...(patch.monthlyCostUsd !== undefined ? { monthlyCostLimitMicros: orNull(patch.monthlyCostUsd) } : {}),
        ...(patch.onLimit !== undefined ? { onLimit: patch.onLimit } : {}),
        updatedAt: this.clock.now(),
      };
      this.store.sqlite
        .prepare(
          `UPDATE users SET daily_token_limit = ?, monthly_token_limit = ?, daily_cost_limit_micros = ?,
             monthly_cost_limit_micros = ?, on_limit = ?, updated_at = ? WHERE name = ?`,
        )
        .run(
          after.dailyTokenLimit,
          after.monthlyTokenLimit,
          after.dailyCostLimitMicros,
          after.monthlyCostLimitMicros,
          after.onLimit,
          after.updatedAt,
          name,
        );
      // Audited by name: which settings changed, not their values.
      this.audit.append({ actor, action: 'user.update', target: name, after: { changed: Object.keys(patch) } });
      return after;
    });
  }

  /** Removes the user from the list; their usage events and rollups stay (they are the ledger). */
  remove(name: string, actor: string): void {
    this.cache = null;
    immediate(this.store.sqlite, () => {
      this.read(name);
      this.store.sqlite.prepare('DELETE FROM users WHERE name = ?').run(name);
      this.audit.append({ actor, action: 'user.remove', target: name });
    });
  }
}

export function unknownUser(name: string, known: readonly UserRow[]): AppError {
  const users =
    known.length === 0
      ? 'no users are set up yet, so everyone acts as their OS user'
      : `the users are ${known.map((u) => u.name).join(', ')}`;
  return new AppError(
    'not_found',
    `Unknown user "${name}": ${users}. Choose one (--user NAME, or the profile in the app), or ask an admin to add "${name}" (aditus users add ${name}).`,
    { reason: 'unknown_user', user: name },
  );
}
