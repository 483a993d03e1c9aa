import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../../src-main/providers/errors';
import { jsonInstruction, requireJsonObject, wireSchemaName } from '../../../src-main/providers/json-output';

describe('requireJsonObject', () => {
  it('returns the text of a JSON object', () => {
    expect(requireJsonObject(' {"a":1} ', 'openai')).toBe('{"a":1}');
  });

  it('unwraps a Markdown fence', () => {
    expect(requireJsonObject('```json\n{"a":1}\n```', 'openai-compatible')).toBe('{"a":1}');
  });

  it.each(['not json', '[1,2]', '"text"', '{"a":'])('rejects %j as invalid_output', (text) => {
    let caught: unknown;
    try {
      requireJsonObject(text, 'openai-compatible');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ProviderError);
    expect((caught as ProviderError).errorClass).toBe('invalid_output');
    expect((caught as ProviderError).message).toMatch(/^The answer from the OpenAI-compatible server/u);
  });
});

describe('wireSchemaName and jsonInstruction', () => {
  it('makes names vendors accept', () => {
    expect(wireSchemaName('candidate profile (v2)')).toBe('candidate_profile__v2_');
    expect(wireSchemaName('')).toBe('output');
    expect(wireSchemaName('x'.repeat(100))).toHaveLength(64);
  });

  it('puts the schema into the instruction', () => {
    expect(jsonInstruction({ type: 'object' })).toContain('{"type":"object"}');
  });
});
