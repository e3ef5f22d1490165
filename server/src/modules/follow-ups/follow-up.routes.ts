import type { App, AppDeps } from '../../http/app-types.ts';

export function registerFollowUpRoutes(_app: App, _deps: AppDeps): void {}
