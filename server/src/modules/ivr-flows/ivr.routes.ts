import type { App, AppDeps } from '../../http/app-types.ts';

export function registerIvrRoutes(_app: App, _deps: AppDeps): void {}
