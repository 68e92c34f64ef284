import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readFirstSheet } from './resident-workbook.ts';

describe('reading the first sheet of an .xlsx', () => {
  it('reads shared strings, rich text, numbers typed for codes, gaps and the first sheet only', async () => {
    const wb = new ExcelJS.Workbook();
    const first = wb.addWorksheet('台账');
    first.addRow(['中路社区居民登记表']);
    first.addRow(['姓名', '身份证号', '联系电话']);
    first.getCell('A4').value = { richText: [{ text: '张' }, { text: '树根', font: { bold: true } }] };
    first.getCell('B4').value = 430211003017;
    first.getCell('C4').value = 13812345678;
    first.getCell('E4').value = 'x<&>"y';
    wb.addWorksheet('其他').addRow(['不读这里']);
    const rows = await readFirstSheet(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(rows).toEqual([['中路社区居民登记表'], ['姓名', '身份证号', '联系电话'], [], ['张树根', '430211003017', '13812345678', '', 'x<&>"y']]);
  });

  it('keeps every Chinese character of a large sheet written with inline strings', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'linli-xlsx-')), 'big.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
    const ws = writer.addWorksheet('台账');
    const names = ['草塘组', '与户主关系', '返乡人员', '独居、残疾人(二级)'];
    // Large enough that the zip inflates the sheet in many chunks (exceljs's streaming reader garbled about 1 row in 14,000).
    for (let i = 0; i < 60_000; i++) ws.addRow([names[i % 4], `${i}号`]).commit();
    ws.commit();
    await writer.commit();
    const rows = await readFirstSheet(readFileSync(file));
    expect(rows).toHaveLength(60_000);
    expect(rows.every((r, i) => r[0] === names[i % 4] && r[1] === `${i}号`)).toBe(true);
  });

  it('refuses what is not an .xlsx', async () => {
    await expect(readFirstSheet(Buffer.from('姓名,身份证号\n'))).rejects.toMatchObject({ code: 'FILE_NOT_XLSX' });
    await expect(readFirstSheet(Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64, 7)]))).rejects.toMatchObject({ code: 'FILE_NOT_XLSX' });
  });
});
