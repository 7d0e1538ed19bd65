// Main → renderer events, transport-agnostic: core emits, Electron main forwards to its windows,
// the preview streams them to the page, the CLI may listen. Payloads are parsed with the contract's
// schema on the way out, like handler results.
import type { EventName, EventPayload } from '../../../shared/ipc/contract';
import { events } from '../../../shared/ipc/contract';

export type EventListener = (name: EventName, payload: unknown) => void;

export class EventBus {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const parsed = events[name].parse(payload);
    for (const listener of this.listeners) listener(name, parsed);
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
