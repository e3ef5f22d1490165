import type { App, AppDeps } from '../../http/app-types.ts';

export function registerKnowledgeRoutes(_app: App, _deps: AppDeps): void {}
