export * from './agent-state.ts';
export * from './errors.ts';
export { isOfferable, isOnCall, isSignedIn } from './guards.ts';
export * from './history.ts';
export * from './machine.ts';
export * from './reasons.ts';
