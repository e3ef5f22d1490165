import type { Db } from '../db/database.ts';
import type { CtiRuntime } from './cti-runtime.ts';

// Keeps the demo centre alive: a few demo agents (the highest employee IDs, so 1001… stay free
// for people trying the desktop) sign in ready with auto-answer and take the simulated calls.
// Their wrap-up ends by its timer. Only used when the demo data was seeded.
export async function startDemoAutopilot(db: Db, cti: CtiRuntime, count: number): Promise<number[]> {
  if (count === 0) return [];
  const agents = await db
    .selectFrom('staff as s')
    .innerJoin('staff_roles as r', 'r.staff_id', 's.id')
    .innerJoin('extensions as e', 'e.id', 's.extension_id')
    .select(['s.id', 's.employee_no', 's.name', 'e.number'])
    .where('r.role', '=', 'agent')
    .where('s.active', '=', true)
    .orderBy('s.employee_no', 'desc')
    .limit(count)
    .execute();
  for (const a of agents) {
    const skills = await db
      .selectFrom('staff_skills')
      .select(['skill_group_id', 'level'])
      .where('staff_id', '=', a.id)
      .execute();
    await cti.engine.signIn(
      { id: a.id, employeeNo: a.employee_no, name: a.name },
      {
        extension: a.number,
        skills: skills.map((k) => ({ skillGroupId: k.skill_group_id, level: k.level })),
        ready: true,
      },
    );
    await cti.engine.setAutoAnswer(a.id, true);
  }
  return agents.map((a) => a.id);
}
