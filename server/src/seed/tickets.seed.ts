import {
  COMPLAINT_CATEGORIES,
  SERVICE_CATEGORIES,
  type TicketCategory,
  type TicketKind,
  type TicketState,
} from '@switchboard/shared';
import type { Db } from '../db/database.ts';
import { findCustomerIdByPhone } from '../modules/customers/index.ts';
import { ticketRepository as repo } from '../modules/tickets/ticket.repository.ts';

// Workflows per ticket type (CPL-3) and a handful of demo tickets in different states.

const HOUR = 3_600_000;

const REVIEWER: Partial<Record<TicketCategory, string>> = {
  service_item: 'MARKET',
  product: 'MARKET',
  equipment: 'NETOPS',
  department: 'QUALITY',
  staff: 'QUALITY',
  medicine: 'QUALITY',
  environment: 'QUALITY',
  other: 'QUALITY',
  new_install: 'NETOPS',
  move: 'NETOPS',
  change: 'NETOPS',
  suspension: 'BILLING',
  other_request: 'NETOPS',
};
const DEADLINE_HOURS: Record<TicketKind, number> = { complaint: 48, suggestion: 72, service_request: 24 };

type DemoTicket = {
  kind: TicketKind;
  category: TicketCategory;
  phone: string;
  name: string;
  gender: 'male' | 'female';
  reason: string;
  owner: string;
  department?: string;
  handler?: string;
  state: TicketState;
  hoursAgo: number;
  answer?: string;
};

const DEMO_TICKETS: DemoTicket[] = [
  {
    kind: 'complaint',
    category: 'equipment',
    phone: '13912345001',
    name: '张明',
    gender: 'male',
    reason: '宽带频繁掉线，报修两次仍未解决',
    owner: '1001',
    department: 'NETOPS',
    handler: '5101',
    state: 'processing',
    hoursAgo: 30,
  },
  {
    kind: 'complaint',
    category: 'service_item',
    phone: '13912345002',
    name: '刘芳',
    gender: 'female',
    reason: '套餐资费与宣传不符',
    owner: '1001',
    department: 'BILLING',
    handler: '5201',
    state: 'answered',
    hoursAgo: 50,
    answer: '经核实已按宣传资费退还差额 30 元',
  },
  {
    kind: 'suggestion',
    category: 'environment',
    phone: '13912345003',
    name: '陈刚',
    gender: 'male',
    reason: '建议营业厅增加周末服务时间',
    owner: '1002',
    state: 'new',
    hoursAgo: 2,
  },
  {
    kind: 'service_request',
    category: 'move',
    phone: '13912345004',
    name: '赵丽',
    gender: 'female',
    reason: '家庭宽带移机至新地址',
    owner: '1003',
    department: 'NETOPS',
    state: 'dispatched',
    hoursAgo: 5,
  },
];

export async function seedTickets(db: Db, now: Date): Promise<void> {
  const departments = new Map(
    (await db.selectFrom('departments').select(['id', 'code']).execute()).map((d) => [d.code, d.id]),
  );
  const staff = new Map(
    (await db.selectFrom('staff').select(['id', 'employee_no']).execute()).map((s) => [s.employee_no, s.id]),
  );
  const workflows = [
    ...COMPLAINT_CATEGORIES.flatMap((category) =>
      (['complaint', 'suggestion'] as const).map((kind) => ({ kind, category })),
    ),
    ...SERVICE_CATEGORIES.map((category) => ({ kind: 'service_request' as const, category })),
  ];
  await db
    .insertInto('ticket_workflows')
    .values(
      workflows.map((w) => ({
        kind: w.kind,
        category: w.category,
        review_department_id: departments.get(REVIEWER[w.category] ?? '') ?? null,
        default_deadline_hours: DEADLINE_HOURS[w.kind],
      })),
    )
    .execute();

  for (const d of DEMO_TICKETS) {
    const owner = staff.get(d.owner);
    if (owner === undefined) continue;
    const created = new Date(now.getTime() - d.hoursAgo * HOUR);
    const departmentId = d.department ? (departments.get(d.department) ?? null) : null;
    const handlerId = d.handler ? (staff.get(d.handler) ?? null) : null;
    const row = await db
      .insertInto('tickets')
      .values({
        number: await repo.nextNumber(db, created),
        kind: d.kind,
        category: d.category,
        state: d.state,
        occurred_at: created,
        phone: d.phone,
        card_no: null,
        customer_name: d.name,
        gender: d.gender,
        first_code: null,
        aspect_price: d.category === 'service_item',
        aspect_effect: false,
        aspect_service: true,
        reason: d.reason,
        remarks: null,
        customer_id: await findCustomerIdByPhone(db, d.phone),
        call_id: null,
        owner_id: owner,
        department_id: departmentId,
        responsible_id: handlerId,
        deadline_at: departmentId ? new Date(created.getTime() + DEADLINE_HOURS[d.kind] * HOUR) : null,
        validity: handlerId ? 'valid' : null,
        invalid_reason: null,
        answer: d.answer ?? null,
        reply_channel: null,
        reply_note: null,
        satisfaction: null,
        created_at: created,
        updated_at: created,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const steps: [TicketState | null, TicketState, 'create' | 'dispatch' | 'assign' | 'finish', number][] = [
      [null, 'new', 'create', 0],
    ];
    if (departmentId) steps.push(['new', 'dispatched', 'dispatch', 0.2]);
    if (handlerId) steps.push(['dispatched', 'processing', 'assign', 1]);
    if (d.answer) steps.push(['processing', 'answered', 'finish', 20]);
    for (const [from, to, action, afterHours] of steps) {
      await repo.appendEvent(db, {
        ticketId: row.id,
        at: new Date(created.getTime() + afterHours * HOUR),
        actorId: action === 'assign' ? null : action === 'finish' ? handlerId : owner,
        action,
        from,
        to,
        note: action === 'finish' ? (d.answer ?? null) : null,
      });
    }
  }
}
