import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../errors.ts';
import { cellText } from '../org/spreadsheet.ts';
import { RESIDENT_COLUMNS } from '../../../domain/residents/resident-sheet.ts';

/** .xlsx files are zip archives; anything else (.xls, .csv renamed, a photo) is refused before parsing. */
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * The first worksheet of an .xlsx file as rows of text, read as a stream so
 * that a 100,000-row ledger does not hold a whole workbook model in memory.
 */
export async function readFirstSheet(file: Buffer): Promise<string[][]> {
  if (file.length < 4 || !file.subarray(0, 4).equals(ZIP_MAGIC)) throw new AppError('FILE_NOT_XLSX', { field: 'file' });
  const rows: string[][] = [];
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(file), {
      sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'emit',
    });
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = Array.isArray(row.values) ? row.values : [];
        // Rows may be skipped in the file (empty ones): keep sheet row numbers true.
        while (rows.length < row.number - 1) rows.push([]);
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellText(values[i] as ExcelJS.CellValue));
        rows.push(cells);
      }
      break;
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('FILE_NOT_XLSX', { field: 'file' });
  }
  return rows;
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
