import { describe, expect, it } from 'vitest';
import { findLeaf, menuFor } from './desktop-menu.ts';

// The main menu by role (UI-4): seven groups, each shown to the roles that use it.

const groupKeys = (roles: Parameters<typeof menuFor>[0]) => menuFor(roles).map((g) => g.key);

describe('main menu by role (UI-4)', () => {
  it('gives an agent calls, support, reports, recordings and my info, but no monitoring or administration', () => {
    expect(groupKeys(['agent'])).toEqual(['calls', 'support', 'reports', 'recordings', 'mine']);
  });

  it('gives a team lead the live wall and team reports', () => {
    const menu = menuFor(['team_lead']);
    expect(menu.map((g) => g.key)).toContain('monitor');
    const reports = menu.find((g) => g.key === 'reports');
    expect(reports?.items.map((i) => i.key)).toContain('team-reports');
  });

  it('hides team reports from an agent', () => {
    const reports = menuFor(['agent']).find((g) => g.key === 'reports');
    expect(reports?.items.map((i) => i.key)).not.toContain('team-reports');
  });

  it('gives administration to admins only', () => {
    expect(groupKeys(['admin'])).toContain('admin');
    for (const role of ['agent', 'team_lead', 'qa', 'dept_supervisor'] as const)
      expect(groupKeys([role])).not.toContain('admin');
  });

  it('lets a department handler reach tickets but not the call-taking groups', () => {
    const keys = groupKeys(['dept_handler']);
    expect(keys).toContain('support');
    expect(keys).not.toContain('calls');
    expect(keys).not.toContain('monitor');
  });

  it('finds every leaf by its key, and nothing for an unknown key', () => {
    for (const group of menuFor(['admin', 'agent', 'team_lead']))
      for (const item of group.items) expect(findLeaf(item.key)?.key).toBe(item.key);
    expect(findLeaf('no-such-item')).toBeUndefined();
  });
});
