/**
 * The IPC channel and event tables of docs/system-guide.md, generated from the contract.
 *
 *   npx tsx scripts/channel-table.ts            prints both tables
 *   npx tsx scripts/channel-table.ts --write    replaces them between their markers in docs/system-guide.md
 *   npx tsx scripts/channel-table.ts --check    exits 1 when docs/system-guide.md is out of date
 *
 * `npm run docs:channels` is the `--write` form; test/unit/docs/channel-table.test.ts fails while the guide
 * differs from what this prints. Relative imports, not `@contract`: tsx reads the root tsconfig.json, which
 * has no path aliases (the contract imports only zod and its own files).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { channels } from '../src-preload/contract/channels';
import { events } from '../src-preload/contract/events';

export const SYSTEM_GUIDE = resolve(__dirname, '../docs/system-guide.md');

/** Text that is safe inside one Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\s*\n\s*/gu, ' ').replace(/\|/gu, '\\|');
}

/** channel | role | summary, in the contract's order. */
export function channelTable(): string {
  const rows = Object.entries(channels).map(([name, spec]) => `| \`${name}\` | ${spec.role} | ${cell(spec.summary)} |`);
  return ['| Channel | Role | What it does |', '| --- | --- | --- |', ...rows].join('\n');
}

function describeField(name: string, schema: z.ZodType): string {
  const optional = schema instanceof z.ZodOptional;
  const inner = schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
  const values = inner instanceof z.ZodEnum ? ` (${inner.options.map((v) => `\`${String(v)}\``).join(' or ')})` : '';
  return `\`${name}\`${values}${optional ? ' (optional)' : ''}`;
}

/** event | payload fields, in the contract's order. */
export function eventTable(): string {
  const rows = Object.entries(events).map(([name, schema]) => {
    const shape = (schema as z.ZodType) instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>) : {};
    const fields = Object.entries(shape).map(([field, s]) => describeField(field, s));
    return `| \`${name}\` | ${cell(fields.join(', ') || '—')} |`;
  });
  return ['| Event | Payload |', '| --- | --- |', ...rows].join('\n');
}

/** The generated blocks: each sits between `<!-- NAME:begin -->` and `<!-- NAME:end -->`. */
export const GENERATED_BLOCKS: Record<string, () => string> = { channels: channelTable, events: eventTable };

/** Replaces what is between a block's two markers (the markers stay). */
export function replaceBlock(doc: string, name: string, body: string): string {
  const begin = `<!-- ${name}:begin -->`;
  const end = `<!-- ${name}:end -->`;
  const from = doc.indexOf(begin);
  const to = doc.indexOf(end);
  if (from < 0 || to < from) throw new Error(`The document has no "${begin}" … "${end}" block.`);
  return `${doc.slice(0, from + begin.length)}\n${body}\n${doc.slice(to)}`;
}

/** The document with every generated block brought up to date with the contract. */
export function withGeneratedTables(doc: string): string {
  return Object.entries(GENERATED_BLOCKS).reduce((text, [name, render]) => replaceBlock(text, name, render()), doc);
}

function main(args: readonly string[]): number {
  if (args.includes('--write') || args.includes('--check')) {
    const doc = readFileSync(SYSTEM_GUIDE, 'utf8');
    const updated = withGeneratedTables(doc);
    if (updated === doc) {
      process.stdout.write('docs/system-guide.md: channel and event tables are up to date.\n');
      return 0;
    }
    if (args.includes('--check')) {
      process.stderr.write('docs/system-guide.md is out of date with the IPC contract: run `npm run docs:channels`.\n');
      return 1;
    }
    writeFileSync(SYSTEM_GUIDE, updated);
    process.stdout.write('docs/system-guide.md: channel and event tables updated.\n');
    return 0;
  }
  process.stdout.write(`${channelTable()}\n\n${eventTable()}\n`);
  return 0;
}

if (/channel-table\.ts$/u.test(process.argv[1] ?? '')) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`channel-table: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}
