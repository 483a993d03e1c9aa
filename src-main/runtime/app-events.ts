import type { EventName, EventPayload } from '@contract';

export type AppEventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** Events for every open window, not tied to one call (a queued task landed): each host forwards them. */
export class AppEvents {
  private readonly listeners = new Set<AppEventListener>();

  subscribe(listener: AppEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) listener(event, payload);
  }
}
