import type { App, AppDeps } from '../../http/app-types.ts';

export function registerFaultAlarmRoutes(_app: App, _deps: AppDeps): void {}
