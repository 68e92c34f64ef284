import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Id } from '../../../contract/common.ts';
import { Revealed, RoleAssign, UserCreate, UserListQuery, UserSummary, UserUpdate, UserWithPassword } from '../../../contract/users.ts';
import type { Services } from '../../services.ts';
import { actorOf } from '../../plugins/session.plugin.ts';

const tags = ['users'];
const ById = z.object({ id: Id });

export const usersRoutes = (services: Services): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/users', {
    schema: { tags, summary: 'Users holding a role in one’s area', querystring: UserListQuery, response: { 200: z.array(UserSummary) } },
    handler: (r) => services.users.list(actorOf(r), r.query),
  });

  app.get('/api/users/:id', {
    schema: { tags, params: ById, response: { 200: UserSummary } },
    handler: (r) => services.users.get(actorOf(r), r.params.id),
  });

  app.post('/api/users', {
    schema: { tags, summary: 'Create a user; answers a one-time password, shown once', body: UserCreate, response: { 201: UserWithPassword } },
    handler: async (r, reply) => reply.status(201).send(await services.users.create(actorOf(r), r.body)),
  });

  app.patch('/api/users/:id', {
    schema: { tags, params: ById, body: UserUpdate, response: { 200: UserSummary } },
    handler: (r) => services.users.update(actorOf(r), r.params.id, r.body),
  });

  app.post('/api/users/:id/roles', {
    schema: { tags, summary: 'Grant a role at a unit', params: ById, body: RoleAssign, response: { 200: UserSummary } },
    handler: (r) => services.users.addRole(actorOf(r), r.params.id, r.body),
  });

  app.delete('/api/users/:id/roles/:assignmentId', {
    schema: { tags, summary: 'End a role (kept in history)', params: z.object({ id: Id, assignmentId: Id }), response: { 200: UserSummary } },
    handler: (r) => services.users.removeRole(actorOf(r), r.params.id, r.params.assignmentId),
  });

  app.post('/api/users/:id/password-reset', {
    schema: { tags, summary: 'Reset to a one-time password, shown once', params: ById, response: { 200: UserWithPassword } },
    handler: (r) => services.users.resetPassword(actorOf(r), r.params.id),
  });

  app.post('/api/users/:id/reveal', {
    schema: { tags, summary: 'The full mobile number (audited)', params: ById, response: { 200: Revealed } },
    handler: (r) => services.users.revealMobile(actorOf(r), r.params.id),
  });
};
