import { expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { systemActor } from '../../../cli/system-actor.ts';
import { CODES, DEMO_PASSWORD, describeApi, startApp } from '../../../../test/harness.ts';
import { loadDemo } from '../demo/demo.ts';
import { bootstrapFirstAdmin } from '../users/bootstrap.ts';

describeApi('signing in', (t) => {
  it('signs in by username and sets an httpOnly, SameSite session cookie', async () => {
    const r = await t.call('POST', '/api/auth/login', { body: { username: 'zl.g01', password: DEMO_PASSWORD } });
    expect(r.statusCode).toBe(200);
    expect(r.json.username).toBe('zl.g01');
    expect(r.json.roles[0].role).toBe('grid_worker');
    expect(r.json.roles[0].unit.ancestors.map((a: { name: string }) => a.name)).toEqual(['湖南省', '株洲市', '天元区', '栗雨街道', '中路社区']);
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toMatch(/linli_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it('signs in by mobile number too', async () => {
    const me = await t.call('GET', '/api/users?q=zl.g02', { as: 'zl.admin' });
    const id = me.json[0].id;
    const revealed = await t.call('POST', `/api/users/${id}/reveal`, { as: 'zl.admin' });
    const r = await t.call('POST', '/api/auth/login', { body: { username: revealed.json.value, password: DEMO_PASSWORD } });
    expect(r.statusCode).toBe(200);
    expect(r.json.username).toBe('zl.g02');
  });

  it('refuses a wrong password with a message in the caller’s language', async () => {
    const zh = await t.call('POST', '/api/auth/login', { body: { username: 'zl.g03', password: 'wrong-password' } });
    expect(zh.statusCode).toBe(401);
    expect(zh.json).toEqual({ code: 'INVALID_CREDENTIALS', message: '用户名或密码不正确' });
    const en = await t.call('POST', '/api/auth/login', { body: { username: 'zl.g03', password: 'wrong-password' }, headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(en.json.message).toBe('Wrong username or password');
  });

  it('throttles an account after five failures from one address, even with the right password', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await t.call('POST', '/api/auth/login', { body: { username: 'zl.g04', password: 'nope-nope' }, from: '10.0.0.4' });
      expect(r.statusCode).toBe(401);
    }
    const r = await t.call('POST', '/api/auth/login', { body: { username: 'zl.g04', password: DEMO_PASSWORD }, from: '10.0.0.4' });
    expect(r.statusCode).toBe(429);
    expect(r.json.code).toBe('TOO_MANY_ATTEMPTS');
    expect(r.json.message).toMatch(/分钟/);
  });

  it('audits failed sign-ins without keeping what was typed as the username', async () => {
    await t.call('POST', '/api/auth/login', { body: { username: 'zl.g05', password: 'bad-password' } });
    // 13900000015 is zl.g11's (made-up) mobile number.
    await t.call('POST', '/api/auth/login', { body: { username: '13900000015', password: 'bad-password' } });
    const events = await t.call('GET', '/api/audit-events?action=auth.login_failed', { as: 'zl.admin' });
    expect(events.json.items.map((e: { actorName: string }) => e.actorName)).toEqual(expect.arrayContaining(['zl.g05', 'zl.g11']));
    expect(JSON.stringify(events.json)).not.toContain('13900000015');
  });

  it('limits one address to 30 attempts in 15 minutes, forgiving those that succeed', async () => {
    for (let i = 0; i < 30; i++) {
      expect((await t.call('POST', '/api/auth/login', { body: { username: `nobody${i}`, password: 'x' }, from: '10.0.0.30' })).statusCode).toBe(401);
    }
    const r = await t.call('POST', '/api/auth/login', { body: { username: 'zl.g15', password: DEMO_PASSWORD }, from: '10.0.0.30' });
    expect(r.json.code).toBe('TOO_MANY_ATTEMPTS');
    expect((await t.call('POST', '/api/auth/login', { body: { username: 'zl.g15', password: DEMO_PASSWORD }, from: '10.0.0.31' })).statusCode).toBe(200);
  });

  it('counts parallel guesses, so they cannot all slip under the limit', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, () => t.call('POST', '/api/auth/login', { body: { username: 'zl.g12', password: 'guess-guess' }, from: '10.0.0.12' })));
    expect(answers.filter((a) => a.statusCode === 429).length).toBe(7);
  });

  it('counts guesses by username and by mobile against the same account', async () => {
    // 13900000018 is zl.g14's (made-up) mobile number.
    for (const username of ['zl.g14', 'zl.g14', 'zl.g14', '13900000018', '13900000018']) {
      expect((await t.call('POST', '/api/auth/login', { body: { username, password: 'wrong-wrong' }, from: '10.0.0.14' })).statusCode).toBe(401);
    }
    expect((await t.call('POST', '/api/auth/login', { body: { username: '13900000018', password: 'wrong-wrong' }, from: '10.0.0.14' })).statusCode).toBe(429);
  });

  it('does not keep a one-time password as the new password', async () => {
    const cookie = await t.login('zl.g13');
    const r = await t.call('POST', '/api/auth/password', { headers: { cookie }, body: { currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD } });
    expect(r.json).toMatchObject({ code: 'PASSWORD_UNCHANGED', field: 'newPassword' });
  });

  it('refuses every API without a session, and after sign-out', async () => {
    expect((await t.call('GET', '/api/org-units')).statusCode).toBe(401);
    const cookie = await t.login('zl.g06');
    expect((await t.call('GET', '/api/auth/me', { headers: { cookie } })).statusCode).toBe(200);
    await t.call('POST', '/api/auth/logout', { headers: { cookie } });
    const after = await t.call('GET', '/api/auth/me', { headers: { cookie } });
    expect(after.statusCode).toBe(401);
    expect(after.json.code).toBe('UNAUTHENTICATED');
  });

  it('refuses cross-site writes', async () => {
    const cookie = await t.login('zl.admin');
    const id = await t.unit(CODES.dahai);
    const evil = await t.call('PATCH', `/api/org-units/${id}`, { body: { name: '被篡改' }, headers: { cookie, origin: 'https://evil.example', host: 'localhost:3000' } });
    expect(evil.statusCode).toBe(403);
    expect(evil.json.code).toBe('CROSS_SITE_REQUEST');
    const fetchMeta = await t.call('PATCH', `/api/org-units/${id}`, { body: { name: '被篡改' }, headers: { cookie, 'sec-fetch-site': 'cross-site' } });
    expect(fetchMeta.statusCode).toBe(403);
    const same = await t.call('PATCH', `/api/org-units/${id}`, { body: { name: '大海组' }, headers: { cookie, origin: 'http://localhost:3000', host: 'localhost:3000' } });
    expect(same.statusCode).toBe(200);
  });

  it('lets the first administrator of an empty database in only to change the one-time password', async () => {
    const empty = await startApp(t.dialect, { demo: false });
    try {
      // The demo may be loaded before the first start: its users are no administrators.
      await loadDemo(empty.database, systemActor(), DEMO_PASSWORD);
      const admin = await bootstrapFirstAdmin(empty.database);
      expect(admin?.username).toBe('admin');
      expect(await bootstrapFirstAdmin(empty.database)).toBeNull();
      await firstAdminStory(empty.app, admin!.password);
    } finally {
      await empty.close();
    }
  });

  async function firstAdminStory(app: FastifyInstance, password: string) {
    const call = async (method: 'GET' | 'POST', url: string, o: { headers?: Record<string, string>; body?: unknown } = {}) => {
      const r = await app.inject({ method, url, headers: o.headers ?? {}, ...(o.body ? { payload: o.body as object } : {}) });
      return Object.assign(r, { json: JSON.parse(r.body) });
    };
    const login = await call('POST', '/api/auth/login', { body: { username: 'admin', password } });
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const me = await call('GET', '/api/auth/me', { headers: { cookie } });
    expect(me.json.mustChangePassword).toBe(true);
    const blocked = await call('GET', '/api/org-units', { headers: { cookie } });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const short = await call('POST', '/api/auth/password', { headers: { cookie }, body: { currentPassword: password, newPassword: 'short' } });
    expect(short.statusCode).toBe(400);
    expect(short.json.field).toBe('newPassword');
    const changed = await call('POST', '/api/auth/password', { headers: { cookie }, body: { currentPassword: password, newPassword: 'a-new-password-1' } });
    expect(changed.statusCode).toBe(200);
    const roots = await call('GET', '/api/org-units', { headers: { cookie } });
    expect(roots.statusCode).toBe(200);
    expect(roots.json.map((u: { name: string }) => u.name).sort()).toEqual(['湖北省', '湖南省'].sort());
  }

  it('keeps the language the user chose', async () => {
    const cookie = await t.login('zl.g07');
    const r = await t.call('PATCH', '/api/auth/me', { headers: { cookie }, body: { locale: 'en' } });
    expect(r.json.locale).toBe('en');
    const err = await t.call('GET', '/api/org-units/00000000-0000-4000-8000-000000000000', { headers: { cookie } });
    expect(err.json.message).toBe('Not found, or outside your area');
  });
});
