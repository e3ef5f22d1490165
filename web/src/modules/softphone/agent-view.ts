import type { AgentView } from './softphone-api.ts';
/** The newer of two views of my state: by the time the state was entered (server clock). */
export function latestView(current: AgentView | null, view: AgentView | null): AgentView | null {
  if (!current || !view) return view;
  if (Date.parse(view.since) >= Date.parse(current.since)) return view;
  return {
    ...current,
    extension: view.extension,
    skills: view.skills,
    autoAnswer: view.autoAnswer,
    forwardTo: view.forwardTo,
  };
}
