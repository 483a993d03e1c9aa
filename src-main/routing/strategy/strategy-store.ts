import type { Statement } from 'better-sqlite3';
import { routingStrategySchema, type RoutingStrategy, type Task } from '@contract';
import type { AuditLog } from '../../audit/audit-log';
import type { Clock } from '../../clock';
import { immediate, type DatabaseHandle } from '../../db/client';
import { OtherWriters } from '../../db/other-writers';

/** Each task's routing strategy (table routing_strategies); a task without a row routes by `priority`. */
export class RoutingStrategies {
  private readonly select: Statement<[string], { strategy: string }>;
  private readonly otherWriters: OtherWriters;
  /** Each task's strategy as last read; cleared by `set` and when another process writes to the database. */
  private cache = new Map<Task, RoutingStrategy>();
  private cacheStamp = -1;

  constructor(
    private readonly store: DatabaseHandle,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {
    this.select = store.sqlite.prepare('SELECT strategy FROM routing_strategies WHERE task = ?');
    this.otherWriters = OtherWriters.of(store);
  }

  /** Read on every routed call: cached, and read again once another process (the CLI) may have changed it. */
  get(task: Task): RoutingStrategy {
    const stamp = this.otherWriters.stamp();
    if (stamp !== this.cacheStamp) {
      this.cache.clear();
      this.cacheStamp = stamp;
    }
    let strategy = this.cache.get(task);
    if (strategy === undefined) {
      strategy = this.read(task);
      this.cache.set(task, strategy);
    }
    return strategy;
  }

  private read(task: Task): RoutingStrategy {
    const parsed = routingStrategySchema.safeParse(this.select.get(task)?.strategy);
    return parsed.success ? parsed.data : 'priority';
  }

  set(task: Task, strategy: RoutingStrategy, actor: string): void {
    const before = this.read(task);
    this.cache.clear();
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
