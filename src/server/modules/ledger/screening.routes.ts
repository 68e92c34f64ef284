import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Id } from '../../../contract/common.ts';
import { Coverage, FieldLedger, FiguresAnswer, FiguresQuery, RoundCreate, RoundSummary, UnvisitedHousehold, VisitBatch, VisitResult, VisitSummary } from '../../../contract/ledger.ts';
import type { Services } from '../../services.ts';
import { actorOf } from '../../plugins/session.plugin.ts';

const tags = ['screening'];
const ById = z.object({ id: Id });

export const screeningRoutes = (services: Services): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/ledger/figures', {
    schema: { tags: ['ledger'], summary: 'Households, residents and categories of a unit and its children on a day', querystring: FiguresQuery, response: { 200: FiguresAnswer } },
    handler: (r) => services.figures.of(actorOf(r), r.query),
  });

  app.get('/api/screening/rounds', {
    schema: { tags, querystring: z.object({ communityId: Id.optional() }), response: { 200: z.array(RoundSummary) } },
    handler: (r) => services.screening.rounds(actorOf(r), r.query),
  });

  app.post('/api/screening/rounds', {
    schema: { tags, summary: 'Open a round over some or all of a community’s groups', body: RoundCreate, response: { 201: RoundSummary } },
    handler: async (r, reply) => reply.status(201).send(await services.screening.createRound(actorOf(r), r.body)),
  });

  app.post('/api/screening/rounds/:id/close', {
    schema: { tags, params: ById, response: { 200: RoundSummary } },
    handler: (r) => services.screening.closeRound(actorOf(r), r.params.id),
  });

  app.get('/api/screening/rounds/:id/coverage', {
    schema: { tags, summary: 'Coverage per group, per worker and per day', params: ById, response: { 200: Coverage } },
    handler: (r) => services.screening.coverage(actorOf(r), r.params.id),
  });

  app.get('/api/screening/rounds/:id/unvisited', {
    schema: { tags, summary: 'Households of the round nobody has seen yet', params: ById, querystring: z.object({ groupId: Id.optional() }), response: { 200: z.array(UnvisitedHousehold) } },
    handler: (r) => services.screening.unvisited(actorOf(r), r.params.id, r.query.groupId),
  });

  app.get('/api/screening/rounds/:id/visits', {
    schema: { tags, params: ById, querystring: z.object({ householdId: Id.optional() }), response: { 200: z.array(VisitSummary) } },
    handler: (r) => services.screening.visits(actorOf(r), r.params.id, r.query.householdId),
  });

  app.post('/api/screening/visits', {
    schema: { tags, summary: 'Visits from a phone’s outbox: each stored, already stored, or refused with a reason', body: VisitBatch, response: { 200: z.array(VisitResult) } },
    handler: (r) => services.screening.storeVisits(actorOf(r), r.body.visits, r.locale),
  });

  app.get('/api/field/ledger', {
    schema: { tags, summary: 'The households of one’s area and the open rounds, for offline work', response: { 200: FieldLedger } },
    handler: (r) => services.screening.fieldLedger(actorOf(r)),
  });
};
