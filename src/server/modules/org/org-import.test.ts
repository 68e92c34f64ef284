import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { systemActor } from '../../../cli/system-actor.ts';
import { describeApi } from '../../../../test/harness.ts';
import { importOrgUnits } from './org-import.service.ts';

const dir = mkdtempSync(join(tmpdir(), 'linli-import-'));

async function xlsx(name: string, rows: (string | number)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('区划');
  for (const r of rows) ws.addRow(r);
  const file = join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

describeApi('importing org units', (t) => {
  it('loads a bureau-style .xlsx with numeric 12-digit codes, and a second load changes nothing', async () => {
    const file = await xlsx('yuhua.xlsx', [
      ['统计用区划代码', '名称', '上级代码'],
      [430000000000, '湖南省', ''],
      [430100000000, '长沙市', 430000000000],
      [430111000000, '雨花区', 430100000000],
      [430111001000, '侯家塘街道', 430111000000],
      [430111001001, '侯家塘社区', 430111001000],
      [430111001002, '曙光社区', 430111001000],
    ]);
    const first = await importOrgUnits(t.database, systemActor(), file);
    expect(first).toMatchObject({ created: 5, updated: 0, unchanged: 1, problems: [], written: true });
    const unit = await t.database.db.selectFrom('org_units').selectAll().where('code', '=', '430111001002').executeTakeFirstOrThrow();
    expect(unit.path).toBe('/430000/430100/430111/430111001/430111001002/');
    const again = await importOrgUnits(t.database, systemActor(), file);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 6, written: true });
  });

  it('reports each bad row and writes nothing', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, [
      '\uFEFFcode,name,parent_code,kind',
      '430211003018,新社区,430211003,',
      ',无编码,430211003,',
      '430211003019,,430211003,',
      '430212001001,错上级,430299001,',
      '430211003018,重复,430211003,',
      '430211003017-50,新组,430211003017,居民小组',
      'x-1,无层级,430211003017,',
    ].join('\n'));
    const before = await t.database.db.selectFrom('org_units').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const r = await importOrgUnits(t.database, systemActor(), file);
    expect(r.written).toBe(false);
    expect(r.problems.map((p) => [p.row, p.column, p.key])).toEqual([
      [3, 'code', 'validation.required'],
      [4, 'name', 'validation.required'],
      [5, 'parent', 'validation.unknownParent'],
      [6, 'code', 'validation.duplicateInFile'],
      [8, 'kind', 'validation.unknownKind'],
    ]);
    const after = await t.database.db.selectFrom('org_units').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    const partial = await importOrgUnits(t.database, systemActor(), file, { skipInvalid: true });
    expect(partial).toMatchObject({ created: 2, written: true });
    const group = await t.database.db.selectFrom('org_units').selectAll().where('code', '=', '430211003017-50').executeTakeFirstOrThrow();
    expect(group.kind).toBe('group');
  });

  it('says which columns are missing', async () => {
    const file = await xlsx('nocols.xlsx', [['名字', '上级']]);
    const r = await importOrgUnits(t.database, systemActor(), file);
    expect(r.problems.map((p) => p.params?.column)).toEqual(['code', 'name']);
  });

  it('refuses impossible dates per row, and a file without dates leaves dissolved units dissolved', async () => {
    const bad = join(dir, 'dates.csv');
    writeFileSync(bad, 'code,name,parent_code,kind,valid_from,valid_to\n430211003017-70,新组,430211003017,group,2020-13-45,\n430211003017-71,新组二,430211003017,group,2020-01-01,2019-01-01\n');
    const r = await importOrgUnits(t.database, systemActor(), bad);
    expect(r.problems.map((p) => [p.row, p.column, p.key])).toEqual([
      [2, 'valid_from', 'validation.date'],
      [3, 'valid_to', 'validation.validToBeforeFrom'],
    ]);
    const names = join(dir, 'names.csv');
    writeFileSync(names, 'code,name,parent_code,kind\n430211003017-17,黄泥组,430211003017,居民小组\n');
    const again = await importOrgUnits(t.database, systemActor(), names);
    expect(again).toMatchObject({ unchanged: 1, written: true });
    const unit = await t.database.db.selectFrom('org_units').selectAll().where('code', '=', '430211003017-17').executeTakeFirstOrThrow();
    expect(unit.valid_to).toBe('2018-07-01');
  });

  it('does not move a unit to another parent', async () => {
    const file = join(dir, 'move.csv');
    writeFileSync(file, 'code,name,parent_code\n430211003017,中路社区,420107006\n');
    const r = await importOrgUnits(t.database, systemActor(), file);
    expect(r.problems.map((p) => [p.row, p.key])).toEqual([[2, 'errors.CODE_NOT_UNDER_PARENT']]);
    expect(r.written).toBe(false);
  });
});
