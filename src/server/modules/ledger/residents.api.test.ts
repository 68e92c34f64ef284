import { expect, it } from 'vitest';
import { CODES, describeApi } from '../../../../test/harness.ts';
import { makeId, withWrongCheck } from '../../../../test/citizen-ids.ts';
import { shanghaiDate } from '../../../domain/local-date.ts';
import { demoLedger } from '../demo/demo-ledger.ts';

const today = shanghaiDate();
const [zhonglu, chuanchang] = demoLedger(today);
/** A head of household in 大海组 (group 01), as the demo made them. */
const dahaiHead = zhonglu!.households.find((h) => h.groupCode === CODES.dahai)!.members[0]!;
const caotangPerson = zhonglu!.households.find((h) => h.groupCode === CODES.caotang)!.members[0]!;
const ccPerson = chuanchang!.households[0]!.members[0]!;

describeApi('the household ledger', (t) => {
  const find = async (as: string, q: string, extra = '') => (await t.call('GET', `/api/residents?q=${encodeURIComponent(q)}${extra}`, { as })).json;

  it('lists residents of one’s area with ID numbers and phones masked', async () => {
    const r = await t.call('GET', '/api/residents?pageSize=200', { as: 'zl.g01' });
    expect(r.statusCode).toBe(200);
    const dahai = zhonglu!.households.filter((h) => h.groupCode === CODES.dahai).flatMap((h) => h.members);
    // The demo's people plus those its screening round registered there.
    const figures = await t.call('GET', `/api/ledger/figures?unitId=${await t.unit(CODES.dahai)}`, { as: 'zl.g01' });
    expect(r.json.total).toBe(figures.json.total.residents);
    expect(r.json.total).toBeGreaterThanOrEqual(dahai.length);
    for (const p of r.json.items) {
      expect(p.idMasked).toMatch(/^\d{3}\*{11}[\dX]{4}$/);
      if (p.phoneMasked) expect(p.phoneMasked).toMatch(/^1\d{2}\*{4}\d{4}$/);
      expect(p.groupName).toBe('大海组');
      expect(JSON.stringify(p)).not.toContain(dahaiHead.idNumber);
    }
  });

  it('finds a person by pinyin initials, full pinyin, name, ID tails, phone and address', async () => {
    const { nameSearchKeys } = await import('../../../domain/residents/search-keys.ts');
    const keys = nameSearchKeys(dahaiHead.name);
    const hit = (items: { name: string; idMasked: string }[]) => items.some((p) => p.name === dahaiHead.name && p.idMasked.endsWith(dahaiHead.idNumber.slice(-4)));
    expect(hit((await find('zl.admin', keys.initials)).items)).toBe(true);
    expect(hit((await find('zl.admin', keys.full.toUpperCase())).items)).toBe(true);
    expect(hit((await find('zl.admin', dahaiHead.name.slice(1))).items)).toBe(true);
    expect(hit((await find('zl.admin', dahaiHead.idNumber.slice(-4))).items)).toBe(true);
    expect(hit((await find('zl.admin', dahaiHead.idNumber.slice(-6))).items)).toBe(true);
    expect(hit((await find('zl.admin', dahaiHead.idNumber)).items)).toBe(true);
    if (dahaiHead.phone) expect(hit((await find('zl.admin', dahaiHead.phone)).items)).toBe(true);
    const byAddress = await find('zl.g01', zhonglu!.households.find((h) => h.groupCode === CODES.dahai)!.address);
    expect(hit(byAddress.items)).toBe(true);
    // Part of a phone number other than its visible last 4 finds nothing: masked numbers cannot be read digit by digit.
    if (dahaiHead.phone) expect((await find('zl.admin', dahaiHead.phone.slice(3, 8))).items.some((p: { name: string }) => p.name === dahaiHead.name)).toBe(false);
  });

  it('keeps each role to its area: a grid worker sees their group, other communities see nothing', async () => {
    const all = await t.call('GET', `/api/residents?q=${encodeURIComponent(caotangPerson.idNumber)}`, { as: 'zl.admin' });
    const caotangId = all.json.items[0].id;
    expect((await t.call('GET', `/api/residents/${caotangId}`, { as: 'zl.g01' })).statusCode).toBe(404);
    expect((await t.call('GET', `/api/residents/${caotangId}`, { as: 'cc.admin' })).statusCode).toBe(404);
    expect((await find('zl.g01', caotangPerson.idNumber)).items).toEqual([]);
    expect((await find('cc.admin', caotangPerson.idNumber)).items).toEqual([]);
    expect((await t.call('GET', '/api/residents', { as: 'zz.city' })).statusCode).toBe(403);
    expect((await t.call('GET', '/api/residents', { as: 'zl.gate' })).statusCode).toBe(403);
    // The street reads its communities' lists, masked.
    const street = await t.call('GET', `/api/residents/${caotangId}`, { as: 'zz.street' });
    expect(street.statusCode).toBe(200);
    expect(street.json.can).toEqual({ edit: false, reveal: false, merge: false });
  });

  it('reveals one person’s full ID number and phone to a permitted role, and audits it', async () => {
    const id = (await find('zl.g01', dahaiHead.idNumber)).items[0].id;
    const r = await t.call('POST', `/api/residents/${id}/reveal`, { as: 'zl.g01' });
    expect(r.json).toEqual({ idNumber: dahaiHead.idNumber, phone: dahaiHead.phone });
    const denied = await t.call('POST', `/api/residents/${id}/reveal`, { as: 'zz.street' });
    expect(denied.statusCode).toBe(403);
    expect((await t.call('POST', `/api/residents/${id}/reveal`, { as: 'cc.admin' })).statusCode).toBe(404);
    const events = await t.call('GET', '/api/audit-events?action=sensitive', { as: 'zl.admin' });
    const e = events.json.items.find((x: { entityId: string }) => x.entityId === id);
    expect(e).toMatchObject({ action: 'sensitive.reveal', actorName: 'zl.g01' });
    expect(JSON.stringify(events.json)).not.toContain(dahaiHead.idNumber);
  });

  it('registers a person, derives sex, birth date and 65+, and refuses bad input with the field named', async () => {
    const dahai = await t.unit(CODES.dahai);
    const caoping = await t.unit(CODES.caoping);
    const idNumber = makeId('430211', '19500307', '123');
    const body = { household: { groupId: dahai, address: '99号' }, relation: 'head', name: '张树根', idNumber, phone: '13812345678', categories: [{ category: 'disabled', level: 3 }, { category: 'living_alone' }] };
    const bad = async (patch: object, as = 'zl.g01') => (await t.call('POST', '/api/residents', { as, body: { ...body, ...patch } })).json;
    expect(await bad({ idNumber: withWrongCheck(idNumber) })).toMatchObject({ code: 'INVALID_VALUE', field: 'idNumber', message: '身份证号校验位不正确，请核对是否录错' });
    expect(await bad({ idNumber: makeId('430211', '19500230', '123') })).toMatchObject({ field: 'idNumber', message: '身份证号中的出生日期不正确' });
    expect(await bad({ sex: 'female' })).toMatchObject({ code: 'ID_CONTRADICTS', field: 'sex' });
    expect(await bad({ birthDate: '1950-03-08' })).toMatchObject({ code: 'ID_CONTRADICTS', field: 'birthDate' });
    expect(await bad({ phone: '2381234567' })).toMatchObject({ code: 'VALIDATION_FAILED', field: 'phone' });
    expect(await bad({ household: { groupId: caoping, address: '1号' } })).toMatchObject({ code: 'NOT_FOUND', field: 'household.groupId' });
    expect(await bad({ categories: [{ category: 'disabled', level: 7 }] })).toMatchObject({ field: 'categories.0.level' });

    const made = await t.call('POST', '/api/residents', { as: 'zl.g01', body: { ...body, id: '0194b6a4-0000-7000-8000-000000000001' } });
    expect(made.statusCode).toBe(201);
    expect(made.json).toMatchObject({ name: '张树根', sex: 'male', birthDate: '1950-03-07', elderly: true, idMasked: '430***********' + idNumber.slice(-4), phoneMasked: '138****5678', relation: 'head', groupName: '大海组', address: '99号' });
    expect(made.json.categories).toEqual([{ category: 'disabled', level: 3 }, { category: 'living_alone' }]);
    // The same request again (a retry): the same person, not a second one.
    const again = await t.call('POST', '/api/residents', { as: 'zl.g01', body: { ...body, id: '0194b6a4-0000-7000-8000-000000000001' } });
    expect(again.statusCode).toBe(200);
    expect(again.json.id).toBe(made.json.id);
    // The same ID number in another household: refused, pointing at the record.
    const dup = await bad({ household: { groupId: dahai, address: '100号' }, relation: 'head' });
    expect(dup).toMatchObject({ code: 'DUPLICATE_ID', field: 'idNumber', ref: { type: 'resident', id: made.json.id } });
    expect(dup.message).toContain('99号');
    const elsewhere = await bad({ household: { groupId: await t.unit(CODES.zoneB), address: '1栋' } }, 'cc.admin');
    expect(elsewhere).toMatchObject({ code: 'DUPLICATE_ID_ELSEWHERE', field: 'idNumber' });
    // Not where: anyone holding ID numbers could otherwise learn where people live.
    expect(elsewhere.message).not.toContain('中路社区');
    // One head per household.
    const second = await bad({ idNumber: makeId('430211', '19520101', '222'), name: '李桂英' });
    expect(second).toMatchObject({ code: 'HOUSEHOLD_HAS_HEAD', field: 'relation' });
  });

  it('keeps the history of moves and status changes, and counts any past day as it was', async () => {
    const dahai = await t.unit(CODES.dahai);
    const person = (await find('zl.admin', dahaiHead.idNumber)).items[0];
    const before = await t.call('GET', `/api/residents/${person.id}`, { as: 'zl.admin' });
    const moved = await t.call('POST', `/api/residents/${person.id}/move`, { as: 'zl.admin', body: { version: before.json.version, household: { groupId: dahai, address: '新村8号' }, relation: 'head', on: today } });
    expect(moved.statusCode).toBe(200);
    expect(moved.json.address).toBe('新村8号');
    expect(moved.json.memberships).toHaveLength(2);
    expect(moved.json.memberships[0]).toMatchObject({ to: today, endReason: 'moved_within' });
    const early = await t.call('POST', `/api/residents/${person.id}/status`, { as: 'zl.admin', body: { version: moved.json.version, status: 'moved_out', on: '2001-01-01' } });
    expect(early.json).toMatchObject({ code: 'DATE_ORDER', field: 'on' });
    const stale = await t.call('POST', `/api/residents/${person.id}/status`, { as: 'zl.admin', body: { version: before.json.version, status: 'deceased', on: today } });
    expect(stale.json.code).toBe('CHANGED_CONCURRENTLY');
    const gone = await t.call('POST', `/api/residents/${person.id}/status`, { as: 'zl.admin', body: { version: moved.json.version, status: 'moved_out', on: today } });
    expect(gone.json).toMatchObject({ status: 'moved_out', statusSince: today, householdId: null });
    expect((await find('zl.admin', dahaiHead.idNumber)).items).toEqual([]);
    expect((await find('zl.admin', dahaiHead.idNumber, '&status=moved_out')).items).toHaveLength(1);
  });

  it('gives the report’s figures for a group, a community and the levels above, on any day', async () => {
    const community = await t.unit(CODES.zhonglu);
    // Before the demo's screening round registered newcomers (it started 2 days ago): the report's figures exactly.
    const before = shanghaiDate(new Date(Date.now() - 4 * 86_400_000));
    const f = await t.call('GET', `/api/ledger/figures?unitId=${community}&day=${before}`, { as: 'zl.admin' });
    expect(f.json.total).toMatchObject({ groups: 16, households: 387, residents: 1637 });
    expect(f.json.children).toHaveLength(16);
    expect(f.json.children.reduce((s: number, c: { figures: { residents: number } }) => s + c.figures.residents, 0)).toBe(1637);
    const cc = await t.call('GET', `/api/ledger/figures?unitId=${await t.unit(CODES.chuanchang)}`, { as: 'zz.city' });
    expect(cc.statusCode).toBe(404);
    const province = await t.call('GET', '/api/ledger/figures', { as: 'zz.city' });
    expect(province.json.unit.name).toBe('株洲市');
    expect(province.json.total.residents).toBe((await t.call('GET', `/api/ledger/figures?unitId=${community}`, { as: 'zl.admin' })).json.total.residents);
    const wuhan = await t.call('GET', `/api/ledger/figures?unitId=${await t.unit(CODES.chuanchang)}`, { as: 'cc.admin' });
    expect(wuhan.json.total.categories.elderly).toBe(400);
    expect(wuhan.json.total.residents).toBe(4000);
    const future = await t.call('GET', `/api/ledger/figures?day=2999-01-01`, { as: 'zl.admin' });
    expect(future.json).toMatchObject({ code: 'DATE_ORDER', field: 'day' });
    expect((await t.call('GET', '/api/ledger/figures', { as: 'zl.gate' })).statusCode).toBe(403);
  });

  it('lists likely duplicates and merges one, audited', async () => {
    const dahai = await t.unit(CODES.dahai);
    const a = await t.call('POST', '/api/residents', { as: 'zl.admin', body: { household: { groupId: dahai, address: '双胞1号' }, relation: 'head', name: '赵德明', idNumber: makeId('430211', '19600505', '017') } });
    const b = await t.call('POST', '/api/residents', { as: 'zl.admin', body: { household: { groupId: dahai, address: '双胞2号' }, relation: 'head', name: '赵德明', idNumber: makeId('430221', '19600505', '017'), categories: [{ category: 'chronic_illness' }] } });
    const groups = await t.call('GET', `/api/residents-duplicates?unitId=${await t.unit(CODES.zhonglu)}`, { as: 'zl.admin' });
    const group = groups.json.find((g: { name: string }) => g.name === '赵德明');
    expect(group.residents.map((r: { id: string }) => r.id).sort()).toEqual([a.json.id, b.json.id].sort());
    expect((await t.call('GET', `/api/residents-duplicates?unitId=${dahai}`, { as: 'zl.g01' })).statusCode).toBe(404);
    const merged = await t.call('POST', `/api/residents/${b.json.id}/merge`, { as: 'zl.admin', body: { version: b.json.version, intoId: a.json.id } });
    expect(merged.json.categories).toEqual([{ category: 'chronic_illness' }]);
    expect((await t.call('GET', `/api/residents/${b.json.id}`, { as: 'zl.admin' })).json).toMatchObject({ status: 'merged', mergedInto: a.json.id });
    const events = await t.call('GET', '/api/audit-events?action=ledger', { as: 'zl.admin' });
    expect(events.json.items.find((e: { action: string }) => e.action === 'ledger.resident.merge')).toMatchObject({ entityId: b.json.id });
  });

  it('exports the filtered list to .xlsx, masked, or in full for a role that may reveal (audited)', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const read = async (url: string, as: string) => {
      const r = await t.call('GET', url, { as });
      expect(r.headers['content-type']).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(r.rawPayload as never);
      return wb.worksheets[0]!;
    };
    const sheet = await read(`/api/residents/export?unitId=${await t.unit(CODES.chuanchang)}&category=elderly`, 'cc.admin');
    expect(sheet.rowCount).toBe(401);
    expect(sheet.getRow(1).values).toEqual([undefined, '姓名', '身份证号', '联系电话', '居民小组', '门牌号', '与户主关系', '人员类别', '备注', '性别', '出生日期', '年龄', '状态']);
    expect(String(sheet.getRow(2).getCell(2).value)).toMatch(/\*{11}/);
    const full = await read(`/api/residents/export?q=${ccPerson.idNumber}&full=true`, 'cc.admin');
    expect(full.getRow(2).getCell(2).value).toBe(ccPerson.idNumber);
    expect((await t.call('GET', '/api/residents/export?full=true', { as: 'zz.street' })).statusCode).toBe(403);
    const events = await t.call('GET', '/api/audit-events?action=sensitive', { as: 'cc.admin' });
    expect(events.json.items[0]).toMatchObject({ action: 'sensitive.export', after: expect.objectContaining({ count: 1 }) });
  });
}, { ledger: true });
