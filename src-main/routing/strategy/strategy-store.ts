import type { Statement } from 'better-sqlite3';
import { routingStrategySchema, type RoutingStrategy, type Task } from '@contract';
import type { AuditLog } from '../../audit/audit-log';
import type { Clock } from '../../clock';
import { immediate, type DatabaseHandle } from '../../db/client';

/** Each task's routing strategy (table routing_strategies); a task without a row routes by `priority`. */
export class RoutingStrategies {
  private readonly select: Statement<[string], { strategy: string }>;

  constructor(
    private readonly store: DatabaseHandle,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {
    this.select = store.sqlite.prepare('SELECT strategy FROM routing_strategies WHERE task = ?');
  }

  get(task: Task): RoutingStrategy {
    const row = this.select.get(task);
    const parsed = routingStrategySchema.safeParse(row?.strategy);
    // Read each time (a PK lookup): another process (the CLI) may have changed it.
    return parsed.success ? parsed.data : 'priority';
  }

  set(task: Task, strategy: RoutingStrategy, actor: string): void {
    const before = this.get(task);
    immediate(this.store.sqlite, () => {
      this.store.sqlite
        .prepare(
          `INSERT INTO routing_strategies (task, strategy, updated_at, updated_by) VALUES (?, ?, ?, ?)
           ON CONFLICT (task) DO UPDATE SET strategy = excluded.strategy, updated_at = excluded.updated_at,
           updated_by = excluded.updated_by`,
        )
        .run(task, strategy, this.clock.now(), actor);
    });
    this.audit.append({
      actor,
      action: 'routing.set',
      target: task,
      before: { strategy: before },
      after: { strategy },
    });
  }
}
