import { TASKS, type RoutingTaskDto, type Task } from '@contract';
import { actorOf } from '../admin/admin-service';
import type { DomainChannel, FeatureHandlers } from '../ipc/handlers';
import type { ProviderConfigRow } from '../providers/config-service';
import type { RouteOrder } from '../routing/strategy/route-order';
import type { RoutingStrategies } from '../routing/strategy/strategy-store';

export interface RoutingHandlerDeps {
  strategies: RoutingStrategies;
  order: RouteOrder;
  candidates: (task: Task) => ProviderConfigRow[];
  /** Commits queued usage events first, so the order shown agrees with the ledger. */
  commitUsage: () => void;
}

/** `routing:*`: each task's strategy and the order it gives now. */
export function routingHandlers(deps: RoutingHandlerDeps): FeatureHandlers<DomainChannel<'routing'>> {
  const view = (task: Task): RoutingTaskDto => {
    const { reason } = deps.order.preview(task, deps.candidates(task));
    return { task, strategy: reason.strategy, order: reason.candidates };
  };
  return {
    'routing:list': () => {
      deps.commitUsage();
      return TASKS.map(view);
    },
    'routing:set': ({ task, strategy }, ctx) => {
      deps.strategies.set(task, strategy, actorOf(ctx.session));
      deps.commitUsage();
      return view(task);
    },
  };
}
