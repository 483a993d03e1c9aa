import OpenAI from 'openai';
import { BENCH_MODEL, BENCH_PROMPT, MAX_OUTPUT_TOKENS } from './request';

/** (a) The baseline: one reused `openai` client, no retries, the same request bytes the pipeline sends. */
export function directCaller(emulatorUrl: string, opts: { cancellable?: boolean } = {}): () => Promise<void> {
  const client = new OpenAI({
    apiKey: 'not-needed',
    baseURL: `${emulatorUrl}/v1`,
    organization: null,
    project: null,
    maxRetries: 0,
    timeout: 30_000,
    logLevel: 'off',
  });
  return async () => {
    const completion = await client.chat.completions.create(
      {
        model: BENCH_MODEL,
        messages: [{ role: 'user', content: [{ type: 'text', text: BENCH_PROMPT }] }],
        max_tokens: MAX_OUTPUT_TOKENS,
      },
      opts.cancellable ? { signal: new AbortController().signal } : undefined,
    );
    if (!completion.choices[0]) throw new Error('the emulator answered without a choice');
  };
}
