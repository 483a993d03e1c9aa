import { Command } from 'commander';
import type { CliContext } from '../context';
import { formatTable, writeJson, writeLine } from '../io';

function usdFlag(value: string | undefined, flag: string, c: CliContext): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) c.fail(`${flag} must be a number of USD per million tokens`, 2);
  return n;
}

export function pricesCommand(ctx: () => CliContext): Command {
  const cmd = new Command('prices').description('the price table (USD per million tokens)');
  cmd
    .command('list')
    .description('current prices per model')
    .action(async () => {
      const c = ctx();
      const prices = await c.call('prices:list', {});
      if (c.json) return writeJson(c.io, prices);
      writeLine(
        c.io.stdout,
        formatTable([
          ['MODEL', 'INPUT', 'OUTPUT', 'CACHED', 'VERSION', 'SINCE', 'BY'],
          ...prices.map((p) => [
            p.model,
            String(p.inputUsdPerMTok),
            String(p.outputUsdPerMTok),
            p.cachedInputUsdPerMTok === null ? '-' : String(p.cachedInputUsdPerMTok),
            String(p.version),
            p.effectiveDate,
            p.createdBy,
          ]),
        ]),
      );
    });
  cmd
    .command('set')
    .description('set a model price (admin; adds a new version)')
    .requiredOption('--model <model>', 'model id')
    .requiredOption('--input <usd>', 'USD per million input tokens')
    .requiredOption('--output <usd>', 'USD per million output tokens')
    .option('--cached-input <usd>', 'USD per million cached input tokens')
    .action(async (flags: { model: string; input: string; output: string; cachedInput?: string }) => {
      const c = ctx();
      const price = await c.call('prices:set', {
        model: flags.model,
        inputUsdPerMTok: usdFlag(flags.input, '--input', c) ?? 0,
        outputUsdPerMTok: usdFlag(flags.output, '--output', c) ?? 0,
        cachedInputUsdPerMTok: usdFlag(flags.cachedInput, '--cached-input', c) ?? null,
      });
      if (c.json) return writeJson(c.io, price);
      writeLine(c.io.stdout, `${price.model}: version ${price.version} saved.`);
    });
  return cmd;
}
