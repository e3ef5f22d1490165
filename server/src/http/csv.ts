// CSV for spreadsheet users: UTF-8 with BOM (Excel opens Chinese correctly), quoted fields, and
// cells that start like a formula are prefixed so a spreadsheet never executes them.
export function toCsv(header: string[], rows: (string | number | boolean | Date | null)[][]): string {
  const lines = [header, ...rows].map((row) => row.map(cell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function cell(value: string | number | boolean | Date | null): string {
  if (value === null) return '';
  let s = value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
