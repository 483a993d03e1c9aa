import { ProviderError } from '../providers/errors';
import type { LlmResult } from '../providers/types';
import type { RoutedRequest } from './routed-request';
import { StreamScrubber, type TextScrubber } from './scrub';
import { StreamRestorer } from './compliance/pii-masker';

/** Sends the current candidate its request: streamed to the caller when the caller listens, else in one piece. */
export function callProvider(run: RoutedRequest, scrub: TextScrubber): Promise<LlmResult> {
  const { input, provider, request } = run;
  const onStream = input.onStream;
  return onStream ? streamed(run, scrub, onStream) : provider.generate(request, input.signal);
}

async function streamed(
  run: RoutedRequest,
  scrub: TextScrubber,
  onStream: NonNullable<RoutedRequest['input']['onStream']>,
): Promise<LlmResult> {
  const { input, provider, request } = run;
  let done: LlmResult | null = null;
  // A key split across chunks is caught: the scrubber holds back an end that could be the start of a key.
  const scrubbed = new StreamScrubber(scrub, (text) => onStream({ type: 'text', text }));
  // A placeholder split across chunks is completed before it is restored (and then scrubbed).
  const out =
    run.masked && run.piiMasker
      ? new StreamRestorer(run.piiMasker, (text) => scrubbed.push(text), request.jsonSchema !== undefined)
      : scrubbed;
  for await (const event of provider.stream(request, input.signal)) {
    if (event.type === 'text') {
      run.ttftMs ??= performance.now() - run.startedAt;
      run.streamed = true;
      out.push(event.text);
    } else done = event.result;
  }
  out.end();
  if (out !== scrubbed) scrubbed.end();
  if (!done)
    throw new ProviderError({
      errorClass: 'unavailable',
      providerKind: run.row.kind,
      message: `${run.row.name} ended the stream without finishing.`,
    });
  return done;
}
