import type { App, AppDeps } from '../../http/app-types.ts';

export function registerSearchRoutes(_app: App, _deps: AppDeps): void {}
