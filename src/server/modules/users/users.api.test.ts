import { expect, it } from 'vitest';
import { CODES, describeApi } from '../../../../test/harness.ts';

describeApi('users and roles', (t) => {
  it('lists only users holding a role in the administrator’s area, with mobiles masked', async () => {
    const r = await t.call('GET', '/api/users', { as: 'zl.admin' });
    const names = r.json.map((u: { username: string }) => u.username);
    expect(names).toContain('zl.g01');
    expect(names).not.toContain('cc.admin');
    expect(names).not.toContain('zz.street');
    for (const u of r.json) expect(u.mobile).toMatch(/^139\*{4}\d{4}$/);
  });

  it('refuses user management to a grid worker', async () => {
    const r = await t.call('GET', '/api/users', { as: 'zl.g01' });
    expect(r.statusCode).toBe(403);
    expect(r.json.code).toBe('FORBIDDEN');
  });

  it('creates a user with a one-time password that must be changed at first sign-in', async () => {
    const unitId = await t.unit(CODES.caotang);
    const r = await t.call('POST', '/api/users', { as: 'zl.admin', body: { username: 'new.worker', displayName: '新网格员', mobile: '13812345678', roles: [{ role: 'grid_worker', unitId }] } });
    expect(r.statusCode).toBe(201);
    expect(r.json.user.mobile).toBe('138****5678');
    expect(r.json.oneTimePassword).toMatch(/^[A-Za-z2-9]{14}$/);
    const cookie = await t.login('13812345678', r.json.oneTimePassword);
    const blocked = await t.call('GET', '/api/org-units', { headers: { cookie } });
    expect(blocked.json.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const dup = await t.call('POST', '/api/users', { as: 'zl.admin', body: { username: 'new.worker', displayName: 'x', roles: [{ role: 'grid_worker', unitId }] } });
    expect(dup.json).toMatchObject({ code: 'USERNAME_TAKEN', field: 'username' });
  });

  it('grants roles only inside the administrator’s area and at a fitting level', async () => {
    const zone = await t.unit(CODES.zoneB);
    const outside = await t.call('POST', '/api/users', { as: 'zl.admin', body: { username: 'spy.one', displayName: 'x', roles: [{ role: 'grid_worker', unitId: zone }] } });
    expect(outside.statusCode).toBe(404);
    expect(outside.json.field).toBe('roles.0.unitId');
    const level = await t.call('POST', '/api/users', { as: 'zl.admin', body: { username: 'wrong.level', displayName: 'x', roles: [{ role: 'grid_worker', unitId: await t.unit(CODES.zhonglu) }] } });
    expect(level.json).toMatchObject({ code: 'ROLE_LEVEL', field: 'roles.0.role', message: '“网格员”角色不能设在“社区/村”层级' });
    const root = await t.call('POST', '/api/users', { as: 'zl.admin', body: { username: 'wannabe.root', displayName: 'x', roles: [{ role: 'system_admin', unitId: null }] } });
    expect(root.statusCode).toBe(404);
  });

  it('does not let a community administrator change a user who also works elsewhere', async () => {
    const list = await t.call('GET', '/api/users?q=zl.team', { as: 'zz.street' });
    const teamId = list.json[0].id;
    const added = await t.call('POST', `/api/users/${teamId}/roles`, { as: 'zz.district', body: { role: 'street_admin', unitId: await t.unit(CODES.liyu) } });
    expect(added.statusCode).toBe(200);
    const seen = await t.call('GET', `/api/users/${teamId}`, { as: 'zl.admin' });
    expect(seen.json.manageable).toBe(false);
    const change = await t.call('PATCH', `/api/users/${teamId}`, { as: 'zl.admin', body: { displayName: '改名' } });
    expect(change.statusCode).toBe(403);
    expect(change.json.code).toBe('CANNOT_MANAGE_USER');
    const reset = await t.call('POST', `/api/users/${teamId}/password-reset`, { as: 'zl.admin' });
    expect(reset.statusCode).toBe(403);
    const street = await t.call('GET', '/api/users?q=zz.street', { as: 'zl.admin' });
    expect(street.json).toEqual([]);
  });

  it('ends a role but keeps it in history', async () => {
    const list = await t.call('GET', '/api/users?q=zl.gate', { as: 'zl.admin' });
    const user = list.json[0];
    const added = await t.call('POST', `/api/users/${user.id}/roles`, { as: 'zl.admin', body: { role: 'grid_worker', unitId: await t.unit(CODES.caotang) } });
    expect(added.json.roles).toHaveLength(2);
    const extra = added.json.roles.find((r: { role: string }) => r.role === 'grid_worker');
    const removed = await t.call('DELETE', `/api/users/${user.id}/roles/${extra.assignmentId}`, { as: 'zl.admin' });
    expect(removed.json.roles).toHaveLength(1);
    const row = await t.database.db.selectFrom('role_assignments').selectAll().where('id', '=', extra.assignmentId).executeTakeFirstOrThrow();
    expect(row.valid_to).not.toBeNull();
    const last = await t.call('DELETE', `/api/users/${user.id}/roles/${removed.json.roles[0].assignmentId}`, { as: 'zl.admin' });
    expect(last.statusCode).toBe(400);
    expect(last.json.code).toBe('LAST_ROLE');
  });

  it('reveals a full mobile number only on request, and audits the reveal', async () => {
    const list = await t.call('GET', '/api/users?q=zl.g09', { as: 'zl.admin' });
    const id = list.json[0].id;
    const r = await t.call('POST', `/api/users/${id}/reveal`, { as: 'zl.admin' });
    expect(r.json.value).toMatch(/^139\d{8}$/);
    const events = await t.call('GET', '/api/audit-events?action=sensitive', { as: 'zl.admin' });
    expect(events.json.items.find((e: { entityId: string }) => e.entityId === id)).toMatchObject({ action: 'sensitive.reveal', actorName: 'zl.admin', after: { field: 'mobile' } });
    const byWorker = await t.call('POST', `/api/users/${id}/reveal`, { as: 'zl.g01' });
    expect(byWorker.statusCode).toBe(404);
  });

  it('disabling a user signs them out and keeps them out', async () => {
    const cookie = await t.login('zl.g10');
    const list = await t.call('GET', '/api/users?q=zl.g10', { as: 'zl.admin' });
    const id = list.json[0].id;
    const r = await t.call('PATCH', `/api/users/${id}`, { as: 'zl.admin', body: { disabled: true } });
    expect(r.json.disabled).toBe(true);
    expect((await t.call('GET', '/api/auth/me', { headers: { cookie } })).statusCode).toBe(401);
    const again = await t.call('POST', '/api/auth/login', { body: { username: 'zl.g10', password: 'demo-pass-123' } });
    expect(again.statusCode).toBe(401);
    const self = await t.call('GET', '/api/users?q=zl.admin', { as: 'zl.admin' });
    const selfDisable = await t.call('PATCH', `/api/users/${self.json[0].id}`, { as: 'zl.admin', body: { disabled: true } });
    expect(selfDisable.json.code).toBe('SELF_DISABLE');
  });

  it('finds a user by a full mobile number only, so masked numbers cannot be read digit by digit', async () => {
    const partial = await t.call('GET', '/api/users?q=1390000001', { as: 'zl.admin' });
    expect(partial.json).toEqual([]);
    const list = await t.call('GET', '/api/users?q=zl.g09', { as: 'zl.admin' });
    const full = await t.call('POST', `/api/users/${list.json[0].id}/reveal`, { as: 'zl.admin' });
    const exact = await t.call('GET', `/api/users?q=${full.json.value}`, { as: 'zl.admin' });
    expect(exact.json.map((u: { username: string }) => u.username)).toEqual(['zl.g09']);
    const upper = await t.call('GET', '/api/users?q=ZL.G09', { as: 'zl.admin' });
    expect(upper.json).toHaveLength(1);
  });

  it('refuses usernames that could be a mobile number', async () => {
    const r = await t.call('POST', '/api/users', { as: 'zl.admin', body: { username: '13900000012', displayName: 'x', roles: [{ role: 'grid_worker', unitId: await t.unit(CODES.dahai) }] } });
    expect(r.json).toMatchObject({ code: 'VALIDATION_FAILED', field: 'username' });
  });

  it('does not let an administrator appoint or take over a peer at their own level', async () => {
    const community = await t.unit(CODES.zhonglu);
    const peer = await t.call('POST', '/api/users', { as: 'zl.admin', body: { username: 'peer.admin', displayName: 'x', roles: [{ role: 'community_admin', unitId: community }] } });
    expect(peer.statusCode).toBe(403);
    expect(peer.json).toMatchObject({ code: 'FORBIDDEN', field: 'roles.0.role' });
    const byStreet = await t.call('POST', '/api/users', { as: 'zz.street', body: { username: 'peer.admin', displayName: 'x', roles: [{ role: 'community_admin', unitId: community }] } });
    expect(byStreet.statusCode).toBe(201);
    const admins = await t.call('GET', '/api/users?q=zl.admin', { as: 'zz.street' });
    const reset = await t.call('POST', `/api/users/${admins.json[0].id}/password-reset`, { as: 'zl.admin' });
    expect(reset.statusCode).toBe(403);
    expect(reset.json.code).toBe('CANNOT_MANAGE_USER');
  });

  it('does not add roles to someone who also works outside the area, nor show their other roles', async () => {
    const list = await t.call('GET', '/api/users?q=zl.biz', { as: 'zz.city' });
    const id = list.json[0].id;
    await t.call('POST', `/api/users/${id}/roles`, { as: 'zz.city', body: { role: 'district_admin', unitId: await t.unit('430211') } });
    const seen = await t.call('GET', `/api/users/${id}`, { as: 'zl.admin' });
    expect(seen.json.roles.map((r: { role: string }) => r.role)).toEqual(['enterprise_contact']);
    expect(seen.json.otherRoleCount).toBe(1);
    const add = await t.call('POST', `/api/users/${id}/roles`, { as: 'zl.admin', body: { role: 'grid_worker', unitId: await t.unit(CODES.dahai) } });
    expect(add.json.code).toBe('CANNOT_MANAGE_USER');
  });

  it('keeps at least one role even when two requests race to end the last two', async () => {
    const made = await t.call('POST', '/api/users', { as: 'zl.admin', body: { username: 'two.roles', displayName: 'x', roles: [{ role: 'grid_worker', unitId: await t.unit(CODES.dahai) }, { role: 'grid_worker', unitId: await t.unit(CODES.caotang) }] } });
    const [a, b] = made.json.user.roles.map((r: { assignmentId: string }) => r.assignmentId);
    const answers = await Promise.all([a, b].map((r) => t.call('DELETE', `/api/users/${made.json.user.id}/roles/${r}`, { as: 'zl.admin' })));
    expect(answers.map((x) => x.statusCode).sort()).toEqual([200, 400]);
    const left = await t.database.db.selectFrom('role_assignments').select('id').where('user_id', '=', made.json.user.id).where('valid_to', 'is', null).execute();
    expect(left).toHaveLength(1);
  });

  it('lets an administrator change their own name, but not see a superior’s or a peer’s full number', async () => {
    const me = await t.call('GET', '/api/users?q=zl.admin', { as: 'zz.street' });
    const own = await t.call('PATCH', `/api/users/${me.json[0].id}`, { as: 'zl.admin', body: { displayName: '中路社区书记（新）' } });
    expect(own.statusCode).toBe(200);
    expect(own.json.displayName).toBe('中路社区书记（新）');
    const ownNumber = await t.call('POST', `/api/users/${me.json[0].id}/reveal`, { as: 'zl.admin' });
    expect(ownNumber.statusCode).toBe(200);
    const streetAdmin = await t.call('GET', '/api/users?q=zz.street', { as: 'zz.district' });
    const id = streetAdmin.json[0].id;
    await t.call('POST', `/api/users/${id}/roles`, { as: 'zz.district', body: { role: 'team_member', unitId: await t.unit(CODES.zhonglu) } });
    const up = await t.call('POST', `/api/users/${id}/reveal`, { as: 'zl.admin' });
    expect(up.statusCode).toBe(403);
    expect(up.json.code).toBe('CANNOT_MANAGE_USER');
  });
});
