import { type CustomerInput, customerInputSchema } from '@switchboard/shared';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../http/app-error.ts';
import { COMMON_ERRORS } from '../../http/common.errors.ts';
import { type CustomerChangeContext, recordCustomerAudit } from './customer.audit.ts';
import { CUSTOMER_ERRORS } from './customer.errors.ts';
import { CsvRowReader, columnsOfHeader, type FileRow, readXlsx, rowOf } from './customer.file.ts';
import { customerRepository as repo } from './customer.repository.ts';
import { customerFieldErrors } from './customer.service.ts';

// CRM-3 import: rows arrive as the upload is read (CSV is parsed piece by piece; XLSX, a zip, is
// read once whole) and are validated and written in chunks while the upload goes on, each chunk
// its own transaction, with the job row's counters updated after each chunk so the desktop
// can poll the progress. A bad row is reported (row number as in the file, header = row 1) and
// skipped; good rows are imported; a row sharing a phone or card with a record counts as duplicate
// (imported and flagged, CRM-4).

const CHUNK = 50;
/** The report keeps the first rejected rows; the job still counts all of them (rejectedRows). */
export const REJECTED_REPORT_MAX = 1000;
type Rejected = { row: number; reason: string; reasonEn: string };

const GENDERS: Record<string, CustomerInput['gender']> = {
  男: 'male',
  女: 'female',
  male: 'male',
  female: 'female',
};
const YES = new Set(['愿意', '是', 'true', 'yes', '1']);
const NO = new Set(['不愿意', '否', 'false', 'no', '0']);

export type NumberedRow = { rowNo: number; row: FileRow };

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');
const unreadable = (format: 'csv' | 'xlsx') =>
  new AppError(CUSTOMER_ERRORS.IMPORT_UNREADABLE, {
    params: {
      reason: format === 'csv' ? 'header must name the columns (name/姓名 …)' : 'not an XLSX workbook',
    },
  });

/**
 * The rows of an uploaded file as its bytes arrive, in batches, each numbered as in the file (the
 * header is row 1). Throws IMPORT_UNREADABLE (before any batch) when the header names no column,
 * and BODY_TOO_LARGE once more than `maxBytes` have come.
 */
export async function* uploadRows(
  format: 'csv' | 'xlsx',
  pieces: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  maxBytes: number,
): AsyncGenerator<NumberedRow[]> {
  let bytes = 0;
  const counted = async function* () {
    for await (const piece of pieces) {
      const buf = typeof piece === 'string' ? Buffer.from(piece) : piece;
      bytes += buf.length;
      if (bytes > maxBytes) throw new AppError(COMMON_ERRORS.BODY_TOO_LARGE, { params: { limit: maxBytes } });
      yield buf;
    }
  };
  let columns: ReturnType<typeof columnsOfHeader> = null;
  let line = 0;
  const number = (table: string[][]): NumberedRow[] => {
    const out: NumberedRow[] = [];
    for (const cells of table) {
      line++;
      if (isBlank(cells)) continue;
      if (!columns) {
        columns = columnsOfHeader(cells);
        if (!columns) throw unreadable(format);
        continue;
      }
      out.push({ rowNo: line, row: rowOf(columns, cells) });
    }
    return out;
  };
  if (format === 'xlsx') {
    const parts: Buffer[] = [];
    for await (const buf of counted()) parts.push(buf);
    const table = await readXlsx(Buffer.concat(parts)).catch(() => {
      throw unreadable(format);
    });
    const rows = number(table);
    if (!columns) throw unreadable(format);
    yield rows;
    return;
  }
  const reader = new CsvRowReader();
  const decoder = new TextDecoder('utf-8');
  for await (const buf of counted()) {
    const rows = number(reader.push(decoder.decode(buf, { stream: true })));
    if (columns) yield rows;
  }
  const rows = number([...reader.push(decoder.decode()), ...reader.end()]);
  if (!columns) throw unreadable(format);
  yield rows;
}

/** Batches handed from the upload to the running job (an async queue; the upload never waits). */
export class RowFeed implements AsyncIterable<NumberedRow[]> {
  private queue: NumberedRow[][] = [];
  private done = false;
  private error: unknown = null;
  private wake: (() => void) | null = null;

  push(batch: NumberedRow[]): void {
    if (batch.length) this.queue.push(batch);
    this.signal();
  }
  end(): void {
    this.done = true;
    this.signal();
  }
  fail(error: unknown): void {
    this.error = error ?? new Error('upload failed');
    this.signal();
  }
  private signal() {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
  async *[Symbol.asyncIterator](): AsyncGenerator<NumberedRow[]> {
    for (;;) {
      if (this.error) throw this.error;
      const next = this.queue.shift();
      if (next) yield next;
      else if (this.done) return;
      else await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }
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
  batches: AsyncIterable<NumberedRow[]>,
  ctx: CustomerChangeContext,
): Promise<void> {
  const areas = new Map<string, number>();
  for (const a of await db.selectFrom('areas').select(['id', 'code', 'name']).execute()) {
    areas.set(a.code, a.id);
    areas.set(a.name, a.id);
  }
  const rejected: Rejected[] = [];
  let rejectedCount = 0;
  const reject = (r: Rejected) => {
    rejectedCount++;
    if (rejected.length < REJECTED_REPORT_MAX) rejected.push(r);
  };
  let imported = 0;
  let duplicates = 0;
  let seen = 0;
  let processed = 0;
  const write = async (chunk: NumberedRow[]) =>
    db.transaction().execute(async (trx) => {
      for (const { rowNo, row } of chunk) {
        const parsed = customerInputSchema.safeParse(inputOf(row, areas));
        if (!parsed.success) {
          const paths = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '-'))].join(', ');
          reject({ row: rowNo, reason: `字段无效：${paths}`, reasonEn: `invalid field(s): ${paths}` });
          continue;
        }
        const fieldErrors = await customerFieldErrors(trx, parsed.data);
        if (fieldErrors.length) {
          const paths = fieldErrors.map((f) => f.path).join(', ');
          reject({ row: rowNo, reason: `字段无效：${paths}`, reasonEn: `invalid field(s): ${paths}` });
          continue;
        }
        if ((await repo.duplicatesOf(trx, parsed.data.phones, parsed.data.cardNo, null)).length) duplicates++;
        await repo.insert(trx, parsed.data, ctx.actor.id, ctx.now);
        imported++;
      }
      processed += chunk.length;
      await trx
        .updateTable('customer_imports')
        .set({
          total_rows: seen,
          processed_rows: processed,
          imported_rows: imported,
          duplicate_rows: duplicates,
          rejected: JSON.stringify(rejected),
        })
        .where('id', '=', jobId)
        .execute();
    });
  let pending: NumberedRow[] = [];
  for await (const batch of batches) {
    seen += batch.length;
    pending = pending.concat(batch);
    while (pending.length >= CHUNK) await write(pending.splice(0, CHUNK));
  }
  if (pending.length || seen === 0) await write(pending);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('customer_imports')
      .set({ status: 'done', finished_at: ctx.now })
      .where('id', '=', jobId)
      .execute();
    await recordCustomerAudit(trx, ctx, 'customer.import', null, {
      jobId,
      imported,
      rejected: rejectedCount,
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
    rejectedRows: j.processed_rows - j.imported_rows,
    rejected: typeof j.rejected === 'string' ? (JSON.parse(j.rejected) as Rejected[]) : j.rejected,
  };
}
