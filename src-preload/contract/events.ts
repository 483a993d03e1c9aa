import { z } from 'zod';
import { queueSettledEventSchema } from './dto/queue';
import { providerHealthEventSchema } from './dto/health';
import { batchItemEventSchema } from './dto/batch';

/** Events main pushes to the renderer (streamed drafts, batch progress). */
export const events = {
  /** Text of a streamed answer; `reset` when a failed partial answer is replaced by another provider's. */
  'stream:chunk': z.object({
    streamId: z.string(),
    type: z.enum(['text', 'reset']),
    text: z.string(),
    providerName: z.string().optional(),
  }),
  /** A queued task ran and its result landed, or it failed for good (sent to every window). */
  'queue:settled': queueSettledEventSchema,
  /** A provider's health state changed (healthy, degraded, down), sent to every window once per change. */
  'provider:health': providerHealthEventSchema,
  /** A batch item started or ended (`drafts:batch-run`). */
  'batch:item': batchItemEventSchema,
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(events, name);
}
