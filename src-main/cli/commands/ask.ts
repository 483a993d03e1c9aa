import { Command, Option } from 'commander';
import { TASKS, type Task } from '@contract';
import type { CliContext } from '../context';
import { writeJson, writeLine } from '../io';

export function askCommand(ctx: () => CliContext): Command {
  return new Command('ask')
    .description('a diagnostic call through the router: who answers this task right now (admin)')
    .addOption(new Option('--task <task>', 'task to route').choices(TASKS).makeOptionMandatory())
    .option('--stream', 'print the answer as it arrives')
    .option('--provider <name>', 'only this provider')
    .argument('<prompt...>', 'the prompt')
    .action(async (words: string[], flags: { task: Task; stream?: boolean; provider?: string }) => {
      const c = ctx();
      const streaming = flags.stream === true && !c.json;
      const answer = await c.callAs(
        c.session(await c.adminToken()),
        'ask:run',
        {
          task: flags.task,
          prompt: words.join(' '),
          stream: streaming,
          ...(flags.provider ? { provider: flags.provider } : {}),
        },
        streaming
          ? (event, payload) => {
              if (event !== 'stream:chunk') return;
              const chunk = payload as { type: string; text: string; providerName?: string };
              if (chunk.type === 'text') c.io.stdout.write(chunk.text);
              else c.io.stderr.write(`\n[${chunk.providerName ?? 'another provider'} takes over]\n`);
            }
          : undefined,
      );
      if (c.json)
        return writeJson(c.io, {
          text: answer.text,
          providerName: answer.providerName,
          attempts: answer.attempts,
          usage: answer.usage,
          costUsd: answer.costUsd,
          requestId: answer.requestId,
          routeReason: answer.routeReason,
        });
      if (streaming) writeLine(c.io.stdout);
      else writeLine(c.io.stdout, answer.text);
      const failed = answer.attempts.filter((a) => a.outcome !== 'ok');
      writeLine(
        c.io.stderr,
        `— ${answer.providerName} (${answer.model}), ${answer.usage.inputTokens}+${answer.usage.outputTokens} tokens` +
          `${answer.usage.estimated ? ' (estimated)' : ''}, ${answer.costUsd === null ? 'unpriced' : `$${answer.costUsd.toFixed(6)}`}` +
          (failed.length
            ? `; before it: ${failed.map((a) => `${a.providerName} ${a.reason ?? a.outcome}`).join(', ')}`
            : ''),
      );
    });
}

export function metricsCommand(ctx: () => CliContext): Command {
  return new Command('metrics')
    .description('print the Prometheus metrics: the usage ledger’s totals, the same in every process (admin)')
    .action(async () => {
      const c = ctx();
      const { text } = await c.call('metrics:text', {});
      if (c.json) return writeJson(c.io, { text });
      c.io.stdout.write(text);
    });
}

export function outboxCommand(ctx: () => CliContext): Command {
  const cmd = new Command('queue').description(
    'drafting tasks waiting in the outbox (every provider offline, or a limit that queues until it resets)',
  );
  cmd
    .command('list')
    .description('queued tasks: id, task, status, tries, next try, what it is for, last error')
    .action(async () => {
      const c = ctx();
      const items = await c.call('outbox:list', {});
      if (c.json) return writeJson(c.io, items);
      if (!items.length) return writeLine(c.io.stdout, 'Nothing is waiting.');
      for (const i of items)
        writeLine(
          c.io.stdout,
          [
            i.id,
            i.task,
            i.status,
            `tries ${i.attempts}`,
            `next ${new Date(i.nextAttemptAt).toISOString()}`,
            i.label ?? '',
            i.lastError ?? '',
          ]
            .join('  ')
            .trimEnd(),
        );
    });
  cmd
    .command('cancel <id>')
    .description('cancel a queued task')
    .action(async (id: string) => {
      const c = ctx();
      const { cancelled } = await c.call('outbox:cancel', { id });
      if (c.json) return writeJson(c.io, { cancelled });
      if (!cancelled) c.fail(`no queued task ${id}`);
      writeLine(c.io.stdout, 'Cancelled.');
    });
  cmd
    .command('run')
    .description(
      'try every queued task now; each result lands where it was asked for (one over its budget waits for the reset)',
    )
    .action(async () => {
      const c = ctx();
      const { done } = await c.call('outbox:run', {});
      const left = (await c.call('outbox:list', {})).length;
      if (c.json) return writeJson(c.io, { done, waiting: left });
      writeLine(c.io.stdout, `${done} task(s) completed; ${left} still waiting.`);
    });
  return cmd;
}
