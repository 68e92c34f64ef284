import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { CODES, describeApi } from '../../../../test/harness.ts';
import { makeId, withWrongCheck } from '../../../../test/citizen-ids.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A real .xlsx made the way a community's sheet looks: a title row, then the header, then people. */
async function workbook(rows: (string | number)[][], opts: { title?: boolean; header?: string[] } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  if (opts.title !== false) ws.addRow(['中路社区居民信息登记表']);
  ws.addRow(opts.header ?? ['姓名', '身份证号', '联系电话', '居民小组', '门牌号', '与户主关系', '人员类别', '备注']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const people = {
  head: makeId('430211', '19480312', '015'),
  wife: makeId('430211', '19500921', '026'),
  son: makeId('430211', '19760115', '031'),
  other: makeId('430221', '19881108', '044'),
  alone: makeId('430211', '19391002', '062'),
};

describeApi('importing the resident sheet', (t) => {
  const importUrl = async (mode: string, extra = '') => `/api/communities/${await t.unit(CODES.zhonglu)}/resident-import?mode=${mode}${extra}`;
  const send = async (file: Buffer, mode: string, extra = '', as = 'zl.admin', headers: Record<string, string> = {}) =>
    t.call('POST', await importUrl(mode, extra), { as, body: file, headers: { 'content-type': XLSX, ...headers } });
  const good: (string | number)[][] = [
    ['易德华', people.head, '13907331001', '大海组', '导入1号', '户主', '慢性病', ''],
    ['彭秀兰', people.wife, '', '大海组', '导入1号', '妻子', '残疾人(二级)', ''],
    ['易建军', people.son, '13907331003', '大海组', '导入1号', '儿子', '', '在外务工'],
    ['谭丽', people.other, '0731-85551234', '草塘组', '导入5号', '户主', '返乡人员', ''],
  ];
  const bad: (string | number)[][] = [
    ...good,
    ['周桂英', withWrongCheck(people.alone), '1390733', '黄泥组', '导入9号', '户主', '独居、密接', ''],
  ];

  it('checks every row and reports each problem by row and column, writing nothing', async () => {
    const r = await send(await workbook(bad), 'check');
    expect(r.statusCode).toBe(200);
    expect(r.json).toMatchObject({ rows: 5, valid: 4, invalidRows: 1, created: 4, updated: 0, newHouseholds: 2, written: false });
    // The title row pushes the header to row 2: the bad person is on row 7.
    expect(r.json.problems).toEqual([
      { row: 7, column: '身份证号', message: '身份证号校验位不正确，请核对是否录错' },
      { row: 7, column: '联系电话', message: expect.stringContaining('11 位手机号') },
      { row: 7, column: '居民小组', message: '本社区没有名为“黄泥组”的居民小组或网格' },
      { row: 7, column: '人员类别', message: '无法识别的人员类别“密接”' },
    ]);
    const en = await send(await workbook(bad), 'check', '', 'zl.admin', { 'accept-language': 'en' });
    // The user's language is their account's (zh-CN) once signed in; the report follows it.
    expect(en.json.problems[0].message).toBe(r.json.problems[0].message);
    expect((await t.call('GET', `/api/residents?q=${people.head}`, { as: 'zl.admin' })).json.total).toBe(0);
  });

  it('refuses to write a file with problems unless told to import the valid rows only', async () => {
    const refused = await send(await workbook(bad), 'commit');
    expect(refused.statusCode).toBe(400);
    expect(refused.json).toMatchObject({ code: 'IMPORT_HAS_PROBLEMS', message: expect.stringContaining('1 行') });
    expect((await t.call('GET', `/api/residents?q=${people.head}`, { as: 'zl.admin' })).json.total).toBe(0);
  });

  it('imports the fixed file, then a second import of it changes nothing, and a correction updates in place', async () => {
    const fixed = [...good, ['周桂英', people.alone, '13907331009', '草坪组', '导入9号', '户主', '独居', '']];
    const r = await send(await workbook(fixed), 'commit');
    expect(r.json).toMatchObject({ rows: 5, valid: 5, created: 5, updated: 0, unchanged: 0, newHouseholds: 3, written: true, problems: [] });
    const head = (await t.call('GET', `/api/residents?q=${people.head}`, { as: 'zl.admin' })).json.items[0];
    expect(head).toMatchObject({ name: '易德华', relation: 'head', groupName: '大海组', address: '导入1号', categories: [{ category: 'chronic_illness' }], elderly: true });
    const household = await t.call('GET', `/api/households/${head.householdId}`, { as: 'zl.admin' });
    expect(household.json.members.map((m: { relation: string }) => m.relation)).toEqual(['head', 'spouse', 'child']);

    const again = await send(await workbook(fixed), 'commit');
    expect(again.json).toMatchObject({ created: 0, updated: 0, unchanged: 5, newHouseholds: 0, written: true });

    const corrected = fixed.map((row) => (row[1] === people.son ? ['易建军', people.son, '13907331099', '草坪组', '导入9号', '其他', '', ''] : row));
    const update = await send(await workbook(corrected), 'commit');
    expect(update.json).toMatchObject({ created: 0, updated: 1, unchanged: 4 });
    const son = (await t.call('GET', `/api/residents?q=${people.son}`, { as: 'zl.admin' })).json.items[0];
    expect(son).toMatchObject({ phoneMasked: '139****1099', groupName: '草坪组', address: '导入9号', relation: 'other' });
    const detail = await t.call('GET', `/api/residents/${son.id}`, { as: 'zl.admin' });
    expect(detail.json.memberships.at(-1)).toMatchObject({ address: '导入9号', to: null });
    const audit = await t.call('GET', '/api/audit-events?action=ledger.import', { as: 'zl.admin' });
    expect(audit.json.items[0]).toMatchObject({ action: 'ledger.import', after: expect.objectContaining({ updated: 1 }) });
  });

  it('keeps columns the file does not have, and refuses a second head or an ID held in another community', async () => {
    const header = ['姓名', '身份证号', '居民小组', '门牌号', '与户主关系'];
    const r = await send(await workbook([['易德华', people.head, '大海组', '导入1号', '户主']], { header }), 'commit');
    expect(r.json).toMatchObject({ unchanged: 1, written: true });
    expect((await t.call('GET', `/api/residents?q=${people.head}`, { as: 'zl.admin' })).json.items[0].phoneMasked).toBe('139****1001');
    const twoHeads = await send(await workbook([
      ['甲', makeId('430211', '19700101', '111'), '', '大海组', '导入20号', '户主', '', ''],
      ['乙', makeId('430211', '19700102', '111'), '', '大海组', '导入20号', '户主', '', ''],
    ]), 'check');
    expect(twoHeads.json.problems).toEqual([{ row: 4, column: '与户主关系', message: '同一户只能有一位户主（第 3 行已是户主）' }]);
    const elsewhere = await t.call('POST', `/api/communities/${await t.unit(CODES.chuanchang)}/resident-import?mode=check`, {
      as: 'cc.admin', body: await workbook([['易德华', people.head, '', 'B区', '1栋101', '户主', '', '']]), headers: { 'content-type': XLSX },
    });
    expect(elsewhere.json.problems).toEqual([{ row: 3, column: '身份证号', message: '该身份证号已由其他社区登记（仍在住），不能重复登记；如已迁来，请原社区先办理迁出' }]);
  });

  it('refuses files that are not .xlsx, have no recognisable header, or are too large, before parsing', async () => {
    const csv = await send(Buffer.from('姓名,身份证号\n张三,1\n'), 'check');
    expect(csv.json).toMatchObject({ code: 'FILE_NOT_XLSX', field: 'file' });
    const broken = await send(Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100, 1)]), 'check');
    expect(broken.json.code).toBe('FILE_NOT_XLSX');
    const noHeader = await send(await workbook([['张三', '1']], { header: ['名字', '号码'] }), 'check');
    expect(noHeader.json).toMatchObject({ code: 'FILE_NO_HEADER', message: expect.stringContaining('身份证号') });
    const huge = await send(Buffer.alloc(21 * 1_048_576), 'check');
    expect(huge.statusCode).toBe(413);
    expect(huge.json).toMatchObject({ code: 'FILE_TOO_LARGE', message: expect.stringContaining('20 MB') });
  });

  it('lets only the community’s managers import, and the template names its groups', async () => {
    const file = await workbook(good);
    expect((await send(file, 'check', '', 'zl.g01')).statusCode).toBe(404);
    expect((await send(file, 'check', '', 'cc.admin')).statusCode).toBe(404);
    expect((await send(file, 'check', '', 'zz.street')).statusCode).toBe(404);
    const template = await t.call('GET', `/api/communities/${await t.unit(CODES.zhonglu)}/resident-template`, { as: 'zl.admin' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.rawPayload as never);
    expect(wb.worksheets[0]!.getRow(1).values).toEqual([undefined, '姓名', '身份证号', '联系电话', '居民小组', '门牌号', '与户主关系', '人员类别', '备注']);
    expect(JSON.stringify(wb.worksheets[1]!.getColumn(4).values)).toContain('草坪组');
    // The template's example row imports cleanly.
    const example = await send(template.rawPayload, 'check');
    expect(example.json).toMatchObject({ valid: 1, problems: [] });
  });
}, { ledger: true });
