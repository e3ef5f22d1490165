import type { Db } from '../db/database.ts';
import type { PasswordHasher } from '../modules/auth/password-hasher.ts';
import { setCenterName } from '../modules/center/center.repository.ts';
import { seedCallTags } from './call-tags.seed.ts';
import { seedCustomers } from './customers.seed.ts';
import { AREAS, CENTER_NAME, DEMO_PASSWORD, DEPARTMENTS, PEOPLE, SKILL_GROUPS } from './demo-data.ts';
import { seedFollowUps } from './follow-ups.seed.ts';
import { seedIvr } from './ivr.seed.ts';
import { seedKnowledge } from './knowledge.seed.ts';
import { seedMessaging } from './messaging.seed.ts';
import { seedServiceHours } from './service-hours.seed.ts';
import { seedTickets } from './tickets.seed.ts';
import { seedWorkItems } from './work-items.seed.ts';

/** Seeds the demo centre when the database has no staff yet. Returns whether it seeded. */
export async function seedDemoIfEmpty(db: Db, hasher: PasswordHasher, now: Date): Promise<boolean> {
  const any = await db.selectFrom('staff').select('id').limit(1).executeTakeFirst();
  if (any) return false;
  // One hash for everyone: all demo accounts share the published demo password.
  const passwordHash = await hasher.hash(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    await setCenterName(trx, CENTER_NAME);
    const areaIds = byCode(
      await trx
        .insertInto('areas')
        .values(AREAS.map((a) => ({ ...a, created_at: now })))
        .returning(['id', 'code'])
        .execute(),
    );
    const deptIds = byCode(
      await trx
        .insertInto('departments')
        .values(DEPARTMENTS.map((d) => ({ ...d, created_at: now })))
        .returning(['id', 'code'])
        .execute(),
    );
    const groupIds = byCode(
      await trx
        .insertInto('skill_groups')
        .values(
          SKILL_GROUPS.map((g) => ({
            code: g.code,
            name: g.name,
            is_comprehensive: g.isComprehensive,
            created_at: now,
          })),
        )
        .returning(['id', 'code'])
        .execute(),
    );
    await trx
      .insertInto('skill_group_access_codes')
      .values(
        SKILL_GROUPS.flatMap((g) =>
          g.accessCodes.map((access_code) => ({ skill_group_id: groupIds.get(g.code)!, access_code })),
        ),
      )
      .execute();
    const extensionNumbers = PEOPLE.flatMap((p) => (p.extension ? [p.extension] : []));
    const spare = ['8021', '8022', '8023', '8024'];
    const extensionRows = await trx
      .insertInto('extensions')
      .values(
        [...extensionNumbers, ...spare].map((number, i) => ({
          number,
          area_id: areaIds.get(AREAS[i % AREAS.length]!.code) ?? null,
          remark: spare.includes(number) ? '备用' : null,
          created_at: now,
        })),
      )
      .returning(['id', 'number'])
      .execute();
    const extensionIds = new Map(extensionRows.map((r) => [r.number, r.id]));
    for (const p of PEOPLE) {
      const staff = await trx
        .insertInto('staff')
        .values({
          employee_no: p.employeeNo,
          name: p.name,
          gender: p.gender,
          phone: `1380000${p.employeeNo.padStart(4, '0').slice(-4)}`,
          department_id: deptIds.get(p.department) ?? null,
          area_id: areaIds.get(p.area) ?? null,
          extension_id: p.extension ? (extensionIds.get(p.extension) ?? null) : null,
          password_hash: passwordHash,
          must_change_password: false,
          active: true,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('staff_roles')
        .values(p.roles.map((role) => ({ staff_id: staff.id, role })))
        .execute();
      if (p.skills?.length) {
        await trx
          .insertInto('staff_skills')
          .values(
            p.skills.map(([code, level]) => ({
              staff_id: staff.id,
              skill_group_id: groupIds.get(code)!,
              level,
            })),
          )
          .execute();
      }
      if (p.roles.includes('dept_supervisor')) {
        await trx
          .updateTable('departments')
          .set({ supervisor_id: staff.id })
          .where('code', '=', p.department)
          .execute();
      }
    }
    // Each business module's demo rows, in the same transaction (they may refer to the staff above).
    await seedCustomers(trx, now);
    await seedTickets(trx, now);
    await seedCallTags(trx, now);
    await seedMessaging(trx, now);
    await seedWorkItems(trx, now);
    await seedKnowledge(trx, now);
    await seedFollowUps(trx, now);
    await seedIvr(trx, now, hasher);
    await seedServiceHours(trx, now);
  });
  return true;
}

function byCode(rows: { id: number; code: string }[]): Map<string, number> {
  return new Map(rows.map((r) => [r.code, r.id]));
}
