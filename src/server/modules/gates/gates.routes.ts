import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import QRCode from 'qrcode';
import { z } from 'zod';
import { Id } from '../../../contract/common.ts';
import {
  Alert, AlertHandle, AlertQuery, AssignableUser, AssigneesSet, ChangePlan, Entrance, EntranceCreate, EntranceEdit, FieldGate, ItemResult, LiveGateView, LiveQuery,
  PassageBatch, PassageRow, PassCard, PassCardQuery, PassIssue, PassIssueResult, PassListQuery, PassStatusChange, PassSummary, PatrolBatch, PatrolCoverage,
  PatrolCoverageQuery, PatrolGroup, PatrolGroupCreate, PatrolZone, PatrolZoneCreate, RegisterQuery, StateChange, VisitorLookup, VisitorLookupQuery,
} from '../../../contract/gates.ts';
import type { Services } from '../../services.ts';
import { actorOf } from '../../plugins/session.plugin.ts';
import { attachment } from '../../attachment.ts';
import { eventStreams } from '../../event-stream.ts';

const tags = ['gates'];
const ById = z.object({ id: Id });
const ByCommunity = z.object({ communityId: Id });

/** A live stream ends after this long and the page reconnects: a signed-out user's stream stops within it. */
const STREAM_MAX_MS = 10 * 60_000;

export const gatesRoutes = (services: Services): FastifyPluginAsyncZod => async (app) => {
  const stream = eventStreams(app, STREAM_MAX_MS);

  /* Entrances */
  app.get('/api/gates/entrances', {
    schema: { tags, summary: 'Entrances with their state now, planned changes and assignees', querystring: z.object({ communityId: Id.optional() }), response: { 200: z.array(Entrance) } },
    handler: (r) => services.entrances.list(actorOf(r), r.query),
  });
  app.post('/api/gates/entrances', {
    schema: { tags, body: EntranceCreate, response: { 201: Entrance } },
    handler: async (r, reply) => reply.status(201).send(await services.entrances.create(actorOf(r), r.body)),
  });
  app.patch('/api/gates/entrances/:id', {
    schema: { tags, params: ById, body: EntranceEdit, response: { 200: Entrance } },
    handler: (r) => services.entrances.edit(actorOf(r), r.params.id, r.body),
  });
  app.get('/api/gates/entrances/:id/history', {
    schema: { tags, summary: 'Every state change decided for an entrance, newest first, with who decided', params: ById, response: { 200: z.array(StateChange) } },
    handler: (r) => services.entrances.history(actorOf(r), r.params.id),
  });
  app.put('/api/gates/entrances/:id/assignees', {
    schema: { tags, summary: 'Who may register at this entrance', params: ById, body: AssigneesSet, response: { 200: Entrance } },
    handler: (r) => services.entrances.setAssignees(actorOf(r), r.params.id, r.body.userIds),
  });
  app.get('/api/gates/assignable', {
    schema: { tags, summary: 'People of a community who can be given a gate or a patrol', querystring: ByCommunity, response: { 200: z.array(AssignableUser) } },
    handler: (r) => services.entrances.assignable(actorOf(r), r.query.communityId),
  });
  app.post('/api/gates/entrance-changes', {
    schema: { tags, summary: 'Decide a state for several entrances, now or from a later time', body: ChangePlan, response: { 200: z.array(Entrance) } },
    handler: (r) => services.entrances.plan(actorOf(r), r.body),
  });
  app.post('/api/gates/entrance-changes/:id/cancel', {
    schema: { tags, summary: 'Call off a planned change before it takes effect', params: ById, response: { 200: Entrance } },
    handler: (r) => services.entrances.cancelChange(actorOf(r), r.params.id),
  });

  /* Passes */
  app.get('/api/gates/passes', {
    schema: { tags, querystring: PassListQuery, response: { 200: z.array(PassSummary) } },
    handler: (r) => services.passes.list(actorOf(r), r.query),
  });
  app.post('/api/gates/passes', {
    schema: { tags, summary: 'Issue passes to households or residents of some groups, or to chosen holders', body: PassIssue, response: { 200: PassIssueResult } },
    handler: (r) => services.passes.issue(actorOf(r), r.body),
  });
  app.post('/api/gates/passes/:id/status', {
    schema: { tags, summary: 'Suspend, reactivate or revoke (final) a pass', params: ById, body: PassStatusChange, response: { 200: PassSummary } },
    handler: (r) => services.passes.setStatus(actorOf(r), r.params.id, r.body),
  });
  app.get('/api/gates/passes/cards', {
    schema: { tags, summary: 'Pass cards to print, each with its signed token', querystring: PassCardQuery, response: { 200: z.array(PassCard) } },
    handler: (r) => services.passes.cards(actorOf(r), r.query),
  });
  app.get('/api/gates/passes/:id/qr.svg', {
    schema: { tags, summary: 'The pass’s QR code, drawn by the server', params: ById },
    handler: async (r, reply) => {
      const token = await services.passes.token(actorOf(r), r.params.id);
      const svg = await QRCode.toString(token, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      return reply.header('content-type', 'image/svg+xml').header('cache-control', 'private, max-age=300').send(svg);
    },
  });

  /* Registrations, visitors, the register */
  app.get('/api/field/gate', {
    schema: { tags, summary: 'What a gate phone keeps for offline work: entrances, keys, passes to refuse, patrol groups', response: { 200: FieldGate } },
    handler: (r) => services.passages.fieldGate(actorOf(r)),
  });
  app.post('/api/gates/passages', {
    schema: { tags, summary: 'Registrations from a phone’s outbox: each stored, already stored, or refused with a reason', body: PassageBatch, response: { 200: z.array(ItemResult) } },
    handler: (r) => services.passages.store(actorOf(r), r.body.items, r.locale),
  });
  app.get('/api/gates/visitors/lookup', {
    schema: { tags, summary: 'A returning visitor by ID number or phone', querystring: VisitorLookupQuery, response: { 200: VisitorLookup } },
    handler: (r) => services.passages.lookupVisitor(actorOf(r), r.query),
  });
  app.get('/api/gates/register', {
    schema: { tags, summary: 'A day’s register of a community or a checkpoint', querystring: RegisterQuery, response: { 200: z.array(PassageRow) } },
    handler: (r) => services.passages.register(actorOf(r), r.query),
  });
  app.get('/api/gates/register.xlsx', {
    schema: { tags, summary: 'A day’s register as .xlsx, a sheet per checkpoint', querystring: RegisterQuery },
    handler: async (r, reply) => {
      const { file, name } = await services.passages.registerWorkbook(actorOf(r), r.query, r.locale);
      return reply.headers(attachment(name)).send(file);
    },
  });

  /* Alerts and the live view */
  app.get('/api/gates/alerts', {
    schema: { tags, querystring: AlertQuery, response: { 200: z.array(Alert) } },
    handler: (r) => services.passages.alerts(actorOf(r), r.query),
  });
  app.post('/api/gates/alerts/:id/handle', {
    schema: { tags, params: ById, body: AlertHandle, response: { 200: Alert } },
    handler: (r) => services.passages.handleAlert(actorOf(r), r.params.id, r.body.note),
  });
  app.get('/api/gates/live', {
    schema: { tags, summary: 'Today at a community’s gates', querystring: LiveQuery, response: { 200: LiveGateView } },
    handler: (r) => services.gateLive.view(actorOf(r), r.query),
  });
  app.get('/api/gates/live/stream', {
    schema: { tags, summary: 'The live view as server-sent events: `view` (whole view, on connecting and after changes), `alert`', querystring: LiveQuery },
    handler: (r, reply) => stream(reply, (send) => services.gateLive.watch(actorOf(r), r.query, send)),
  });

  /* Patrols */
  app.get('/api/gates/patrol-zones', {
    schema: { tags, querystring: ByCommunity, response: { 200: z.array(PatrolZone) } },
    handler: (r) => services.patrols.zones(actorOf(r), r.query.communityId),
  });
  app.post('/api/gates/patrol-zones', {
    schema: { tags, body: PatrolZoneCreate, response: { 201: PatrolZone } },
    handler: async (r, reply) => reply.status(201).send(await services.patrols.createZone(actorOf(r), r.body)),
  });
  app.get('/api/gates/patrol-groups', {
    schema: { tags, querystring: ByCommunity, response: { 200: z.array(PatrolGroup) } },
    handler: (r) => services.patrols.groups(actorOf(r), r.query.communityId),
  });
  app.post('/api/gates/patrol-groups', {
    schema: { tags, body: PatrolGroupCreate, response: { 201: PatrolGroup } },
    handler: async (r, reply) => reply.status(201).send(await services.patrols.createGroup(actorOf(r), r.body)),
  });
  app.post('/api/gates/patrol-rounds', {
    schema: { tags, summary: 'Patrol rounds from a phone’s outbox, each stored once', body: PatrolBatch, response: { 200: z.array(ItemResult) } },
    handler: (r) => services.patrols.storeRounds(actorOf(r), r.body.items, r.locale),
  });
  app.get('/api/gates/patrol-coverage', {
    schema: { tags, summary: 'Which zones were patrolled in which hours of a day', querystring: PatrolCoverageQuery, response: { 200: PatrolCoverage } },
    handler: (r) => services.patrols.coverage(actorOf(r), r.query),
  });
};
