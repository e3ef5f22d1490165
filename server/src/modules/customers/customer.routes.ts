import type { App, AppDeps } from '../../http/app-types.ts';

export function registerCustomerRoutes(_app: App, _deps: AppDeps): void {}
