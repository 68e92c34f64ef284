import type { FastifyInstance, FastifyRequest } from 'fastify';
import { QUEUE_OWNER_HEADER, type Locale } from '../../contract/common.ts';
import { localeFromHeader } from '../../i18n/messages.ts';
import type { Actor } from '../actor.ts';
import { AppError } from '../errors.ts';
import { grantsOf, type SessionUser } from '../modules/auth/auth.service.ts';

export const SESSION_COOKIE = 'linli_session';

/**
 * Who a route is for. Routes are for signed-in users unless they say
 * otherwise, so a forgotten option closes a route rather than opening it.
 */
export type Access = 'public' | 'signed-in' | 'temporary-password';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    session: SessionUser | null;
  }
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * On every API request: refuse cross-site writes, resolve the session cookie
 * to a user with their current roles, pick the language, and enforce the
 * route's access rule.
 */
export function registerSessions(
  app: FastifyInstance,
  resolve: (token: string) => Promise<SessionUser | null>,
  /** Paths served by plugins whose routes we do not declare ourselves (the API docs page). */
  publicPrefixes: readonly string[] = [],
): void {
  app.decorateRequest('locale', 'zh-CN');
  app.decorateRequest('session', null);

  app.addHook('onRequest', async (request) => {
    request.locale = localeFromHeader(request.headers['accept-language']);
    if (!request.url.startsWith('/api/')) return;
    if (MUTATING.has(request.method) && isCrossSite(request)) throw new AppError('CROSS_SITE_REQUEST');
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      request.session = await resolve(token);
      if (request.session) request.locale = request.session.user.locale as Locale;
    }
    const access = request.routeOptions.config.access ?? (publicPrefixes.some((p) => request.url.startsWith(p)) ? 'public' : 'signed-in');
    if (access === 'public') return;
    if (!request.session) throw new AppError('UNAUTHENTICATED');
    if (access === 'signed-in' && request.session.user.must_change_password === 1) throw new AppError('PASSWORD_CHANGE_REQUIRED');
    // A phone's queue is sent with the id of the user who saved it: after another user signs in on the device (another tab, a
    // shared phone), an old tab's queue must not be stored under the new user's name.
    const queueOf = request.headers[QUEUE_OWNER_HEADER];
    if (typeof queueOf === 'string' && queueOf !== request.session.user.id) throw new AppError('QUEUE_OF_ANOTHER_USER');
  });
}

/**
 * A browser always sends Origin on cross-origin writes and Sec-Fetch-Site on
 * all of them; together with SameSite=Lax cookies this stops cross-site
 * request forgery. Clients without these headers (curl, scripts) carry no
 * victim's cookie and are let through.
 */
function isCrossSite(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return true;
  const origin = request.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host !== request.host;
  } catch {
    return true;
  }
}

/** The signed-in actor of a request; the access hook has already refused anonymous requests. */
export function actorOf(request: FastifyRequest): Actor {
  const s = request.session;
  if (!s) throw new AppError('UNAUTHENTICATED');
  return { userId: s.user.id, username: s.user.username, grants: grantsOf(s), ip: request.ip };
}
