import type { CustomerInput, CustomerSaved, CustomerUpdate } from '@switchboard/shared';
import type { Db } from '../../db/database.ts';
import { AppError, type FieldError } from '../../http/app-error.ts';
import { COMMON_ERRORS } from '../../http/common.errors.ts';
import { repointCustomerTickets } from '../tickets/index.ts';
import { type CustomerChangeContext, isAuditedActor, recordCustomerAudit } from './customer.audit.ts';
import { CUSTOMER_ERRORS, CUSTOMER_FIELD_MESSAGES as M } from './customer.errors.ts';
import { customerRepository as repo } from './customer.repository.ts';

// Use cases that change customers (CRM-1, CRM-4). Callers pass a transaction.

/** Field errors of the checks that need the database: the area and the custom field definitions. */
export async function customerFieldErrors(db: Db, input: Partial<CustomerInput>): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (input.areaId && !(await repo.areaExists(db, input.areaId))) {
    errors.push({ path: 'areaId', message: M.unknownArea });
  }
  const custom = Object.entries(input.custom ?? {});
  if (custom.length === 0) return errors;
  const defs = new Map(
    (await db.selectFrom('customer_field_defs').selectAll().execute()).map((d) => [d.key, d]),
  );
  for (const [key, value] of custom) {
    const def = defs.get(key);
    const path = `custom.${key}`;
    if (!def) errors.push({ path, message: M.unknownField });
    else if (value === null || value === '') continue;
    else if (def.type === 'number' && typeof value !== 'number') errors.push({ path, message: M.notNumber });
    else if (def.type === 'date' && !(typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)))
      errors.push({ path, message: M.notDate });
    else if (def.type === 'choice') {
      const choices = typeof def.choices === 'string' ? (JSON.parse(def.choices) as string[]) : def.choices;
      if (!choices.includes(String(value))) errors.push({ path, message: M.notChoice });
    }
  }
  return errors;
}

async function mustBeValid(db: Db, input: Partial<CustomerInput>): Promise<void> {
  const fields = await customerFieldErrors(db, input);
  if (fields.length) throw new AppError(COMMON_ERRORS.VALIDATION_FAILED, { fields });
}

async function saved(db: Db, id: number): Promise<CustomerSaved> {
  const customer = await repo.get(db, id);
  if (!customer) throw new AppError(COMMON_ERRORS.NOT_FOUND);
  const duplicates = await repo.duplicatesOf(db, customer.phones, customer.cardNo, id);
  return { ...customer, duplicates };
}

export async function createCustomer(db: Db, input: CustomerInput, ctx: CustomerChangeContext) {
  await mustBeValid(db, input);
  const id = await repo.insert(db, input, ctx.actor.id, ctx.now);
  if (isAuditedActor(ctx.actor))
    await recordCustomerAudit(db, ctx, 'customer.create', id, { name: input.name });
  return saved(db, id);
}

export async function updateCustomer(db: Db, id: number, change: CustomerUpdate, ctx: CustomerChangeContext) {
  const current = await repo.get(db, id);
  if (!current) throw new AppError(COMMON_ERRORS.NOT_FOUND);
  if (current.mergedInto !== null) throw new AppError(CUSTOMER_ERRORS.ALREADY_MERGED);
  await mustBeValid(db, change);
  const merged: CustomerInput = {
    name: change.name ?? current.name,
    gender: change.gender ?? current.gender,
    phones: change.phones ?? current.phones,
    cardNo: change.cardNo !== undefined ? change.cardNo : current.cardNo,
    address: change.address !== undefined ? change.address : current.address,
    areaId: change.areaId !== undefined ? change.areaId : current.areaId,
    vipLevel: change.vipLevel ?? current.vipLevel,
    email: change.email !== undefined ? change.email : current.email,
    preferredChannel: change.preferredChannel ?? current.preferredChannel,
    originChannels: (change.originChannels ?? current.originChannels) as CustomerInput['originChannels'],
    giftWilling: change.giftWilling !== undefined ? change.giftWilling : current.giftWilling,
    custom: change.custom ? { ...current.custom, ...change.custom } : current.custom,
  };
  await repo.update(db, id, merged, ctx.now);
  if (isAuditedActor(ctx.actor)) {
    await recordCustomerAudit(db, ctx, 'customer.update', id, { fields: Object.keys(change) });
  }
  return saved(db, id);
}

/** CRM-4: keeps `keepId`, moves the other's phones, timeline, tickets, messages and work items to it
 * and marks it merged. */
export async function mergeCustomers(db: Db, keepId: number, mergeId: number, ctx: CustomerChangeContext) {
  if (keepId === mergeId) throw new AppError(CUSTOMER_ERRORS.MERGE_SAME_RECORD);
  const keep = await repo.get(db, keepId);
  const gone = await repo.get(db, mergeId);
  if (!keep || !gone) throw new AppError(COMMON_ERRORS.NOT_FOUND);
  if (keep.mergedInto !== null || gone.mergedInto !== null)
    throw new AppError(CUSTOMER_ERRORS.ALREADY_MERGED);
  const survivor: CustomerInput = {
    ...keep,
    originChannels: [
      ...new Set([...keep.originChannels, ...gone.originChannels]),
    ] as CustomerInput['originChannels'],
    phones: [...new Set([...keep.phones, ...gone.phones])].slice(0, 10),
    cardNo: keep.cardNo ?? gone.cardNo,
    address: keep.address ?? gone.address,
    areaId: keep.areaId ?? gone.areaId,
    email: keep.email ?? gone.email,
    giftWilling: keep.giftWilling ?? gone.giftWilling,
    vipLevel: Math.max(keep.vipLevel, gone.vipLevel),
    custom: { ...gone.custom, ...keep.custom },
  };
  await repo.update(db, keepId, survivor, ctx.now);
  await db.deleteFrom('customer_phones').where('customer_id', '=', mergeId).execute();
  await db
    .updateTable('customer_timeline')
    .set({ customer_id: keepId })
    .where('customer_id', '=', mergeId)
    .execute();
  const tickets = await repointCustomerTickets(db, mergeId, keepId);
  // Tables of modules the customers module does not own but which name a customer: the merged
  // record's messages, inbound SMS and work items follow it (plain updates, same transaction).
  await db
    .updateTable('outbox_messages')
    .set({ customer_id: keepId })
    .where('customer_id', '=', mergeId)
    .execute();
  await db
    .updateTable('sms_inbound')
    .set({ customer_id: keepId })
    .where('customer_id', '=', mergeId)
    .execute();
  await db
    .updateTable('work_items')
    .set({ customer_id: keepId })
    .where('customer_id', '=', mergeId)
    .execute();
  await db
    .updateTable('customers')
    .set({ merged_into: keepId, updated_at: ctx.now })
    .where('id', 'in', [mergeId])
    .execute();
  // Records merged into the one that goes now follow it to the survivor.
  await db.updateTable('customers').set({ merged_into: keepId }).where('merged_into', '=', mergeId).execute();
  await recordCustomerAudit(db, ctx, 'customer.merge', keepId, {
    mergedId: mergeId,
    mergedName: gone.name,
    tickets,
  });
  return saved(db, keepId);
}
