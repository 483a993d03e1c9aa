import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { channels, events } from '@contract';
import {
  SYSTEM_GUIDE,
  channelTable,
  eventTable,
  replaceBlock,
  withGeneratedTables,
} from '../../../scripts/channel-table';

describe('the channel and event tables of docs/system-guide.md', () => {
  it('are what scripts/channel-table.ts generates from the contract', () => {
    const doc = readFileSync(SYSTEM_GUIDE, 'utf8');
    expect(
      doc,
      'docs/system-guide.md is out of date with the IPC contract: run `npm run docs:channels` and commit the result.',
    ).toBe(withGeneratedTables(doc));
  });

  it('list every channel with its role and every event', () => {
    const table = channelTable();
    for (const [name, spec] of Object.entries(channels))
      expect(table).toContain(`| \`${name}\` | ${spec.role} | ${spec.summary.replace(/\|/gu, '\\|')} |`);
    expect(table.split('\n')).toHaveLength(Object.keys(channels).length + 2);
    for (const name of Object.keys(events)) expect(eventTable()).toContain(`| \`${name}\` |`);
  });

  it('replace only what is between the markers, and refuse a document without them', () => {
    const doc = 'before\n<!-- channels:begin -->\nold\n<!-- channels:end -->\nafter\n';
    expect(replaceBlock(doc, 'channels', 'new')).toBe(
      'before\n<!-- channels:begin -->\nnew\n<!-- channels:end -->\nafter\n',
    );
    expect(() => replaceBlock('no markers', 'channels', 'new')).toThrow(/channels:begin/u);
  });
});
