import { Command, Option } from 'commander';
import { ROUTING_STRATEGIES, TASKS, type RoutingStrategy, type RoutingTaskDto, type Task } from '@contract';
import type { CliContext } from '../context';
import { formatTable, writeJson, writeLine } from '../io';

const num = (value: number | null, digits: number): string => (value === null ? '-' : value.toFixed(digits));

function orderTable(tasks: RoutingTaskDto[]): string {
  return formatTable([
    ['TASK', 'STRATEGY', '#', 'PROVIDER', 'SCORE', 'SAMPLES', 'SUCCESS', 'P50 MS', 'EST. COST USD'],
    ...tasks.flatMap((t) =>
      t.order.length === 0
        ? [[t.task, t.strategy, '-', '(no provider)', '', '', '', '', '']]
        : t.order.map((c, i) => [
            i === 0 ? t.task : '',
            i === 0 ? t.strategy : '',
            String(i + 1),
            c.providerName,
            num(c.score, 3),
            t.strategy === 'priority' ? '-' : String(c.samples),
            c.successRate === null ? '-' : `${Math.round(c.successRate * 100)}%`,
            num(c.p50LatencyMs, 0),
            num(c.expectedCostUsd, 6),
          ]),
    ),
  ]);
}

export function routingCommand(ctx: () => CliContext): Command {
  const cmd = new Command('routing').description("each task's routing strategy and the provider order it gives");
  cmd
    .command('list')
    .description(
      'strategy per task and the order the next call would use, with scores (a dash: keeps its priority position)',
    )
    .action(async () => {
      const c = ctx();
      const tasks = await c.call('routing:list', {});
      if (c.json) return writeJson(c.io, tasks);
      writeLine(c.io.stdout, orderTable(tasks));
    });
  cmd
    .command('set')
    .description('set the routing strategy of a task (admin; audited)')
    .addOption(new Option('--task <task>', 'task').choices(TASKS).makeOptionMandatory())
    .addOption(new Option('--strategy <name>', 'strategy').choices(ROUTING_STRATEGIES).makeOptionMandatory())
    .action(async (flags: { task: Task; strategy: RoutingStrategy }) => {
      const c = ctx();
      const task = await c.call('routing:set', { task: flags.task, strategy: flags.strategy });
      if (c.json) return writeJson(c.io, task);
      writeLine(c.io.stdout, `${task.task}: strategy ${task.strategy} saved.`);
      writeLine(c.io.stdout, orderTable([task]));
    });
  return cmd;
}
