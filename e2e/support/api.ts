import { request, type APIRequestContext } from 'playwright-core';
import { expect } from 'vitest';
import { E2E_PASSWORD } from './global-setup.ts';

/** A signed-in API session of `username`, for what a test arranges or checks beside the page. */
export async function apiAs(baseURL: string, username: string, password = E2E_PASSWORD): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL });
  const res = await api.post('/api/auth/login', { data: { username, password } });
  expect(res.status(), `sign-in of ${username}: ${await res.text()}`).toBe(200);
  return api;
}
