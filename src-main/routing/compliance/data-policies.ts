import type { DataPolicy, PolicyDto, PolicyTarget } from '@contract';
import type { Clock } from '../../clock';
import type { Statement } from 'better-sqlite3';
import { immediate, type DatabaseHandle } from '../../db/client';
import { OtherWriters } from '../../db/other-writers';
import { AppError } from '../../errors';
import { stricter, type EffectivePolicy } from './policy-rules';

/** What the policies write to the audit log (the audit log's own `append`). */
export interface PolicyAudit {
  append(entry: { actor: string; action: string; target?: string | null; before?: unknown; after?: unknown }): unknown;
}

const scopeOf = (target: PolicyTarget) =>
  'task' in target
    ? { scope: 'task' as const, key: target.task }
    : { scope: 'candidate' as const, key: target.candidateId };

/** Policies kept in memory at most (one per task and per candidate routed since the last clear). */
const MAX_CACHED = 10_000;

/** Per-task and per-candidate data policies in SQLite (table data_policies); no row means `any`. */
export class DataPolicies {
  private readonly selectAllow: Statement<[string, string], { allow: DataPolicy }>;
  private readonly otherWriters: OtherWriters;
  /**
   * Policies as last read (every routed call reads its task's): cleared by `set` and when another process
   * (the CLI) writes to the database. A removed candidate's row (removals-repo) can stay here: its id is
   * never routed again.
   */
  private readonly cache = new Map<string, DataPolicy>();
  private cacheStamp = -1;

  constructor(
    private readonly store: DatabaseHandle,
    private readonly clock: Clock,
    private readonly audit: PolicyAudit,
  ) {
    this.selectAllow = store.sqlite.prepare('SELECT allow FROM data_policies WHERE scope = ? AND target = ?');
    this.otherWriters = OtherWriters.of(store);
  }

  list(): PolicyDto[] {
    return this.store.sqlite
      .prepare('SELECT scope, target, allow, updated_at AS updatedAt FROM data_policies ORDER BY scope DESC, target')
      .all() as PolicyDto[];
  }

  get(target: PolicyTarget): DataPolicy {
    const { scope, key } = scopeOf(target);
    return this.read(scope, key);
  }

  private read(scope: 'task' | 'candidate', key: string): DataPolicy {
    const stamp = this.otherWriters.stamp();
    if (stamp !== this.cacheStamp || this.cache.size >= MAX_CACHED) {
      this.cache.clear();
      this.cacheStamp = stamp;
    }
    const cacheKey = `${scope}\u0000${key}`;
    let allow = this.cache.get(cacheKey);
    if (allow === undefined) {
      allow = this.selectAllow.get(scope, key)?.allow ?? 'any';
      this.cache.set(cacheKey, allow);
    }
    return allow;
  }

  /** Sets a policy (`any` removes the row); the change and its audit entry commit together. */
  set(target: PolicyTarget, allow: DataPolicy, actor: string): PolicyDto {
    const { scope, key } = scopeOf(target);
    if (scope === 'candidate') {
      const exists = this.store.sqlite.prepare('SELECT 1 FROM candidates WHERE id = ?').get(key);
      if (!exists) throw new AppError('not_found', `No candidate with id "${key}".`);
    }
    const now = this.clock.now();
    this.cache.clear();
    immediate(this.store.sqlite, () => {
      const before = this.get(target);
      if (allow === 'any')
        this.store.sqlite.prepare('DELETE FROM data_policies WHERE scope = ? AND target = ?').run(scope, key);
      else
        this.store.sqlite
          .prepare(
            `INSERT INTO data_policies (scope, target, allow, updated_at) VALUES (?, ?, ?, ?)
             ON CONFLICT (scope, target) DO UPDATE SET allow = excluded.allow, updated_at = excluded.updated_at`,
          )
          .run(scope, key, allow, now);
      this.audit.append({
        actor,
        action: 'policy.set',
        target: `${scope}:${key}`,
        before: { allow: before },
        after: { allow },
      });
    });
    this.cache.clear();
    return { scope, target: key, allow, updatedAt: now };
  }

  /** The stricter of the task's and the candidate's policy. */
  effective(task: string, candidateId: string | null): EffectivePolicy {
    const taskPolicy = this.read('task', task);
    const candidatePolicy = candidateId ? this.read('candidate', candidateId) : 'any';
    const allow = stricter(taskPolicy, candidatePolicy);
    const from: string[] = [];
    if (taskPolicy === allow && allow !== 'any') from.push(`task ${task}`);
    if (candidatePolicy === allow && allow !== 'any') from.push(`candidate ${candidateId ?? ''}`);
    return { allow, from };
  }
}
