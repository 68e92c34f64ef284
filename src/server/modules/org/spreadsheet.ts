import { extname } from 'node:path';
import ExcelJS from 'exceljs';

/**
 * Reads the first sheet of an .xlsx or a UTF-8 .csv file as rows of strings,
 * the header row first. Numbers are read as their digits (codes are numbers in
 * many bureau spreadsheets), dates as YYYY-MM-DD.
 */
export async function readSheet(file: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  const sheet = extname(file).toLowerCase() === '.csv'
    ? await workbook.csv.readFile(file, { parserOptions: { delimiter: ',' }, map: (v: unknown) => v })
    : (await workbook.xlsx.readFile(file)).worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    rows.push(values.map(cellText));
  });
  if (rows[0]?.[0]) rows[0][0] = rows[0][0].replace(/^\uFEFF/, '');
  return rows;
}

export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(0) : String(v);
  if (typeof v === 'object') {
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
  }
  return String(v).trim();
}
