import { z } from 'zod';

/** Events main pushes to the renderer (streamed drafts, batch progress). */
export const events = {
  /** Text of a streamed answer; `reset` when a failed partial answer is replaced by another provider's. */
  'stream:chunk': z.object({
    streamId: z.string(),
    type: z.enum(['text', 'reset']),
    text: z.string(),
    providerName: z.string().optional(),
  }),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(events, name);
}
