import type { App, AppDeps } from '../../http/app-types.ts';

export function registerWorkItemRoutes(_app: App, _deps: AppDeps): void {}
