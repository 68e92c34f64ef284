import { expect, it } from 'vitest';
import { CODES, describeApi, TEST_BOX } from '../../../../test/harness.ts';
import { VOLUNTEER_CONSENT_VERSION } from '../../../contract/teams.ts';
import { translate } from '../../../i18n/messages.ts';

const uuid = () => crypto.randomUUID();

describeApi('volunteer sign-up and review', (t) => {
  let zhonglu = '';
  let chuanchang = '';
  const signup = (n: number, over: Record<string, unknown> = {}) => ({
    id: uuid(), name: `志愿者${n}`, mobile: `1770000${String(1000 + n)}`, skills: ['gate', 'patrol'], availability: '工作日晚上，周末全天',
    consent: true, consentVersion: VOLUNTEER_CONSENT_VERSION, ...over,
  });
  // Each call from its own address unless told: the per-address limits are tested on their own.
  let address = 0;
  const signUp = (communityId: string, body: unknown, from = `10.1.${Math.floor(++address / 250)}.${address % 250}`) =>
    t.call('POST', `/api/public/volunteer/${communityId}`, { body, from });
  const queue = async (communityId: string, status = '') =>
    (await t.call('GET', `/api/volunteers?communityId=${communityId}${status ? `&status=${status}` : ''}`, { as: communityId === zhonglu ? 'zl.admin' : 'cc.admin' })).json as
      { id: string; name: string; mobile: string; status: string; availability: string; createdAt: string; username: string | null; role: string | null }[];

  it('shows the public page of a community in force, and of nothing else', async () => {
    zhonglu = await t.unit(CODES.zhonglu);
    chuanchang = await t.unit(CODES.chuanchang);
    const page = await t.call('GET', `/api/public/volunteer/${zhonglu}`);
    expect(page.statusCode).toBe(200);
    expect(page.json).toMatchObject({ communityId: zhonglu, communityName: '中路社区', consentVersion: '2026-1' });
    expect(page.json.streetName).toBeTruthy();
    // A group, a street, a dissolved group, an unknown id: not found, to read or to sign up to.
    for (const id of [await t.unit(CODES.dahai), await t.unit(CODES.liyu), await t.unit(CODES.dissolved), uuid()]) {
      expect((await t.call('GET', `/api/public/volunteer/${id}`)).statusCode).toBe(404);
      expect((await signUp(id, signup(1))).json).toMatchObject({ code: 'NOT_FOUND' });
    }
  });

  it('refuses a sign-up without consent, with a bad mobile, no skill or an outdated consent text', async () => {
    const consentMessage = translate('zh-CN', 'validation.consentRequired');
    for (const consent of [false, undefined, 'yes']) {
      const r = await signUp(zhonglu, signup(1, { consent }));
      expect(r.statusCode).toBe(400);
      expect(r.json).toMatchObject({ code: 'VALIDATION_FAILED', field: 'consent' });
      expect(r.json.details).toContainEqual({ field: 'consent', message: consentMessage });
    }
    expect((await signUp(zhonglu, signup(1, { mobile: '12345' }))).json).toMatchObject({ code: 'VALIDATION_FAILED', field: 'mobile' });
    expect((await signUp(zhonglu, signup(1, { mobile: '1770000100' }))).json).toMatchObject({ code: 'VALIDATION_FAILED', field: 'mobile' });
    expect((await signUp(zhonglu, signup(1, { skills: [] }))).json).toMatchObject({ code: 'VALIDATION_FAILED', field: 'skills' });
    const old = await signUp(zhonglu, signup(1, { consentVersion: '2025-1' }));
    expect(old.statusCode).toBe(400);
    expect(old.json).toMatchObject({ code: 'VALIDATION_FAILED', field: 'consentVersion' });
    expect(await queue(zhonglu)).toEqual([]);
  });

  it('keeps one sign-up per person: a resend answers the same receipt, signing up again while waiting updates it', async () => {
    const first = signup(1);
    const r = await signUp(zhonglu, first);
    expect(r.statusCode).toBe(200);
    expect(r.json).toEqual({ id: first.id, reference: expect.stringMatching(/^[A-HJ-NP-Z2-9]{8}$/), status: 'pending' });
    expect((await signUp(zhonglu, first)).json).toEqual(r.json);
    const racing = await Promise.all([0, 1, 2].map(() => signUp(zhonglu, first)));
    expect(racing.map((x) => x.json)).toEqual([r.json, r.json, r.json]);
    // The same person again from another phone with another id: their waiting sign-up takes the new details.
    const again = await signUp(zhonglu, signup(1, { name: '志愿者一', availability: '每天早上' }));
    expect(again.json).toEqual(r.json);
    const mine = (await queue(zhonglu)).filter((v) => v.mobile === '177****1001');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ name: '志愿者一', availability: '每天早上', status: 'pending' });
    // An id already used by someone else's sign-up is a conflict, not their receipt.
    expect((await signUp(zhonglu, signup(2, { id: first.id }))).json).toMatchObject({ code: 'ID_CONFLICT', field: 'id' });
    expect((await signUp(chuanchang, first)).json).toMatchObject({ code: 'ID_CONFLICT', field: 'id' });
    const rows = await t.database.db.selectFrom('volunteer_signups').select(['mobile_sealed', 'mobile_masked', 'skills']).where('id', '=', first.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.mobile_sealed).not.toContain('17700001001');
    expect(TEST_BOX.open(rows[0]!.mobile_sealed)).toBe('17700001001');
    expect(JSON.parse(rows[0]!.skills)).toEqual(['gate', 'patrol']);
  });

  it('limits a flood from one address, one by one and all at once, and a full queue', async () => {
    const oneByOne = [];
    for (let i = 0; i < 6; i++) oneByOne.push(await signUp(zhonglu, signup(100 + i), '10.0.0.9'));
    expect(oneByOne.slice(0, 5).map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(oneByOne[5]!.statusCode).toBe(429);
    expect(oneByOne[5]!.json).toMatchObject({ code: 'VOLUNTEER_LIMIT' });
    // A resend of a sign-up already made still answers its receipt.
    expect((await signUp(zhonglu, { ...signup(100), id: oneByOne[0]!.json.id }, '10.0.0.9')).statusCode).toBe(200);

    const burst = await Promise.all(Array.from({ length: 15 }, (_, i) => signUp(zhonglu, signup(200 + i), '10.0.0.10')));
    // Counted as if sent one by one: five get through, however the fifteen interleave.
    const accepted = burst.filter((r) => r.statusCode === 200);
    expect(accepted).toHaveLength(5);
    for (const r of burst.filter((x) => x.statusCode !== 200)) expect(r.json).toMatchObject({ code: 'VOLUNTEER_LIMIT' });
    // The refused ones left nothing behind.
    const ipHash = TEST_BOX.lookupHash('ip:10.0.0.10');
    const kept = await t.database.db.selectFrom('volunteer_signups').select('id').where('ip_hash', '=', ipHash).execute();
    expect(kept.map((k) => k.id).sort()).toEqual(accepted.map((r) => r.json.id as string).sort());

    // Twenty from one address earlier today: none more today, though none came in the last ten minutes.
    const earlier = new Date(Date.now() - 3_600_000).toISOString();
    const row = (n: number, over: Record<string, unknown>) => ({
      id: uuid(), community_id: chuanchang, org_path: '', reference: `T${String(n).padStart(7, '0')}`, name: `x${n}`, mobile_sealed: 'x', mobile_hash: `h${n}`,
      mobile_masked: '177****0000', skills: '["gate"]', availability: 'x', consent_version: '2026-1', consent_at: earlier, ip_hash: TEST_BOX.lookupHash('ip:10.0.0.11'),
      status: 'rejected', created_at: earlier, ...over,
    });
    const path = (await t.database.db.selectFrom('org_units').select('path').where('id', '=', chuanchang).executeTakeFirstOrThrow()).path;
    await t.database.db.insertInto('volunteer_signups').values(Array.from({ length: 20 }, (_, i) => row(i, { org_path: path }))).execute();
    expect((await signUp(chuanchang, signup(300), '10.0.0.11')).json).toMatchObject({ code: 'VOLUNTEER_LIMIT' });
    // A community with 300 sign-ups waiting takes no more until it reviews some.
    const waiting = Array.from({ length: 300 }, (_, i) => row(1000 + i, { org_path: path, status: 'pending', ip_hash: `ip${i}`, created_at: new Date().toISOString() }));
    await t.database.db.insertInto('volunteer_signups').values(waiting).execute();
    expect((await signUp(chuanchang, signup(301), '10.0.0.12')).json).toMatchObject({ code: 'VOLUNTEER_LIMIT' });
    await t.database.db.deleteFrom('volunteer_signups').where('community_id', '=', chuanchang).execute();
    expect((await signUp(chuanchang, signup(301), '10.0.0.12')).statusCode).toBe(200);
  });

  it('lists the queue newest first with masked mobiles, and reveals a mobile with an audit record', async () => {
    const list = await queue(zhonglu, 'pending');
    expect(list.length).toBeGreaterThanOrEqual(6);
    expect(list.every((v) => /^177\*{4}\d{4}$/.test(v.mobile))).toBe(true);
    expect(list.map((v) => v.createdAt)).toEqual([...list.map((v) => v.createdAt)].sort().reverse());
    expect(await queue(zhonglu, 'approved')).toEqual([]);
    const one = list.find((v) => v.mobile === '177****1001')!;
    const revealed = await t.call('POST', `/api/volunteers/${one.id}/reveal`, { as: 'zl.admin' });
    expect(revealed.json).toEqual({ mobile: '17700001001' });
    const audit = await t.database.db.selectFrom('audit_events').selectAll().where('action', '=', 'volunteers.reveal').where('entity_id', '=', one.id).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_name: 'zl.admin', actor_role: expect.stringMatching(/^community_admin@/) });
    const link = await t.call('GET', `/api/volunteers/link?communityId=${zhonglu}`, { as: 'zl.admin' });
    expect(link.json.url).toMatch(new RegExp(`^https?://[^/]+/m/volunteer/${zhonglu}$`));
    expect(link.json.svg).toMatch(/^<svg/);
  });

  it('approves a volunteer into a field app user who must change the one-time password and holds the role at the community', async () => {
    const sent = await signUp(zhonglu, signup(2, { name: '李志愿' }), '10.0.0.3');
    const r = await t.call('POST', `/api/volunteers/${sent.json.id}/approve`, { as: 'zl.admin', body: { role: 'checkpoint_volunteer', username: 'vol.li' } });
    expect(r.statusCode).toBe(200);
    expect(r.json.oneTimePassword).toMatch(/^[A-Za-z2-9]{14}$/);
    expect(r.json.volunteer).toMatchObject({ status: 'approved', username: 'vol.li', role: 'checkpoint_volunteer', reviewedByName: expect.any(String), mobile: '177****1002' });
    expect(r.json.volunteer.userId).toBeTruthy();
    const cookie = await t.login('vol.li', r.json.oneTimePassword);
    const me = await t.call('GET', '/api/auth/me', { headers: { cookie } });
    expect(me.json).toMatchObject({ id: r.json.volunteer.userId, displayName: '李志愿', mustChangePassword: true });
    expect(me.json.roles).toEqual([expect.objectContaining({ role: 'checkpoint_volunteer', unit: expect.objectContaining({ id: zhonglu }) })]);
    expect((await t.call('GET', '/api/org-units', { headers: { cookie } })).json.code).toBe('PASSWORD_CHANGE_REQUIRED');
    // The mobile signs in too: it is the account's.
    await t.login('17700001002', r.json.oneTimePassword);
    const twice = await t.call('POST', `/api/volunteers/${sent.json.id}/approve`, { as: 'zl.admin', body: { role: 'team_member', username: 'vol.li2' } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json.code).toBe('VOLUNTEER_REVIEWED');
    expect((await t.call('POST', `/api/volunteers/${sent.json.id}/reject`, { as: 'zl.admin', body: { note: '重复' } })).json.code).toBe('VOLUNTEER_REVIEWED');
    const actions = await t.database.db.selectFrom('audit_events').select('action').where('entity_id', 'in', [sent.json.id, r.json.volunteer.userId]).where('action', '!=', 'auth.login').execute();
    expect(actions.map((a) => a.action).sort()).toEqual(['users.create', 'volunteers.approve', 'volunteers.signup']);

    // Two reviewers at once: one account, one approval.
    const other = await signUp(zhonglu, signup(3, { skills: ['delivery'] }), '10.0.0.3');
    const racing = await Promise.all(['vol.a', 'vol.b'].map((username) =>
      t.call('POST', `/api/volunteers/${other.json.id}/approve`, { as: 'zl.admin', body: { role: 'team_member', username } })));
    expect(racing.filter((x) => x.statusCode === 200)).toHaveLength(1);
    // The other reviewer is told it was decided, not that the mobile belongs to someone.
    expect(racing.find((x) => x.statusCode !== 200)!.json).toMatchObject({ code: 'VOLUNTEER_REVIEWED' });
    expect(await t.database.db.selectFrom('users').select('id').where('mobile', '=', '17700001003').execute()).toHaveLength(1);
  });

  it('refuses a taken username or a mobile that is already a user’s, storing nothing', async () => {
    const sent = await signUp(zhonglu, signup(4), '10.0.0.4');
    const taken = await t.call('POST', `/api/volunteers/${sent.json.id}/approve`, { as: 'zl.admin', body: { role: 'team_member', username: 'zl.gate' } });
    expect(taken.statusCode).toBe(409);
    expect(taken.json).toMatchObject({ code: 'USERNAME_TAKEN', field: 'username' });
    const bad = await t.call('POST', `/api/volunteers/${sent.json.id}/approve`, { as: 'zl.admin', body: { role: 'grid_worker', username: 'vol.four' } });
    expect(bad.json).toMatchObject({ code: 'VALIDATION_FAILED', field: 'role' });
    // A demo user's mobile (139000000NN): the reviewer is told, nothing is linked.
    const known = await signUp(zhonglu, signup(5, { mobile: '13900000001' }), '10.0.0.4');
    const mobile = await t.call('POST', `/api/volunteers/${known.json.id}/approve`, { as: 'zl.admin', body: { role: 'team_member', username: 'vol.five' } });
    expect(mobile.statusCode).toBe(409);
    expect(mobile.json).toMatchObject({ code: 'MOBILE_TAKEN', field: 'mobile' });
    expect(await t.database.db.selectFrom('users').select('id').where('username', 'in', ['vol.five', 'vol.four']).execute()).toEqual([]);
    const still = (await queue(zhonglu, 'pending')).filter((v) => v.id === sent.json.id || v.id === known.json.id);
    expect(still.map((v) => [v.status, v.username])).toEqual([['pending', null], ['pending', null]]);
  });

  it('rejects with a note', async () => {
    const sent = await signUp(zhonglu, signup(6), '10.0.0.5');
    expect((await t.call('POST', `/api/volunteers/${sent.json.id}/reject`, { as: 'zl.admin', body: { note: ' ' } })).json).toMatchObject({ code: 'VALIDATION_FAILED', field: 'note' });
    const r = await t.call('POST', `/api/volunteers/${sent.json.id}/reject`, { as: 'zl.admin', body: { note: '暂不需要' } });
    expect(r.json).toMatchObject({ id: sent.json.id, status: 'rejected', note: '暂不需要', reviewedByName: expect.any(String), userId: null });
    expect((await t.call('POST', `/api/volunteers/${sent.json.id}/reject`, { as: 'zl.admin', body: { note: '再次' } })).json.code).toBe('VOLUNTEER_REVIEWED');
    // Signing up again after a decision is a new sign-up, not a change to the decided one.
    const again = await signUp(zhonglu, signup(6), '10.0.0.5');
    expect(again.json.id).not.toBe(sent.json.id);
    expect((await queue(zhonglu, 'rejected')).map((v) => v.id)).toContain(sent.json.id);
  });

  it('keeps volunteers to the community that reviews them', async () => {
    const sent = await signUp(zhonglu, signup(7), '10.0.0.6');
    const id = sent.json.id as string;
    // Another community's administrator, the street office, a grid worker of the same community: the queue is not theirs.
    for (const as of ['cc.admin', 'zz.street', 'zl.g01', 'zl.team']) {
      expect((await t.call('GET', `/api/volunteers?communityId=${zhonglu}`, { as })).statusCode).toBe(404);
      expect((await t.call('GET', `/api/volunteers/link?communityId=${zhonglu}`, { as })).statusCode).toBe(404);
      expect((await t.call('POST', `/api/volunteers/${id}/reveal`, { as })).statusCode).toBe(404);
      expect((await t.call('POST', `/api/volunteers/${id}/approve`, { as, body: { role: 'team_member', username: `x.${as.replace('.', '')}` } })).statusCode).toBe(404);
      expect((await t.call('POST', `/api/volunteers/${id}/reject`, { as, body: { note: 'x' } })).statusCode).toBe(404);
    }
    expect((await t.call('GET', `/api/volunteers?communityId=${zhonglu}`)).statusCode).toBe(401);
    expect((await t.call('POST', `/api/volunteers/${uuid()}/approve`, { as: 'zl.admin', body: { role: 'team_member', username: 'x.nobody' } })).statusCode).toBe(404);
    expect((await queue(zhonglu)).find((v) => v.id === id)).toMatchObject({ status: 'pending' });
    const reveals = await t.database.db.selectFrom('audit_events').select('id').where('action', '=', 'volunteers.reveal').where('entity_id', '=', id).execute();
    expect(reveals).toEqual([]);
  });
});
