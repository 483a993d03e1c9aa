import { randomUUID } from 'node:crypto';
import type { DomainChannel, FeatureHandlers } from '../ipc/handlers';
import type { Router } from '../routing/router';

/** `ask:run`: one prompt through the router, optionally streamed as `stream:chunk` events. */
export function askHandlers({ router }: { router: Router }): FeatureHandlers<DomainChannel<'ask'>> {
  return {
    'ask:run': async ({ task, prompt, stream, provider }, ctx) => {
      const streamId = randomUUID();
      const answer = await router.route({
        task,
        userId: ctx.session.userId,
        request: { messages: [{ role: 'user', content: [{ type: 'text', text: prompt }] }] },
        ...(provider ? { providerName: provider } : {}),
        ...(ctx.signal ? { signal: ctx.signal } : {}),
        ...(stream
          ? {
              onStream: (e) =>
                ctx.emit('stream:chunk', {
                  streamId,
                  type: e.type,
                  text: e.type === 'text' ? e.text : '',
                  ...(e.type === 'reset' ? { providerName: e.providerName } : {}),
                }),
            }
          : {}),
      });
      return {
        requestId: answer.requestId,
        text: answer.text,
        providerName: answer.providerName,
        model: answer.model,
        attempts: answer.attempts,
        usage: answer.usage,
        costUsd: answer.costUsd,
        routeReason: answer.routeReason,
      };
    },
  };
}
