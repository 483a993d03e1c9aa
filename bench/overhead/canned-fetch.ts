import { BENCH_MODEL } from './request';

/** The provider's answer every canned call gets: a complete OpenAI chat completion with usage. */
const CANNED_BODY = JSON.stringify({
  id: 'chatcmpl-canned',
  object: 'chat.completion',
  created: 1_764_000_000,
  model: BENCH_MODEL,
  choices: [
    {
      index: 0,
      message: { role: 'assistant', content: 'Senior TypeScript Engineer; Acme GmbH; Berlin (hybrid)', refusal: null },
      finish_reason: 'stop',
      logprobs: null,
    },
  ],
  usage: { prompt_tokens: 31, completion_tokens: 14, total_tokens: 45 },
});

/**
 * A `fetch` that answers every request at once with the same completion: no socket, no other process, so a
 * call's CPU time is the SDK's and the pipeline's alone. Its own cost (a Response per call) is on both sides.
 */
export const cannedFetch: typeof fetch = (_input, init) => {
  if (init?.signal?.aborted) return Promise.reject(init.signal.reason);
  return Promise.resolve(
    new Response(CANNED_BODY, {
      status: 200,
      headers: { 'content-type': 'application/json', 'x-request-id': 'req_canned' },
    }),
  );
};

/**
 * Runs `fn` with `globalThis.fetch` replaced by the canned one. The SDK clients take the global `fetch`
 * when they are built, so they must be built inside `fn`.
 */
export async function withCannedFetch<T>(fn: () => Promise<T>): Promise<T> {
  const real = globalThis.fetch;
  globalThis.fetch = cannedFetch;
  try {
    return await fn();
  } finally {
    globalThis.fetch = real;
  }
}
