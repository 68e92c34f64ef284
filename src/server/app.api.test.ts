import { expect, it } from 'vitest';
import { describeApi } from '../../test/harness.ts';

describeApi('the API contract', (t) => {
  it('answers health with the database in use', async () => {
    const r = await t.call('GET', '/api/health');
    expect(r.json).toEqual({ status: 'ok', database: t.dialect });
  });

  it('publishes the OpenAPI document and a docs page', async () => {
    const doc = await t.call('GET', '/api/openapi.json');
    expect(doc.json.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.json.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/org-units', '/api/users', '/api/audit-events', '/api/health']));
    expect(doc.json.paths['/api/auth/login'].post.requestBody.content['application/json'].schema.required).toEqual(['username', 'password']);
    const page = await t.call('GET', '/api/docs/');
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/swagger/i);
  });

  it('answers unknown routes and malformed bodies with JSON errors, never a stack trace', async () => {
    const unknown = await t.call('GET', '/api/nothing-here', { as: 'zl.admin' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json.code).toBe('ROUTE_NOT_FOUND');
    const malformed = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username": ' });
    expect(malformed.statusCode).toBe(400);
    const body = JSON.parse(malformed.body);
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(malformed.body).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it('explains validation errors with zod’s messages in Chinese when no message of ours applies', async () => {
    const r = await t.call('POST', '/api/auth/login', { body: { username: 42, password: 'x' } });
    expect(r.statusCode).toBe(400);
    expect(r.json.field).toBe('username');
    expect(r.json.details[0].message).toMatch(/[\u4e00-\u9fff]/);
  });
});
