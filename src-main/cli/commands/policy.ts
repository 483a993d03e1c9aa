import { Command, Option } from 'commander';
import { DATA_POLICIES, TASKS, type DataPolicy, type Task } from '@contract';
import type { CliContext } from '../context';
import { formatTable, writeJson, writeLine } from '../io';

const ALLOW_TEXT: Record<DataPolicy, string> = {
  local: 'local providers only',
  eu: 'EU and local providers',
  any: 'providers in any region',
};

/** `aditus policy`: which provider regions a task or a candidate's data may go to. */
export function policyCommand(ctx: () => CliContext): Command {
  const cmd = new Command('policy').description('data policies: which provider regions a task or a candidate may use');

  cmd
    .command('list')
    .description('policies set per task and per candidate (anything not listed may use any region)')
    .action(async () => {
      const c = ctx();
      const list = await c.call('policies:list', {});
      if (c.json) return writeJson(c.io, list);
      if (list.length === 0) return writeLine(c.io.stdout, 'No policies: every task may use providers in any region.');
      writeLine(
        c.io.stdout,
        formatTable([['SCOPE', 'TARGET', 'ALLOW'], ...list.map((p) => [p.scope, p.target, p.allow])]),
      );
    });

  cmd
    .command('set')
    .description('set the policy of a task (admin) or of a candidate: local, eu (EU and local) or any')
    .addOption(new Option('--task <task>', 'the task').choices(TASKS))
    .option('--candidate <id>', 'the candidate id (aditus candidates list)')
    .addOption(new Option('--allow <policy>', 'regions allowed').choices(DATA_POLICIES).makeOptionMandatory())
    .action(async (flags: { task?: string; candidate?: string; allow: string }) => {
      const c = ctx();
      if (Boolean(flags.task) === Boolean(flags.candidate)) return c.fail('give one of --task or --candidate', 2);
      const allow = flags.allow as DataPolicy;
      const set = flags.task
        ? await c.call('policies:set-task', { task: flags.task as Task, allow })
        : await c.call('policies:set-candidate', { candidateId: flags.candidate ?? '', allow });
      if (c.json) return writeJson(c.io, set);
      writeLine(c.io.stdout, `${set.scope === 'task' ? 'Task' : 'Candidate'} ${set.target}: ${ALLOW_TEXT[set.allow]}.`);
    });

  return cmd;
}
