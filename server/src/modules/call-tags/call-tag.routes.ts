import type { App, AppDeps } from '../../http/app-types.ts';

export function registerCallTagRoutes(_app: App, _deps: AppDeps): void {}
