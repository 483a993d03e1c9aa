import type { DataPolicy, PolicyDto, PolicyTarget } from '@contract';
import type { Clock } from '../../clock';
import { immediate, type DatabaseHandle } from '../../db/client';
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

/** Per-task and per-candidate data policies in SQLite (table data_policies); no row means `any`. */
export class DataPolicies {
  constructor(
    private readonly store: DatabaseHandle,
    private readonly clock: Clock,
    private readonly audit: PolicyAudit,
  ) {}

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
    const row = this.store.sqlite
      .prepare('SELECT allow FROM data_policies WHERE scope = ? AND target = ?')
      .get(scope, key) as { allow: DataPolicy } | undefined;
    return row?.allow ?? 'any';
  }

  /** Sets a policy (`any` removes the row); the change and its audit entry commit together. */
  set(target: PolicyTarget, allow: DataPolicy, actor: string): PolicyDto {
    const { scope, key } = scopeOf(target);
    if (scope === 'candidate') {
      const exists = this.store.sqlite.prepare('SELECT 1 FROM candidates WHERE id = ?').get(key);
      if (!exists) throw new AppError('not_found', `No candidate with id "${key}".`);
    }
    const now = this.clock.now();
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
