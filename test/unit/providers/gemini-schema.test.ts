import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toGeminiSchema } from '../../../src-main/providers/gemini-schema';

describe('toGeminiSchema', () => {
  it('drops $schema, additionalProperties and string bounds; keeps types, required and descriptions', () => {
    const schema = z.toJSONSchema(
      z.object({
        name: z.string().min(1).max(80).describe('Full name'),
        email: z.email(),
        skills: z.array(z.string()).max(20),
        seniority: z.enum(['junior', 'mid', 'senior']),
        salary: z.number().optional(),
      }),
    ) as Record<string, unknown>;

    expect(toGeminiSchema(schema)).toEqual({
      type: 'object',
      properties: {
        name: { type: 'string', description: 'Full name' },
        email: { type: 'string' },
        skills: { type: 'array', items: { type: 'string' }, maxItems: 20 },
        seniority: { type: 'string', format: 'enum', enum: ['junior', 'mid', 'senior'] },
        salary: { type: 'number' },
      },
      required: ['name', 'email', 'skills', 'seniority'],
    });
  });

  it('turns null unions into nullable', () => {
    expect(
      toGeminiSchema({
        type: 'object',
        properties: { a: { type: ['string', 'null'] }, b: { anyOf: [{ type: 'integer' }, { type: 'null' }] } },
      }),
    ).toEqual({
      type: 'object',
      properties: { a: { type: 'string', nullable: true }, b: { type: 'integer', nullable: true } },
    });
  });

  it('follows local $ref into $defs', () => {
    const schema = {
      type: 'object',
      properties: { job: { $ref: '#/$defs/job' } },
      $defs: {
        job: {
          type: 'object',
          properties: { title: { type: 'string' } },
          required: ['title'],
          additionalProperties: false,
        },
      },
    };
    expect(toGeminiSchema(schema)).toEqual({
      type: 'object',
      properties: { job: { type: 'object', properties: { title: { type: 'string' } }, required: ['title'] } },
    });
  });

  it('keeps only the formats Gemini knows', () => {
    expect(
      toGeminiSchema({
        type: 'object',
        properties: {
          at: { type: 'string', format: 'date-time' },
          site: { type: 'string', format: 'uri' },
          n: { type: 'integer', format: 'int64' },
        },
      }),
    ).toEqual({
      type: 'object',
      properties: {
        at: { type: 'string', format: 'date-time' },
        site: { type: 'string' },
        n: { type: 'integer', format: 'int64' },
      },
    });
  });

  it('does not loop forever on a recursive schema', () => {
    const schema = {
      $ref: '#/$defs/node',
      $defs: { node: { type: 'object', properties: { child: { $ref: '#/$defs/node' } } } },
    };
    expect(() => toGeminiSchema(schema)).not.toThrow();
  });
});
