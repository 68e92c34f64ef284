import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { CODES, describeApi } from '../../../../test/harness.ts';
import { makeId } from '../../../../test/citizen-ids.ts';
import { checkCharacter } from '../../../domain/residents/citizen-id.ts';
import { shanghaiDate } from '../../../domain/local-date.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const today = shanghaiDate();
const uuid = () => crypto.randomUUID();

async function workbook(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(['姓名', '身份证号', '联系电话', '居民小组', '门牌号', '与户主关系', '人员类别', '备注']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The cases a review of the ledger found, each kept as a test. */
describeApi('the ledger’s edge cases', (t) => {
  const create = (as: string, body: object) => t.call('POST', '/api/residents', { as, body });
  const importFile = async (file: Buffer, mode: string, extra = '') =>
    t.call('POST', `/api/communities/${await t.unit(CODES.zhonglu)}/resident-import?mode=${mode}${extra}`, { as: 'zl.admin', body: file, headers: { 'content-type': XLSX } });

  it('does not let a role without reveal confirm guesses of a masked ID number or phone', async () => {
    const page = await t.call('GET', `/api/residents?unitId=${await t.unit(CODES.caotang)}&pageSize=1`, { as: 'zz.street' });
    const p = page.json.items[0];
    const truth = (await t.call('POST', `/api/residents/${p.id}/reveal`, { as: 'zl.admin' })).json;
    // The mask and the birth date leave the place code's last 3 digits: a whole-number search must not confirm any guess.
    for (const c of ['000', truth.idNumber.slice(3, 6)]) {
      const first17 = `${p.idMasked.slice(0, 3)}${c}${p.birthDate.replaceAll('-', '')}${p.idMasked.slice(-4, -1)}`;
      const r = await t.call('GET', `/api/residents?q=${first17 + checkCharacter(first17)}`, { as: 'zz.street' });
      expect(r.json.items).toEqual([]);
    }
    if (truth.phone) expect((await t.call('GET', `/api/residents?q=${truth.phone}`, { as: 'zz.street' })).json.items).toEqual([]);
    // Those who may reveal find by the whole number.
    expect((await t.call('GET', `/api/residents?q=${truth.idNumber}`, { as: 'zl.admin' })).json.items[0].id).toBe(p.id);
    expect((await t.call('GET', '/api/residents/export?q=zzzzzzzzqq&full=true', { as: 'zz.street' })).statusCode).toBe(403);
  });

  it('refuses to bring back the deceased by import, and moves in someone who moved out of another community, without their past there', async () => {
    const dahai = await t.unit(CODES.dahai);
    const idNumber = makeId('430211', '19400101', '071');
    const made = await create('zl.admin', { household: { groupId: dahai, address: '故1号' }, relation: 'head', name: '王故', idNumber });
    await t.call('POST', `/api/residents/${made.json.id}/status`, { as: 'zl.admin', body: { version: made.json.version, status: 'deceased', on: today } });
    const check = await importFile(await workbook([['王故', idNumber, '', '大海组', '故1号', '户主', '', '']]), 'check');
    expect(check.json.problems).toEqual([{ row: 2, column: '身份证号', message: '该身份证号属于已故居民，请核对' }]);

    const other = makeId('420107', '19700101', '081');
    const cc = await create('cc.admin', { household: { groupId: await t.unit(CODES.zoneB), address: '9栋101' }, relation: 'head', name: '船厂人', idNumber: other, since: '2020-01-01' });
    await t.call('POST', `/api/residents/${cc.json.id}/status`, { as: 'cc.admin', body: { version: cc.json.version, status: 'moved_out', on: today } });
    const moved = await create('zl.admin', { household: { groupId: dahai, address: '迁1号' }, relation: 'head', name: '船厂人', idNumber: other, phone: '13912345678' });
    expect(moved.statusCode).toBe(201);
    expect(moved.json).toMatchObject({ id: cc.json.id, status: 'living', address: '迁1号', communityName: '中路社区' });
    expect(moved.json.memberships.map((m: { address: string }) => m.address)).toEqual(['迁1号']);
    expect((await t.call('GET', `/api/residents/${cc.json.id}`, { as: 'cc.admin' })).statusCode).toBe(404);
  });

  it('never leaves two heads in a household when importing the valid rows only', async () => {
    const a = await create('zl.admin', { household: { groupId: await t.unit(CODES.dahai), address: '两主1号' }, relation: 'head', name: '甲户主', idNumber: makeId('430211', '19600101', '101') });
    await create('zl.admin', { household: { groupId: await t.unit(CODES.dahai), address: '两主2号' }, relation: 'head', name: '丙户主', idNumber: makeId('430211', '19600101', '121') });
    const file = await workbook([
      ['乙新人', makeId('430211', '19650101', '111'), '', '大海组', '两主1号', '户主', '', ''],
      ['甲户主', makeId('430211', '19600101', '101'), '', '大海组', '两主2号', '户主', '', ''],
    ]);
    const r = await importFile(file, 'commit', '&skipInvalid=true');
    expect(r.json.problems.map((p: { row: number }) => p.row).sort()).toEqual([2, 3]);
    const h = await t.call('GET', `/api/households/${a.json.householdId}`, { as: 'zl.admin' });
    expect(h.json.members.filter((m: { relation: string }) => m.relation === 'head').map((m: { name: string }) => m.name)).toEqual(['甲户主']);
  });

  it('keeps one household at a time: no return dated before the move out, no join in the future', async () => {
    const dahai = await t.unit(CODES.dahai);
    const p = await create('zl.admin', { household: { groupId: dahai, address: '回1号' }, relation: 'head', name: '回来人', idNumber: makeId('430211', '19800101', '131'), since: '2020-01-01' });
    const gone = await t.call('POST', `/api/residents/${p.json.id}/status`, { as: 'zl.admin', body: { version: p.json.version, status: 'moved_out', on: '2020-03-01' } });
    const back = await t.call('POST', `/api/residents/${p.json.id}/move`, { as: 'zl.admin', body: { version: gone.json.version, household: { groupId: dahai, address: '回2号' }, relation: 'head', on: '2020-02-01' } });
    expect(back.json).toMatchObject({ code: 'DATE_ORDER', field: 'on' });
    const future = shanghaiDate(new Date(Date.now() + 2 * 86_400_000));
    const later = await create('zl.admin', { household: { groupId: dahai, address: '未来1号' }, relation: 'head', name: '未来人', idNumber: makeId('430211', '19800101', '141'), since: future });
    expect(later.json).toMatchObject({ code: 'DATE_ORDER', field: 'since' });
  });

  it('lists the children in force on the day asked, not those made since', async () => {
    const community = await t.unit(CODES.zhonglu);
    const made = await t.call('POST', '/api/org-units', { as: 'zl.admin', body: { parentId: community, kind: 'group', code: `${CODES.zhonglu}-30`, name: '新设组', validFrom: today } });
    expect(made.statusCode).toBe(201);
    const yesterday = shanghaiDate(new Date(Date.now() - 86_400_000));
    const before = await t.call('GET', `/api/ledger/figures?unitId=${community}&day=${yesterday}`, { as: 'zl.admin' });
    expect(before.json.children.map((c: { name: string }) => c.name)).not.toContain('新设组');
    expect(before.json.children).toHaveLength(16);
    const now = await t.call('GET', `/api/ledger/figures?unitId=${community}`, { as: 'zl.admin' });
    expect(now.json.children.map((c: { name: string }) => c.name)).toContain('新设组');
  });

  it('answers figures and the 65+ list on 29 February', async () => {
    const f = await t.call('GET', `/api/ledger/figures?unitId=${await t.unit(CODES.zhonglu)}&day=2024-02-29`, { as: 'zl.admin' });
    expect(f.statusCode).toBe(200);
    expect(f.json.total.residents).toBeGreaterThan(1000);
  });

  it('refuses categories twice or a level on anything but a disability, and a retry with other content', async () => {
    const body = { household: { groupId: await t.unit(CODES.dahai), address: '类1号' }, relation: 'head', name: '类别人', idNumber: makeId('430211', '19700101', '151') };
    expect((await create('zl.admin', { ...body, categories: [{ category: 'living_alone' }, { category: 'living_alone' }] })).json).toMatchObject({ field: 'categories.1.category' });
    expect((await create('zl.admin', { ...body, categories: [{ category: 'returnee', level: 3 }] })).json).toMatchObject({ field: 'categories.0.level' });
    const id = uuid();
    expect((await create('zl.admin', { ...body, id })).statusCode).toBe(201);
    expect((await create('zl.admin', { ...body, id, name: '别的人' })).json).toMatchObject({ code: 'ID_CONFLICT', field: 'id' });
  });

  it('makes one household of concurrent registrations at a new address', async () => {
    const groupId = await t.unit(CODES.dahai);
    const answers = await Promise.all([0, 1, 2].map((i) => create('zl.admin', {
      household: { groupId, address: '抢1号' }, relation: i === 0 ? 'head' : 'child', name: `同时${i}`, idNumber: makeId('430211', '19900101', String(161 + i * 2)),
    })));
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((a) => a.json.householdId)).size).toBe(1);
  });

  it('stores the other visits of a batch when one repeats an arrival, and compares closing times as instants', async () => {
    const community = await t.unit(CODES.zhonglu);
    const round = (await t.call('POST', '/api/screening/rounds', { as: 'zl.admin', body: { communityId: community, name: '边界摸排', groupIds: [await t.unit(CODES.dahai), await t.unit(CODES.dahai)], startsOn: today } })).json;
    expect(round.groups).toHaveLength(1);
    const households = (await t.call('GET', `/api/screening/rounds/${round.id}/unvisited`, { as: 'zl.admin' })).json;
    const arrival = { id: uuid(), name: '重复到达', idNumber: makeId('440305', '19950606', '019'), category: 'returnee', relation: 'other' };
    const visit = (householdId: string, arrivals: object[] = []) => ({ id: uuid(), roundId: round.id, householdId, visitedAt: new Date().toISOString(), outcome: 'visited', presentIds: [], health: { fever: false, cough: false }, arrivals });
    expect((await t.call('POST', '/api/screening/visits', { as: 'zl.g01', body: { visits: [visit(households[0].id, [arrival])] } })).json[0].result).toBe('stored');
    const batch = await t.call('POST', '/api/screening/visits', { as: 'zl.g01', body: { visits: [visit(households[0].id, [arrival]), visit(households[1].id)] } });
    expect(batch.json.map((r: { result: string }) => r.result)).toEqual(['stored', 'stored']);
    await t.call('POST', `/api/screening/rounds/${round.id}/close`, { as: 'zl.admin' });
    const afterClose = new Date(Date.now() + 60_000);
    const offset = new Date(afterClose.getTime() - 3_600_000).toISOString().replace('Z', '-01:00');
    const late = await t.call('POST', '/api/screening/visits', { as: 'zl.g01', body: { visits: [{ ...visit(households[2].id), visitedAt: offset }] } });
    expect(late.json[0]).toMatchObject({ result: 'refused', code: 'ROUND_CLOSED' });
  });

  it('filters by tag whatever its case, on both databases', async () => {
    await create('zl.admin', { household: { groupId: await t.unit(CODES.dahai), address: '标1号' }, relation: 'head', name: '标签人', idNumber: makeId('430211', '19700101', '171'), tags: ['VIP'] });
    expect((await t.call('GET', '/api/residents?tag=vip', { as: 'zl.admin' })).json.total).toBe(1);
  });
}, { ledger: true });
