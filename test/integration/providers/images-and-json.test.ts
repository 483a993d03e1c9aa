import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ProviderKind } from '@contract';
import { startEmulator, type Emulator, type RecordedRequest } from '../../emulator';
import {
  chatRequests,
  collect,
  expectProviderError,
  KEYS,
  KINDS,
  makeProvider,
  PNG_BASE64,
  requestWithParts,
  textRequest,
} from './helpers';

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({ validKeys: Object.values(KEYS) });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

const candidateSchema = z.object({
  name: z.string(),
  skills: z.array(z.string()),
  yearsOfExperience: z.number().int(),
  openToRemote: z.boolean().nullable(),
});
/** zod's JSON Schema carries `$schema` and `additionalProperties: false`, which Gemini's subset must drop. */
const jsonSchema = { name: 'candidate profile', schema: z.toJSONSchema(candidateSchema) as Record<string, unknown> };
const candidate = {
  name: 'Ada Lovelace',
  skills: ['analysis', 'mathematics'],
  yearsOfExperience: 12,
  openToRemote: true,
};

/** Where each vendor's wire format puts the image part of the first user message. */
const IMAGE_PART: Record<ProviderKind, unknown> = {
  openai: { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG_BASE64}` } },
  'openai-compatible': { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG_BASE64}` } },
  anthropic: { type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG_BASE64 } },
  gemini: { inlineData: { mimeType: 'image/png', data: PNG_BASE64 } },
};

function firstUserParts(kind: ProviderKind, request: RecordedRequest): unknown {
  const body = request.body as { messages?: { content: unknown }[]; contents?: { parts: unknown }[] };
  return kind === 'gemini' ? body.contents?.[0]?.parts : body.messages?.find((m) => Array.isArray(m.content))?.content;
}

describe.each(KINDS)('%s adapter: images and JSON output', (kind) => {
  it('sends an image in the vendor wire shape', async () => {
    const request = requestWithParts([
      { type: 'text', text: 'What does this scanned CV say?' },
      { type: 'image', mediaType: 'image/png', data: PNG_BASE64 },
    ]);
    await makeProvider(kind, emulator).generate(request);

    const parts = firstUserParts(kind, chatRequests(emulator)[0]!);
    expect(parts).toEqual([expect.objectContaining({}), IMAGE_PART[kind]]);
  });

  it('returns JSON that validates against the zod schema', async () => {
    emulator.pushReplies(JSON.stringify(candidate));
    const result = await makeProvider(kind, emulator).generate(textRequest('Extract the candidate', { jsonSchema }));
    expect(candidateSchema.parse(JSON.parse(result.text))).toEqual(candidate);
  });

  it('streams JSON whose deltas join to a valid object', async () => {
    emulator.pushReplies(JSON.stringify(candidate));
    const { deltas, result } = await collect(
      makeProvider(kind, emulator).stream(textRequest('Extract the candidate', { jsonSchema })),
    );
    expect(deltas.length).toBeGreaterThan(1);
    expect(candidateSchema.parse(JSON.parse(deltas.join('')))).toEqual(candidate);
    expect(JSON.parse(result.text)).toEqual(candidate);
  });

  it('gives a schema-shaped default answer when nothing is scripted', async () => {
    const result = await makeProvider(kind, emulator).generate(textRequest('Extract the candidate', { jsonSchema }));
    expect(() => candidateSchema.parse(JSON.parse(result.text))).not.toThrow();
  });

  it('fails with invalid_output when the model answers prose instead of JSON', async () => {
    emulator.pushReplies('Sure! Here is the candidate: Ada.', 'Sure! Here is the candidate: Ada.');
    const provider = makeProvider(kind, emulator);
    await expectProviderError(provider.generate(textRequest('Extract', { jsonSchema })), 'invalid_output');
    await expectProviderError(collect(provider.stream(textRequest('Extract', { jsonSchema }))), 'invalid_output');
  });
});

describe('JSON request shape per vendor', () => {
  it('OpenAI asks for strict json_schema structured output', async () => {
    await makeProvider('openai', emulator).generate(textRequest('x', { jsonSchema }));
    expect(chatRequests(emulator)[0]!.body).toMatchObject({
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'candidate_profile', schema: jsonSchema.schema, strict: true },
      },
    });
  });

  it('OpenAI-compatible falls back to json_object with the schema in the system prompt', async () => {
    await makeProvider('openai-compatible', emulator).generate(
      textRequest('x', { jsonSchema, system: 'Extract facts.' }),
    );
    const body = chatRequests(emulator)[0]!.body as {
      response_format: unknown;
      messages: { role: string; content: string }[];
    };
    expect(body.response_format).toEqual({ type: 'json_object' });
    expect(body.messages[0]!.role).toBe('system');
    expect(body.messages[0]!.content).toContain('Extract facts.');
    expect(body.messages[0]!.content).toContain(JSON.stringify(jsonSchema.schema));
  });

  it('OpenAI-compatible accepts JSON wrapped in a Markdown fence', async () => {
    emulator.pushReplies(`\`\`\`json\n${JSON.stringify(candidate)}\n\`\`\``);
    const result = await makeProvider('openai-compatible', emulator).generate(textRequest('x', { jsonSchema }));
    expect(JSON.parse(result.text)).toEqual(candidate);
  });

  it('Anthropic forces a tool call whose input_schema is the schema', async () => {
    await makeProvider('anthropic', emulator).generate(textRequest('x', { jsonSchema }));
    expect(chatRequests(emulator)[0]!.body).toMatchObject({
      tools: [{ name: 'candidate_profile', input_schema: { ...jsonSchema.schema, type: 'object' } }],
      tool_choice: { type: 'tool', name: 'candidate_profile' },
    });
  });

  it('Gemini sends responseMimeType and a responseSchema in its OpenAPI subset', async () => {
    await makeProvider('gemini', emulator).generate(textRequest('x', { jsonSchema }));
    const body = chatRequests(emulator)[0]!.body as {
      generationConfig: { responseMimeType: string; responseSchema: unknown };
    };
    expect(body.generationConfig.responseMimeType).toBe('application/json');
    expect(body.generationConfig.responseSchema).toEqual({
      type: 'object',
      properties: {
        name: { type: 'string' },
        skills: { type: 'array', items: { type: 'string' } },
        yearsOfExperience: { type: 'integer' },
        openToRemote: { type: 'boolean', nullable: true },
      },
      required: ['name', 'skills', 'yearsOfExperience', 'openToRemote'],
    });
  });
});
