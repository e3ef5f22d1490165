import type { Role } from '@switchboard/shared';
import { expect, it } from 'vitest';
import { describeOnEachDialect } from '../testing/test-app.ts';
import { seedDemoIfEmpty } from './seed-demo.ts';

describeOnEachDialect('demo data', (server) => {
  const countRole = async (role: Role) =>
    (await server().db.selectFrom('staff_roles').select('staff_id').where('role', '=', role).execute())
      .length;

  it('holds the demo centre: its name, 3 areas, 4 skill groups, 20 agents, 2 team leads and the other roles', async () => {
    const s = server();
    expect((await s.request<{ name: string }>('GET', '/api/center')).body.name).toBe('示例客服中心');
    expect(await s.db.selectFrom('areas').select('name').execute()).toHaveLength(3);
    expect(await s.db.selectFrom('skill_groups').select('name').execute()).toHaveLength(4);
    expect(await countRole('agent')).toBe(20);
    expect(await countRole('team_lead')).toBe(2);
    for (const role of ['duty_lead', 'qa', 'admin', 'data_maintenance'] as const)
      expect(await countRole(role)).toBeGreaterThanOrEqual(1);
    expect(await countRole('dept_supervisor')).toBe(3);
    expect(await countRole('dept_handler')).toBeGreaterThanOrEqual(3);
  });

  it('does not seed again into a database that already has staff', async () => {
    const s = server();
    expect(await seedDemoIfEmpty(s.db, s.deps.hasher, s.clock.now())).toBe(false);
    expect(await countRole('admin')).toBe(1);
  });
});
