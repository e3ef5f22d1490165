import { type CustomerInput, customerInputSchema } from '@switchboard/shared';
import type { Db } from '../../db/database.ts';
import { type CustomerChangeContext, recordCustomerAudit } from './customer.audit.ts';
import { type FileRow, parseCsv, readXlsx, rowsByHeader } from './customer.file.ts';
import { customerRepository as repo } from './customer.repository.ts';
import { customerFieldErrors } from './customer.service.ts';

// CRM-3 import: the file is read at once, then rows are validated and written in chunks, each
// chunk its own transaction, with the job row's counters updated after each chunk so the desktop
// can poll the progress. A bad row is reported (row number as in the file, header = row 1) and
// skipped; good rows are imported; a row sharing a phone or card with a record counts as duplicate
// (imported and flagged, CRM-4).

const CHUNK = 50;
type Rejected = { row: number; reason: string; reasonEn: string };

const GENDERS: Record<string, CustomerInput['gender']> = {
  男: 'male',
  女: 'female',
  male: 'male',
  female: 'female',
};
const YES = new Set(['愿意', '是', 'true', 'yes', '1']);
const NO = new Set(['不愿意', '否', 'false', 'no', '0']);

export async function readImportFile(format: 'csv' | 'xlsx', bytes: Buffer): Promise<FileRow[] | null> {
  const table = format === 'csv' ? parseCsv(bytes.toString('utf8')) : await readXlsx(bytes);
  return rowsByHeader(table.filter((r) => r.some((c) => c.trim() !== '')));
}

function inputOf(row: FileRow, areas: Map<string, number>): unknown {
  const list = (v: string | undefined) =>
    v
      ? v
          .split(/[;；/、|]/)
          .map((s) => s.trim())
          .filter(Boolean)
      : [];
  const area = row.area_code ? (areas.get(row.area_code) ?? -1) : null;
  const gift = row.gift_willing?.toLowerCase();
  return {
    name: row.name ?? '',
    phones: list(row.phones),
    cardNo: row.card_no || null,
    gender: row.gender ? (GENDERS[row.gender.toLowerCase()] ?? row.gender) : 'unknown',
    address: row.address || null,
    areaId: area,
    vipLevel: row.vip_level ? Number(row.vip_level) : 0,
    email: row.email || null,
    preferredChannel: row.preferred_channel || 'phone',
    originChannels: list(row.origin_channels),
    giftWilling: !gift ? null : YES.has(gift) ? true : NO.has(gift) ? false : gift,
  };
}

export async function startImport(db: Db, fileName: string, ctx: CustomerChangeContext): Promise<number> {
  const { id } = await db
    .insertInto('customer_imports')
    .values({ file_name: fileName, status: 'running', created_by: ctx.actor.id, created_at: ctx.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function runImport(
  db: Db,
  jobId: number,
  rows: FileRow[],
  ctx: CustomerChangeContext,
): Promise<void> {
  const areas = new Map<string, number>();
  for (const a of await db.selectFrom('areas').select(['id', 'code', 'name']).execute()) {
    areas.set(a.code, a.id);
    areas.set(a.name, a.id);
  }
  await db.updateTable('customer_imports').set({ total_rows: rows.length }).where('id', '=', jobId).execute();
  const rejected: Rejected[] = [];
  let imported = 0;
  let duplicates = 0;
  for (let start = 0; start < rows.length; start += CHUNK) {
    await db.transaction().execute(async (trx) => {
      for (const [offset, row] of rows.slice(start, start + CHUNK).entries()) {
        const rowNo = start + offset + 2;
        const parsed = customerInputSchema.safeParse(inputOf(row, areas));
        if (!parsed.success) {
          const paths = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '-'))].join(', ');
          rejected.push({ row: rowNo, reason: `字段无效：${paths}`, reasonEn: `invalid field(s): ${paths}` });
          continue;
        }
        const fieldErrors = await customerFieldErrors(trx, parsed.data);
        if (fieldErrors.length) {
          const paths = fieldErrors.map((f) => f.path).join(', ');
          rejected.push({ row: rowNo, reason: `字段无效：${paths}`, reasonEn: `invalid field(s): ${paths}` });
          continue;
        }
        if ((await repo.duplicatesOf(trx, parsed.data.phones, parsed.data.cardNo, null)).length) duplicates++;
        await repo.insert(trx, parsed.data, ctx.actor.id, ctx.now);
        imported++;
      }
      await trx
        .updateTable('customer_imports')
        .set({
          processed_rows: Math.min(start + CHUNK, rows.length),
          imported_rows: imported,
          duplicate_rows: duplicates,
          rejected: JSON.stringify(rejected),
        })
        .where('id', '=', jobId)
        .execute();
    });
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('customer_imports')
      .set({ status: 'done', finished_at: ctx.now })
      .where('id', '=', jobId)
      .execute();
    await recordCustomerAudit(trx, ctx, 'customer.import', null, {
      jobId,
      imported,
      rejected: rejected.length,
      duplicates,
    });
  });
}

export async function failImport(db: Db, jobId: number, now: Date): Promise<void> {
  await db
    .updateTable('customer_imports')
    .set({ status: 'failed', finished_at: now })
    .where('id', '=', jobId)
    .execute();
}

export async function getImportJob(db: Db, jobId: number, staffId: number) {
  const j = await db
    .selectFrom('customer_imports')
    .selectAll()
    .where('id', '=', jobId)
    .where('created_by', '=', staffId)
    .executeTakeFirst();
  if (!j) return undefined;
  return {
    id: j.id,
    fileName: j.file_name,
    status: j.status,
    totalRows: j.total_rows,
    processedRows: j.processed_rows,
    importedRows: j.imported_rows,
    duplicateRows: j.duplicate_rows,
    rejected: typeof j.rejected === 'string' ? (JSON.parse(j.rejected) as Rejected[]) : j.rejected,
  };
}
