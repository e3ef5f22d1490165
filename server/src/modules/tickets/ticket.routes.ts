import type { App, AppDeps } from '../../http/app-types.ts';

export function registerTicketRoutes(_app: App, _deps: AppDeps): void {}
