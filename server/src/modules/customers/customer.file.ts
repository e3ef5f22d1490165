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
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
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

/** Maps each data row to its named columns; null when the header names no known column. */
export function rowsByHeader(table: string[][]): FileRow[] | null {
  const [header, ...data] = table;
  if (!header) return null;
  const byHeader = new Map<string, FileColumn>();
  for (const col of CUSTOMER_FILE_COLUMNS) {
    byHeader.set(col, col);
    byHeader.set(COLUMN_HEADERS_ZH[col], col);
  }
  const columns = header.map((h) => byHeader.get(h.trim()));
  if (!columns.includes('name')) return null;
  return data.map((cells) => {
    const row: FileRow = {};
    columns.forEach((col, i) => {
      if (col) row[col] = (cells[i] ?? '').trim();
    });
    return row;
  });
}
