import { z } from 'zod';
import { describe, expect, it, vi } from 'vitest';
import { channels, isChannel } from '@contract';
import { channel, lazyChannels } from '../../../src-preload/contract/define';

describe('channel specs are built on first read', () => {
  it('listing and checking names builds none; reading one builds it once', () => {
    const built: string[] = [];
    const spec = (name: string) =>
      channel(() => {
        built.push(name);
        return { input: z.object({}).strict(), output: z.number(), role: 'recruiter', summary: name };
      });
    const map = lazyChannels({ 'a:one': spec('a:one'), 'b:two': spec('b:two') });
    expect(Object.keys(map)).toEqual(['a:one', 'b:two']);
    expect(Object.prototype.hasOwnProperty.call(map, 'b:two')).toBe(true);
    expect(built).toEqual([]);
    expect(map['b:two'].summary).toBe('b:two');
    expect(map['b:two']).toBe(map['b:two']);
    expect(built).toEqual(['b:two']);
    expect(map['b:two'].input.safeParse({ extra: 1 }).success).toBe(false);
  });

  it('the contract still validates: every channel has its schemas, role and summary', () => {
    expect(isChannel('usage:stats')).toBe(true);
    expect(isChannel('toString')).toBe(false);
    for (const [name, spec] of Object.entries(channels)) {
      expect(spec.summary, name).not.toBe('');
      expect(['recruiter', 'admin']).toContain(spec.role);
      expect(typeof spec.input.safeParse).toBe('function');
      expect(typeof spec.output.parse).toBe('function');
    }
    expect(channels['usage:events'].input.safeParse({ limit: 0 }).success).toBe(false);
  });

  it('calling usage:stats builds its own schemas and none of the drafting, backup, admin or provider schemas', async () => {
    vi.resetModules();
    const contract = await import('@contract');
    // zod keeps a z.lazy's built schema on its def; undefined until something parses with it or reads it.
    const built = (schema: z.ZodType) => (schema.def as { _cachedInner?: unknown })._cachedInner !== undefined;
    const notNeeded = {
      candidateDtoSchema: contract.candidateDtoSchema,
      candidateProfileSchema: contract.candidateProfileSchema,
      resumeSchema: contract.resumeSchema,
      documentDtoSchema: contract.documentDtoSchema,
      generateOutputSchema: contract.generateOutputSchema,
      validationReportSchema: contract.validationReportSchema,
      backupReportSchema: contract.backupReportSchema,
      batchRunOutputSchema: contract.batchRunOutputSchema,
      auditRowSchema: contract.auditRowSchema,
      providerConfigDtoSchema: contract.providerConfigDtoSchema,
      transferPlanSchema: contract.transferPlanSchema,
      dashboardOutputSchema: contract.dashboardOutputSchema,
    };
    const spec = contract.channels['usage:stats'];
    expect(spec.input.safeParse({ by: 'nope' }).success).toBe(false);
    expect(spec.output.safeParse({ from: 0, to: 1 }).success).toBe(false);
    expect(built(contract.statsInputSchema)).toBe(true);
    expect(built(contract.statsOutputSchema)).toBe(true);
    expect(Object.entries(notNeeded).filter(([, schema]) => built(schema))).toEqual([]);
    // The probe sees a schema once it is used.
    expect(contract.candidateDtoSchema.safeParse({}).success).toBe(false);
    expect(built(contract.candidateDtoSchema)).toBe(true);
  });
});
