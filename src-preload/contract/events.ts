import { z } from 'zod';

/** Events main pushes to the renderer (streamed drafts, batch progress). */
export const events = {
  'app:ping': z.object({ at: z.number() }),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(events, name);
}
