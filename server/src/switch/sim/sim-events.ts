import type { SwitchEvent } from '../switch-port.ts';

export type SwitchEventListener = (event: SwitchEvent) => void;

/**
 * Delivers events synchronously, in order, to every listener. An event raised by a listener (say it
 * hangs up a channel) is queued until the current event has reached all listeners, so every listener
 * sees the same order. A throwing listener is counted and skipped, never allowed to break the switch.
 */
export class SimEvents {
  #listeners = new Set<SwitchEventListener>();
  #queue: SwitchEvent[] = [];
  #delivering = false;
  listenerErrors = 0;
  lastListenerError: unknown = undefined;

  on(listener: SwitchEventListener): () => void {
    // Wrapped so the same function can subscribe twice and unsubscribe each independently.
    const entry: SwitchEventListener = (event) => listener(event);
    this.#listeners.add(entry);
    return () => {
      this.#listeners.delete(entry);
    };
  }

  emit(event: SwitchEvent): void {
    this.#queue.push(event);
    if (this.#delivering) return;
    this.#delivering = true;
    try {
      for (let next = this.#queue.shift(); next !== undefined; next = this.#queue.shift()) {
        for (const listener of [...this.#listeners]) {
          if (!this.#listeners.has(listener)) continue; // unsubscribed by an earlier listener
          try {
            listener(next);
          } catch (error) {
            this.listenerErrors++;
            this.lastListenerError = error;
          }
        }
      }
    } finally {
      this.#delivering = false;
    }
  }
}
