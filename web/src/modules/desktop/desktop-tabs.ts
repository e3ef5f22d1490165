import type { MessageKey } from '../../i18n/messages.ts';
import type { TabKind } from './desktop-menu.ts';

// The main area's tabs (UI-6), as a pure model: at most MAX_TABS open. Opening a tab that is open
// shows it; a 6th tab asked for by the user is refused (the user closes one first, nothing is lost
// without asking); a screen pop is never refused: it closes the oldest other tab to make room.

export const MAX_TABS = 5;

export type DesktopTab = {
  key: string;
  title: MessageKey;
  kind: TabKind;
  titleParams?: Record<string, string>;
};

export type TabsState = { tabs: DesktopTab[]; active: string | null };

export type OpenResult =
  | { outcome: 'opened' | 'shown'; state: TabsState }
  | { outcome: 'refused'; state: TabsState }
  | { outcome: 'replaced'; state: TabsState; closed: DesktopTab };

export function openTab(state: TabsState, tab: DesktopTab, opts: { force?: boolean } = {}): OpenResult {
  const existing = state.tabs.find((t) => t.key === tab.key);
  if (existing) {
    const tabs = state.tabs.map((t) => (t.key === tab.key ? tab : t));
    return { outcome: 'shown', state: { tabs, active: tab.key } };
  }
  if (state.tabs.length < MAX_TABS) {
    return { outcome: 'opened', state: { tabs: [...state.tabs, tab], active: tab.key } };
  }
  if (!opts.force) return { outcome: 'refused', state };
  // The oldest tab that is not the one being looked at goes.
  const closed = state.tabs.find((t) => t.key !== state.active) ?? state.tabs[0];
  if (!closed) return { outcome: 'opened', state: { tabs: [tab], active: tab.key } };
  const tabs = [...state.tabs.filter((t) => t.key !== closed.key), tab];
  return { outcome: 'replaced', state: { tabs, active: tab.key }, closed };
}

export function closeTab(state: TabsState, key: string): TabsState {
  const index = state.tabs.findIndex((t) => t.key === key);
  if (index < 0) return state;
  const tabs = state.tabs.filter((t) => t.key !== key);
  if (state.active !== key) return { tabs, active: state.active };
  const next = tabs[Math.min(index, tabs.length - 1)] ?? null;
  return { tabs, active: next?.key ?? null };
}
