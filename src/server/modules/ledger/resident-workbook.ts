import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { RESIDENT_COLUMNS } from '../../../domain/residents/resident-sheet.ts';
import { AppError } from '../../errors.ts';

/** .xlsx files are zip archives; anything else (.xls, .csv renamed, a photo) is refused before parsing. */
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * The first worksheet of an .xlsx file as rows of text (sheet row n at index
 * n - 1). A lean reader of the few parts a ledger needs (workbook, shared
 * strings, one sheet), because exceljs's streaming reader decodes each chunk
 * of a zip entry on its own and so garbles Chinese characters that straddle
 * two chunks, while its whole-workbook model needs several hundred MB for
 * 100,000 rows. Each part is inflated whole and decoded once.
 */
export async function readFirstSheet(file: Buffer): Promise<string[][]> {
  if (file.length < 4 || !file.subarray(0, 4).equals(ZIP_MAGIC)) throw new AppError('FILE_NOT_XLSX', { field: 'file' });
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(file);
  } catch {
    throw new AppError('FILE_NOT_XLSX', { field: 'file' });
  }
  const sheetPath = await firstSheetPath(zip);
  if (!sheetPath) throw new AppError('FILE_NOT_XLSX', { field: 'file' });
  const shared = await sharedStrings(zip);
  const xml = await zip.file(sheetPath)!.async('string');
  return sheetRows(xml, shared);
}

/** xl/workbook.xml names the sheets in order; its relationships say which part holds the first. */
async function firstSheetPath(zip: JSZip): Promise<string | null> {
  const workbook = await zip.file('xl/workbook.xml')?.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')?.async('string');
  if (!workbook || !rels) return null;
  let firstId: string | null = null;
  parse(workbook, { open: (tag) => (firstId ??= tag.name === 'sheet' ? (tag.attributes['r:id'] ?? null) : null) });
  let target: string | null = null;
  parse(rels, { open: (tag) => { if (tag.name === 'Relationship' && tag.attributes.Id === firstId) target = tag.attributes.Target ?? null; } });
  if (!target) return null;
  const path = (target as string).startsWith('/') ? (target as string).slice(1) : `xl/${target as string}`;
  return zip.file(path) ? path : null;
}

/** The shared strings table: each <si>'s text, its runs joined, without phonetic guides (<rPh>). */
async function sharedStrings(zip: JSZip): Promise<string[]> {
  const xml = await zip.file('xl/sharedStrings.xml')?.async('string');
  if (!xml) return [];
  const out: string[] = [];
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  parse(xml, {
    open: (tag) => {
      if (tag.name === 'si') current = '';
      else if (tag.name === 'rPh') phonetic++;
      else if (tag.name === 't' && phonetic === 0) inText = true;
    },
    text: (text) => { if (inText && current !== null) current += text; },
    close: (tag) => {
      if (tag.name === 't') inText = false;
      else if (tag.name === 'rPh') phonetic--;
      else if (tag.name === 'si') {
        out.push(current ?? '');
        current = null;
      }
    },
  });
  return out;
}

/** Cell values as text: shared and inline strings as written, whole numbers as their digits (codes and ID numbers typed as numbers). */
function sheetRows(xml: string, shared: readonly string[]): string[][] {
  const rows: string[][] = [];
  let row: string[] | null = null;
  let rowNumber = 0;
  let cell: { column: number; type: string } | null = null;
  let value = '';
  let capture = false;
  parse(xml, {
    open: (tag) => {
      if (tag.name === 'row') {
        rowNumber = Number(tag.attributes.r) || rowNumber + 1;
        row = [];
      } else if (tag.name === 'c' && row) {
        cell = { column: tag.attributes.r ? columnIndex(tag.attributes.r) : row.length, type: tag.attributes.t ?? 'n' };
        value = '';
      } else if (cell && (tag.name === 'v' || tag.name === 't')) capture = true;
    },
    text: (text) => { if (capture) value += text; },
    close: (tag) => {
      if (tag.name === 'v' || tag.name === 't') capture = false;
      else if (tag.name === 'c' && cell && row) {
        while (row.length < cell.column) row.push('');
        row[cell.column] = cellValue(cell.type, value, shared).trim();
        cell = null;
      } else if (tag.name === 'row' && row) {
        // Rows absent from the file are empty rows: keep sheet row numbers true.
        while (rows.length < rowNumber - 1) rows.push([]);
        rows.push(row);
        row = null;
      }
    },
  });
  if (rows[0]?.[0]) rows[0][0] = rows[0][0].replace(/^\uFEFF/, '');
  return rows;
}

function cellValue(type: string, raw: string, shared: readonly string[]): string {
  switch (type) {
    case 's': return shared[Number(raw)] ?? '';
    case 'inlineStr':
    case 'str':
    case 'e': return raw;
    case 'b': return raw === '1' ? 'TRUE' : 'FALSE';
    default: {
      const n = Number(raw);
      if (raw === '' || !Number.isFinite(n)) return raw;
      return Number.isInteger(n) ? n.toFixed(0) : String(n);
    }
  }
}

/** 'AB12' → 27 (zero-based column of the cell reference). */
function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

function parse(xml: string, on: { open?: (tag: SaxesTagPlain) => void; text?: (text: string) => void; close?: (tag: SaxesTagPlain) => void }): void {
  const parser = new SaxesParser();
  let failed: Error | null = null;
  parser.on('error', (e) => (failed ??= e));
  if (on.open) parser.on('opentag', on.open);
  if (on.text) parser.on('text', on.text);
  if (on.close) parser.on('closetag', on.close);
  parser.write(xml).close();
  if (failed) throw new AppError('FILE_NOT_XLSX', { field: 'file' });
}

export interface SheetPerson {
  name: string;
  idNumber: string;
  phone: string | null;
  groupName: string | null;
  address: string | null;
  relationWord: string;
  categories: string;
  note: string | null;
  sex: string;
  birthDate: string;
  age: number;
  status: string;
}

const EXTRA_COLUMNS = ['性别', '出生日期', '年龄', '状态'];

/**
 * A list of residents in the template's columns (so a full export imports
 * back as it is), then derived columns for reading. Streams rows into the
 * zip rather than building a workbook model, for large lists.
 */
export async function writeResidentSheet(people: Iterable<SheetPerson>, title: string): Promise<Buffer> {
  const { PassThrough } = await import('node:stream');
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(title.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [...RESIDENT_COLUMNS, ...EXTRA_COLUMNS].map((header, i) => ({ header, width: [10, 22, 15, 10, 16, 10, 22, 24, 6, 12, 6, 8][i] }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for (const p of people) {
    sheet.addRow([p.name, p.idNumber, p.phone ?? '', p.groupName ?? '', p.address ?? '', p.relationWord, p.categories, p.note ?? '', p.sex, p.birthDate, p.age, p.status]).commit();
  }
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

/** The import template: the columns, one example row, and a sheet naming the values each column takes. */
export async function writeTemplate(groupNames: readonly string[], example: readonly string[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('居民台账', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = RESIDENT_COLUMNS.map((header, i) => ({ header, width: [10, 22, 15, 10, 16, 10, 22, 24][i] }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow([...example]);
  // ID and phone columns as text: Excel would otherwise turn 18 digits into 4.30211E+17.
  sheet.getColumn(2).numFmt = '@';
  sheet.getColumn(3).numFmt = '@';
  const help = workbook.addWorksheet('填写说明');
  help.columns = [{ header: '列', width: 12 }, { header: '可填写的内容', width: 80 }];
  help.getRow(1).font = { bold: true };
  help.addRows([
    ['姓名', '必填'],
    ['身份证号', '必填，18 位，末位可为 X；性别和出生日期由身份证号得出'],
    ['联系电话', '11 位手机号，或带区号的固定电话（如 0731-85551234）'],
    ['居民小组', `必填，本社区的小组或网格：${groupNames.join('、')}`],
    ['门牌号', '必填；同一小组内门牌号相同的人为同一户'],
    ['与户主关系', '必填：户主、配偶（妻子、丈夫）、子女（儿子、女儿）、父母、孙子女、祖父母、兄弟姐妹、儿媳、女婿、其他'],
    ['人员类别', '可多个，用顿号分隔：独居、残疾人(一级至四级)、慢性病、外来人员、返乡人员、流动人口；65 岁以上由出生日期自动计算，无需填写'],
    ['备注', '选填'],
  ]);
  // A drop-down of the community's groups, from a list on the help sheet (inline lists are limited to 255 characters).
  groupNames.forEach((name, i) => (help.getCell(i + 2, 4).value = name));
  help.getCell(1, 4).value = '居民小组列表';
  const range = `'填写说明'!$D$2:$D$${Math.max(2, groupNames.length + 1)}`;
  for (let r = 2; r <= 2000; r++) sheet.getCell(r, 4).dataValidation = { type: 'list', allowBlank: true, formulae: [range] };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
