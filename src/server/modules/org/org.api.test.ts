import { expect, it } from 'vitest';
import { uuidv7 } from '../../../domain/ids.ts';
import { orgRepository } from './org.repository.ts';
import { CODES, describeApi } from '../../../../test/harness.ts';

describeApi('the hierarchy', (t) => {
  it('shows a community administrator their community, its 16 current groups, and the 3 dissolved on request', async () => {
    const roots = await t.call('GET', '/api/org-units', { as: 'zl.admin' });
    expect(roots.json.map((u: { name: string }) => u.name)).toEqual(['中路社区']);
    const id = roots.json[0].id;
    const current = await t.call('GET', `/api/org-units?parentId=${id}`, { as: 'zl.admin' });
    expect(current.json).toHaveLength(16);
    const all = await t.call('GET', `/api/org-units?parentId=${id}&includeDissolved=true`, { as: 'zl.admin' });
    expect(all.json).toHaveLength(19);
    const dissolved = all.json.filter((u: { current: boolean }) => !u.current);
    expect(dissolved.map((u: { validTo: string }) => u.validTo)).toEqual(['2018-07-01', '2018-07-01', '2018-07-01']);
  });

  it('shows a unit with its ancestors', async () => {
    const r = await t.call('GET', `/api/org-units/${await t.unit(CODES.dahai)}`, { as: 'zl.g01' });
    expect(r.statusCode).toBe(200);
    expect(r.json.name).toBe('大海组');
    expect(r.json.ancestors.map((a: { code: string }) => a.code)).toEqual(['430000', '430200', '430211', '430211003', '430211003017']);
    expect(r.json.canManage).toBe(false);
    expect(r.json.canEdit).toBe(false);
  });

  it('tells the console what the user may do: a community adds groups and edits them, not itself', async () => {
    const community = await t.call('GET', `/api/org-units/${await t.unit(CODES.zhonglu)}`, { as: 'zl.admin' });
    expect([community.json.canManage, community.json.canEdit]).toEqual([true, false]);
    const group = await t.call('GET', `/api/org-units/${await t.unit(CODES.dahai)}`, { as: 'zl.admin' });
    expect([group.json.canManage, group.json.canEdit]).toEqual([true, true]);
  });

  it('does not let a grid worker read another grid, their community, or guessed ids', async () => {
    for (const code of [CODES.caotang, CODES.zhonglu, CODES.chuanchang, CODES.zoneB]) {
      const r = await t.call('GET', `/api/org-units/${await t.unit(code)}`, { as: 'zl.g01' });
      expect(r.statusCode, code).toBe(404);
      expect(r.json.code).toBe('NOT_FOUND');
    }
    const guessed = await t.call('GET', `/api/org-units/${uuidv7()}`, { as: 'zl.g01' });
    expect(guessed.json).toEqual((await t.call('GET', `/api/org-units/${await t.unit(CODES.caotang)}`, { as: 'zl.g01' })).json);
    const children = await t.call('GET', `/api/org-units?parentId=${await t.unit(CODES.zhonglu)}`, { as: 'zl.g01' });
    expect(children.statusCode).toBe(404);
    const search = await t.call('GET', `/api/org-units?q=${encodeURIComponent('组')}`, { as: 'zl.g01' });
    expect(search.json.map((u: { name: string }) => u.name)).toEqual(['大海组']);
  });

  it('does not let a grid worker write, nor a community write outside itself', async () => {
    const caotang = await t.unit(CODES.caotang);
    const byWorker = await t.call('PATCH', `/api/org-units/${caotang}`, { as: 'zl.g01', body: { name: 'x' } });
    expect(byWorker.statusCode).toBe(404);
    const own = await t.call('PATCH', `/api/org-units/${await t.unit(CODES.dahai)}`, { as: 'zl.g01', body: { name: 'x' } });
    expect(own.statusCode).toBe(403);
    expect(own.json.code).toBe('FORBIDDEN');
    const zoneB = await t.call('PATCH', `/api/org-units/${await t.unit(CODES.zoneB)}`, { as: 'zl.admin', body: { name: 'x' } });
    expect(zoneB.statusCode).toBe(404);
    const itself = await t.call('PATCH', `/api/org-units/${await t.unit(CODES.zhonglu)}`, { as: 'zl.admin', body: { name: 'x' } });
    expect(itself.statusCode).toBe(403);
    const under = await t.call('POST', '/api/org-units', { as: 'zl.admin', body: { parentId: await t.unit(CODES.chuanchang), kind: 'grid', code: '420107006001-Z', name: 'Z区' } });
    expect(under.statusCode).toBe(404);
    expect(under.json.field).toBe('parentId');
  });

  it('lets a street see both its communities’ tree but not another city', async () => {
    const roots = await t.call('GET', '/api/org-units', { as: 'zz.street' });
    expect(roots.json.map((u: { name: string }) => u.name)).toEqual(['栗雨街道']);
    expect((await t.call('GET', `/api/org-units/${await t.unit(CODES.dahai)}`, { as: 'zz.street' })).statusCode).toBe(200);
    expect((await t.call('GET', `/api/org-units/${await t.unit(CODES.chuanchang)}`, { as: 'zz.street' })).statusCode).toBe(404);
  });

  it('creates a group once even when the request is retried with the same id, and audits it', async () => {
    const id = uuidv7();
    const body = { id, parentId: await t.unit(CODES.zhonglu), kind: 'group', code: '430211003017-30', name: '新建组', validFrom: '2026-01-01' };
    const first = await t.call('POST', '/api/org-units', { as: 'zl.admin', body });
    expect(first.statusCode).toBe(201);
    expect(first.json.path).toBe('/430000/430200/430211/430211003/430211003017/430211003017-30/');
    const retry = await t.call('POST', '/api/org-units', { as: 'zl.admin', body });
    expect(retry.statusCode).toBe(200);
    expect(retry.json.id).toBe(id);
    const count = await t.database.db.selectFrom('org_units').select((eb) => eb.fn.countAll().as('n')).where('code', '=', body.code).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
    const reused = await t.call('POST', '/api/org-units', { as: 'zl.admin', body: { ...body, code: '430211003017-31' } });
    expect(reused.statusCode).toBe(409);
    expect(reused.json.code).toBe('ID_CONFLICT');
    const audit = await t.call('GET', `/api/audit-events?action=org.create&unitId=${id}`, { as: 'zl.admin' });
    expect(audit.json.items).toHaveLength(1);
    expect(audit.json.items[0]).toMatchObject({ actorName: 'zl.admin', entityId: id, after: { name: '新建组', code: '430211003017-30' } });
    expect(audit.json.items[0].actorRole).toBe('community_admin@/430000/430200/430211/430211003/430211003017/');
  });

  it('dissolves a group: it leaves the current list, keeps its history, and takes no new roles', async () => {
    const parentId = await t.unit(CODES.zhonglu);
    const made = await t.call('POST', '/api/org-units', { as: 'zl.admin', body: { parentId, kind: 'group', code: '430211003017-40', name: '征地组', validFrom: '2010-01-01' } });
    const id = made.json.id;
    const dissolved = await t.call('PATCH', `/api/org-units/${id}`, { as: 'zl.admin', body: { validTo: '2020-03-01' } });
    expect(dissolved.json.current).toBe(false);
    const current = await t.call('GET', `/api/org-units?parentId=${parentId}`, { as: 'zl.admin' });
    expect(current.json.some((u: { id: string }) => u.id === id)).toBe(false);
    const audit = await t.call('GET', `/api/audit-events?unitId=${id}&action=org.dissolve`, { as: 'zl.admin' });
    expect(audit.json.items[0]).toMatchObject({ before: { validTo: null }, after: { validTo: '2020-03-01' } });
    const role = await t.call('POST', '/api/users', { as: 'zl.admin', body: { username: 'late.worker', displayName: '迟到', roles: [{ role: 'grid_worker', unitId: id }] } });
    expect(role.statusCode).toBe(400);
    expect(role.json).toMatchObject({ code: 'UNIT_DISSOLVED', field: 'roles.0.unitId' });
  });

  it('answers bad input with the field and a message in the user’s language', async () => {
    const parentId = await t.unit(CODES.zhonglu);
    const empty = await t.call('POST', '/api/org-units', { as: 'zl.admin', body: { parentId, kind: 'group', code: '', name: '' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json.code).toBe('VALIDATION_FAILED');
    expect(empty.json.details.map((d: { field: string }) => d.field).sort()).toEqual(['code', 'name']);
    expect(empty.json.details[0].message).toBe('必填');
    const kind = await t.call('POST', '/api/org-units', { as: 'zl.admin', body: { parentId, kind: 'planet', code: 'x', name: 'x' }, headers: { 'accept-language': 'en' } });
    expect(kind.json.field).toBe('kind');
    const nesting = await t.call('POST', '/api/org-units', { as: 'zl.admin', body: { parentId, kind: 'street', code: '430211003099', name: 'x' } });
    expect(nesting.json).toMatchObject({ code: 'ORG_NESTING', field: 'kind', message: '“街道/乡镇”不能设在“社区/村”之下' });
    const taken = await t.call('POST', '/api/org-units', { as: 'zl.admin', body: { parentId, kind: 'group', code: CODES.dahai, name: 'x' } });
    expect(taken.json).toMatchObject({ code: 'CODE_TAKEN', field: 'code' });
    const badDates = await t.call('PATCH', `/api/org-units/${await t.unit(CODES.dahai)}`, { as: 'zl.admin', body: { validFrom: '2020-01-01', validTo: '2019-01-01' } });
    expect(badDates.json).toMatchObject({ code: 'VALIDATION_FAILED', field: 'validTo' });
  });

  it('checks national codes against the parent', async () => {
    const cookie = await t.login('zz.district');
    const district = await t.unit('430211');
    const wrong = await t.call('POST', '/api/org-units', { headers: { cookie }, body: { parentId: district, kind: 'street', code: '430212001', name: '别处街道' } });
    expect(wrong.json).toMatchObject({ code: 'CODE_NOT_UNDER_PARENT', field: 'code' });
    const shape = await t.call('POST', '/api/org-units', { headers: { cookie }, body: { parentId: district, kind: 'street', code: '4302110', name: '短码' } });
    expect(shape.json).toMatchObject({ code: 'CODE_FORMAT' });
    const tooLong = await t.call('POST', '/api/org-units', { headers: { cookie }, body: { parentId: district, kind: 'street', code: '430211000005000', name: '新街道' } });
    expect(tooLong.statusCode).toBe(400);
    const good = await t.call('POST', '/api/org-units', { headers: { cookie }, body: { parentId: district, kind: 'street', code: '430211009', name: '新街道' } });
    expect(good.statusCode).toBe(201);
  });

  it('writes a change only over the values it read, so the audited "before" is what was replaced', async () => {
    const id = await t.unit(CODES.dahai);
    const row = await orgRepository.findById(t.database.db, id);
    await orgRepository.update(t.database.db, id, { name: '别人先改了' });
    const changes = { name: '我的修改', valid_from: row!.valid_from, valid_to: row!.valid_to, updated_at: new Date().toISOString() };
    expect(await orgRepository.updateIfUnchanged(t.database.db, row!, changes)).toBe(false);
    expect((await orgRepository.findById(t.database.db, id))!.name).toBe('别人先改了');
    const fresh = await orgRepository.findById(t.database.db, id);
    expect(await orgRepository.updateIfUnchanged(t.database.db, fresh!, { ...changes, name: '大海组' })).toBe(true);
  });

  it('keeps local codes inside their community, so nobody can take another area’s codes', async () => {
    const parentId = await t.unit(CODES.zhonglu);
    const squat = await t.call('POST', '/api/org-units', { as: 'zl.admin', body: { parentId, kind: 'group', code: '420107006002', name: '抢注' } });
    expect(squat.json).toMatchObject({ code: 'CODE_NOT_UNDER_PARENT', field: 'code' });
  });

  it('does not dissolve a unit whose groups are still in force', async () => {
    const r = await t.call('PATCH', `/api/org-units/${await t.unit(CODES.zhonglu)}`, { as: 'zz.street', body: { validTo: '2026-01-01' } });
    expect(r.json).toMatchObject({ code: 'UNIT_HAS_CURRENT_CHILDREN', field: 'validTo' });
  });

  it('lets someone who is both street and community administrator edit the community', async () => {
    const list = await t.call('GET', '/api/users?q=zl.team', { as: 'zz.street' });
    const id = list.json[0].id;
    expect((await t.call('POST', `/api/users/${id}/roles`, { as: 'zz.street', body: { role: 'community_admin', unitId: await t.unit(CODES.zhonglu) } })).statusCode).toBe(200);
    expect((await t.call('POST', `/api/users/${id}/roles`, { as: 'zz.district', body: { role: 'street_admin', unitId: await t.unit(CODES.liyu) } })).statusCode).toBe(200);
    const r = await t.call('PATCH', `/api/org-units/${await t.unit(CODES.zhonglu)}`, { as: 'zl.team', body: { name: '中路社区' } });
    expect(r.statusCode).toBe(200);
  });

  it('answers two racing creates of one code with one 201 and a 409, never a 500', async () => {
    const parentId = await t.unit(CODES.zhonglu);
    const body = { parentId, kind: 'group', code: '430211003017-60', name: '并发组' };
    const answers = await Promise.all([1, 2, 3, 4].map(() => t.call('POST', '/api/org-units', { as: 'zl.admin', body })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409, 409]);
  });

  it('keeps the audit trail a true chain when edits of one unit race', async () => {
    const id = await t.unit(CODES.caoping);
    const names = ['草坪组一', '草坪组二', '草坪组三', '草坪组四', '草坪组五'];
    const answers = await Promise.all(names.map((name) => t.call('PATCH', `/api/org-units/${id}`, { as: 'zl.admin', body: { name } })));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200]);
    const events = await t.call('GET', `/api/audit-events?unitId=${id}&action=org.update&limit=20`, { as: 'zl.admin' });
    const chain = [...events.json.items].reverse().map((e: { before: { name: string }; after: { name: string } }) => [e.before.name, e.after.name]);
    expect(chain).toHaveLength(5);
    expect(chain[0]![0]).toBe('草坪组');
    for (let i = 1; i < chain.length; i++) expect(chain[i]![0]).toBe(chain[i - 1]![1]);
    const unit = await t.call('GET', `/api/org-units/${id}`, { as: 'zl.admin' });
    expect(unit.json.name).toBe(chain[4]![1]);
  });

  it('answers identical racing retries of one create with the same unit', async () => {
    const body = { id: uuidv7(), parentId: await t.unit(CODES.zhonglu), kind: 'group', code: '430211003017-61', name: '重试组' };
    const answers = await Promise.all([1, 2, 3].map(() => t.call('POST', '/api/org-units', { as: 'zl.admin', body })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 201]);
    expect(new Set(answers.map((a) => a.json.id))).toEqual(new Set([body.id]));
  });

  it('does not restore a group under a dissolved community, nor re-date a dissolution over units in force', async () => {
    const cookie = await t.login('zz.district');
    const street = await t.unit(CODES.liyu);
    const community = await t.call('POST', '/api/org-units', { headers: { cookie }, body: { parentId: street, kind: 'community', code: '430211003090', name: '临时社区', validFrom: '2010-01-01' } });
    const group = await t.call('POST', '/api/org-units', { headers: { cookie }, body: { parentId: community.json.id, kind: 'group', code: '430211003090-01', name: '临时一组', validFrom: '2010-01-01' } });
    expect((await t.call('PATCH', `/api/org-units/${community.json.id}`, { headers: { cookie }, body: { validTo: '2099-01-01' } })).json.code).toBe('UNIT_HAS_CURRENT_CHILDREN');
    expect((await t.call('PATCH', `/api/org-units/${group.json.id}`, { headers: { cookie }, body: { validTo: '2020-01-01' } })).statusCode).toBe(200);
    expect((await t.call('PATCH', `/api/org-units/${community.json.id}`, { headers: { cookie }, body: { validTo: '2020-06-01' } })).statusCode).toBe(200);
    const restore = await t.call('PATCH', `/api/org-units/${group.json.id}`, { headers: { cookie }, body: { validTo: null } });
    expect(restore.json).toMatchObject({ code: 'UNIT_DISSOLVED', field: 'validTo' });
  });
});
