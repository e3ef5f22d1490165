import { CUSTOMER_FILE_COLUMNS } from '@switchboard/shared';
import ExcelJS from 'exceljs';

// Reading and writing customer files (CRM-3): CSV (RFC 4180, UTF-8, BOM allowed) and XLSX.
// The first row names the columns, by key (`name`) or by the Chinese header (`姓名`).

export type FileColumn = (typeof CUSTOMER_FILE_COLUMNS)[number];

export const COLUMN_HEADERS_ZH: Record<FileColumn, string> = {
  name: '姓名',
  phones: '电话',
  card_no: '卡号',
  gender: '性别',
  address: '地址',
  area_code: '片区',
  vip_level: 'VIP等级',
  email: '邮箱',
  preferred_channel: '联系方式偏好',
  origin_channels: '来源渠道',
  gift_willing: '礼品意愿',
};

export type FileRow = Partial<Record<FileColumn, string>>;

export function parseCsv(text: string): string[][] {
  const reader = new CsvRowReader();
  return [...reader.push(text), ...reader.end()];
}

/**
 * RFC 4180 reader fed piece by piece (an upload as it arrives): `push` returns the rows completed
 * by this piece, `end` the last one. Quotes, CRLF and a leading BOM may be split across pieces.
 */
export class CsvRowReader {
  private row: string[] = [];
  private cell = '';
  private quoted = false;
  private quoteSeen = false; // a `"` inside quotes: closes the cell unless the next one is `"`
  private crSeen = false;
  private started = false;

  push(piece: string): string[][] {
    const rows: string[][] = [];
    let text = piece;
    if (!this.started && text.length) {
      this.started = true;
      text = text.replace(/^\uFEFF/, '');
    }
    for (const ch of text) {
      if (this.crSeen) {
        this.crSeen = false;
        if (ch === '\n') continue;
      }
      if (this.quoteSeen) {
        this.quoteSeen = false;
        if (ch === '"') {
          this.cell += '"';
          continue;
        }
        this.quoted = false;
      }
      if (this.quoted) {
        if (ch === '"') this.quoteSeen = true;
        else this.cell += ch;
      } else if (ch === '"' && this.cell === '') this.quoted = true;
      else if (ch === ',') {
        this.row.push(this.cell);
        this.cell = '';
      } else if (ch === '\n' || ch === '\r') {
        this.crSeen = ch === '\r';
        this.row.push(this.cell);
        rows.push(this.row);
        this.row = [];
        this.cell = '';
      } else this.cell += ch;
    }
    return rows;
  }

  end(): string[][] {
    if (this.quoteSeen) {
      this.quoteSeen = false;
      this.quoted = false;
    }
    if (this.cell === '' && !this.row.length) return [];
    this.row.push(this.cell);
    const last = this.row;
    this.row = [];
    this.cell = '';
    return [last];
  }
}

export function toCsv(rows: string[][]): string {
  const quote = (v: string) => (/[",\r\n]/.test(v) || /^[=+\-@]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `\uFEFF${rows.map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;
}

export async function readXlsx(bytes: Buffer): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (r) => {
    const values = Array.isArray(r.values) ? r.values.slice(1) : [];
    rows.push(
      values.map((v) =>
        v === null || v === undefined ? '' : typeof v === 'object' ? cellText(v) : String(v),
      ),
    );
  });
  return rows;
}

function cellText(v: object): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('text' in v) return String(v.text);
  if ('result' in v) return String(v.result);
  return '';
}

export async function writeXlsx(rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('客户资料');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The column of each header cell; null when the header names no known column (or not 姓名). */
export function columnsOfHeader(header: string[]): (FileColumn | undefined)[] | null {
  const byHeader = new Map<string, FileColumn>();
  for (const col of CUSTOMER_FILE_COLUMNS) {
    byHeader.set(col, col);
    byHeader.set(COLUMN_HEADERS_ZH[col], col);
  }
  const columns = header.map((h) => byHeader.get(h.trim()));
  return columns.includes('name') ? columns : null;
}

export function rowOf(columns: (FileColumn | undefined)[], cells: string[]): FileRow {
  const row: FileRow = {};
  columns.forEach((col, i) => {
    if (col) row[col] = (cells[i] ?? '').trim();
  });
  return row;
}

/** Maps each data row to its named columns; null when the header names no known column. */
export function rowsByHeader(table: string[][]): FileRow[] | null {
  const [header, ...data] = table;
  if (!header) return null;
  const columns = columnsOfHeader(header);
  if (!columns) return null;
  return data.map((cells) => rowOf(columns, cells));
}
