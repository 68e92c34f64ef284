import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Id } from '../../../contract/common.ts';
import { OrgListQuery, OrgUnit, OrgUnitCreate, OrgUnitDetail, OrgUnitUpdate } from '../../../contract/org.ts';
import type { Services } from '../../services.ts';
import { actorOf } from '../../plugins/session.plugin.ts';

const tags = ['org'];
const ById = z.object({ id: Id });

export const orgRoutes = (services: Services): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/org-units', {
    schema: {
      tags,
      summary: 'Units in scope: the top of one’s area, the children of `parentId`, or a search by `q`',
      querystring: OrgListQuery,
      response: { 200: z.array(OrgUnit) },
    },
    handler: (r) => services.org.list(actorOf(r), r.query),
  });

  app.get('/api/org-units/:id', {
    schema: { tags, summary: 'One unit with its ancestors', params: ById, response: { 200: OrgUnitDetail } },
    handler: (r) => services.org.get(actorOf(r), r.params.id),
  });

  app.post('/api/org-units', {
    schema: { tags, summary: 'Create a unit (a retry with the same id returns the stored one)', body: OrgUnitCreate, response: { 200: OrgUnitDetail, 201: OrgUnitDetail } },
    handler: async (r, reply) => {
      const { unit, replayed } = await services.org.create(actorOf(r), r.body);
      return reply.status(replayed ? 200 : 201).send(unit);
    },
  });

  app.patch('/api/org-units/:id', {
    schema: { tags, summary: 'Rename, re-date or dissolve (validTo) a unit; answers the unit', params: ById, body: OrgUnitUpdate, response: { 200: OrgUnit } },
    handler: (r) => services.org.update(actorOf(r), r.params.id, r.body),
  });
};
