import { describe, expect, it } from 'vitest';
import { closeTab, type DesktopTab, MAX_TABS, openTab, type TabsState } from './desktop-tabs.ts';

// The main area's tabs (UI-6): at most five; a 6th asked for by the user is refused; a screen pop
// is never refused and closes the oldest tab the agent is not looking at.

const tab = (key: string): DesktopTab => ({ key, title: 'menu.home', kind: { kind: 'home' } });

function withTabs(...keys: string[]): TabsState {
  return { tabs: keys.map(tab), active: keys.at(-1) ?? null };
}

describe('desktop tabs (UI-6)', () => {
  it('opens up to five tabs and shows the newest', () => {
    let state = withTabs();
    for (const key of ['a', 'b', 'c', 'd', 'e']) {
      const result = openTab(state, tab(key));
      expect(result.outcome).toBe('opened');
      state = result.state;
    }
    expect(state.tabs.map((t) => t.key)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(state.active).toBe('e');
    expect(MAX_TABS).toBe(5);
  });

  it('refuses a 6th tab and changes nothing', () => {
    const state = withTabs('a', 'b', 'c', 'd', 'e');
    const result = openTab(state, tab('f'));
    expect(result.outcome).toBe('refused');
    expect(result.state).toBe(state);
  });

  it('shows a tab that is already open instead of opening it twice, even at the limit', () => {
    const state = withTabs('a', 'b', 'c', 'd', 'e');
    const result = openTab(state, tab('b'));
    expect(result.outcome).toBe('shown');
    expect(result.state.tabs).toHaveLength(5);
    expect(result.state.active).toBe('b');
  });

  it('makes room for a screen pop by closing the oldest tab not being looked at', () => {
    const state: TabsState = { tabs: ['a', 'b', 'c', 'd', 'e'].map(tab), active: 'a' };
    const result = openTab(state, tab('call-1'), { force: true });
    expect(result.outcome).toBe('replaced');
    if (result.outcome !== 'replaced') return;
    expect(result.closed.key).toBe('b');
    expect(result.state.tabs.map((t) => t.key)).toEqual(['a', 'c', 'd', 'e', 'call-1']);
    expect(result.state.active).toBe('call-1');
  });

  it('after closing the active tab, shows its right neighbour, or the last one', () => {
    expect(closeTab(withTabs('a', 'b', 'c'), 'c').active).toBe('b');
    expect(closeTab({ tabs: ['a', 'b', 'c'].map(tab), active: 'a' }, 'a').active).toBe('b');
    expect(closeTab({ tabs: ['a', 'b', 'c'].map(tab), active: 'a' }, 'b').active).toBe('a');
    expect(closeTab(withTabs('a'), 'a')).toEqual({ tabs: [], active: null });
  });
});
