import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ChangePasswordRequest, LoginRequest, Me, MeUpdate } from '../../../contract/auth.ts';
import type { Services } from '../../services.ts';
import { actorOf, SESSION_COOKIE } from '../../plugins/session.plugin.ts';

const Ok = z.object({ ok: z.literal(true) });

export const authRoutes = (services: Services, opts: { sessionHours: number }): FastifyPluginAsyncZod => async (app) => {
  const setCookie = (request: FastifyRequest, reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: request.protocol === 'https',
      maxAge: opts.sessionHours * 3600,
    });

  app.post('/api/auth/login', {
    // A flood guard per address; the sign-in throttle (auth.service) is the real limit.
    config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
    schema: { tags: ['auth'], summary: 'Sign in with username or mobile number', body: LoginRequest, response: { 200: Me } },
    handler: async (request, reply) => {
      const { token } = await services.auth.login(request.body.username, request.body.password, request.ip, request.headers['user-agent'] ?? null);
      setCookie(request, reply, token);
      request.session = await services.auth.resolve(token);
      return services.auth.me(actorOf(request));
    },
  });

  app.post('/api/auth/logout', {
    config: { access: 'public' },
    schema: { tags: ['auth'], summary: 'Sign out', response: { 200: Ok } },
    handler: async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await services.auth.logout(token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  });

  app.get('/api/auth/me', {
    config: { access: 'temporary-password' },
    schema: { tags: ['auth'], summary: 'The signed-in user, their roles and permissions', response: { 200: Me } },
    handler: (request) => services.auth.me(actorOf(request)),
  });

  app.patch('/api/auth/me', {
    config: { access: 'temporary-password' },
    schema: { tags: ['auth'], summary: 'Change one’s own language', body: MeUpdate, response: { 200: Me } },
    handler: async (request) => {
      await services.auth.setLocale(actorOf(request), request.body.locale);
      return services.auth.me(actorOf(request));
    },
  });

  app.post('/api/auth/password', {
    config: { access: 'temporary-password', rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: { tags: ['auth'], summary: 'Change one’s own password', body: ChangePasswordRequest, response: { 200: Ok } },
    handler: async (request) => {
      await services.auth.changePassword(actorOf(request), request.session!.sessionId, request.body.currentPassword, request.body.newPassword);
      return { ok: true as const };
    },
  });
};
