import type { App, AppDeps } from '../../http/app-types.ts';

export function registerOutboxRoutes(_app: App, _deps: AppDeps): void {}
