import type { App, AppDeps } from '../../http/app-types.ts';

export function registerMessageRoutes(_app: App, _deps: AppDeps): void {}
