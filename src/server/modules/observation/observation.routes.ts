import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import QRCode from 'qrcode';
import { z } from 'zod';
import { Id } from '../../../contract/common.ts';
import { ItemResult } from '../../../contract/gates.ts';
import {
  AlertHandle, AlertsQuery, ArrivalCreate, ArrivalDetail, ArrivalQuery, ArrivalSummary, Check, CheckListQuery, CheckReadingBatch, Declaration, DeclarationApprove,
  DeclarationInput, DeclarationPage, DeclarationQuery, DeclarationReceipt, DeclarationReject, FiguresQuery, Group, GroupCreate, Letter, LetterSign, LetterTemplate,
  LetterTemplateEdit, ObservationAlert, ObservationFigures, PlanInput, ReleaseInput, Revealed, Worker,
} from '../../../contract/observation.ts';
import { Page } from '../../../contract/common.ts';
import type { Services } from '../../services.ts';
import { actorOf } from '../../plugins/session.plugin.ts';
import { eventStreams } from '../../event-stream.ts';

const tags = ['observation'];
const ById = z.object({ id: Id });
const ByCommunity = z.object({ communityId: Id });

/** The public page's address as the person's phone will reach it: the host the staff member's browser used. */
function declarePageUrl(request: { protocol: string; host: string }, communityId: string): string {
  return `${request.protocol}://${request.host}/m/declare/${communityId}`;
}

export const observationRoutes = (services: Services): FastifyPluginAsyncZod => async (app) => {
  const { arrivals, checks, letters, declarations } = services.observation;
  // Ends after ten minutes and the page reconnects, as the gates' live stream does.
  const stream = eventStreams(app, 10 * 60_000);

  /* Arrivals, plans, release */
  app.post('/api/observation/arrivals', {
    schema: { tags, summary: 'Register an arrival (outside worker or returnee), optionally with its observation plan', body: ArrivalCreate, response: { 200: ArrivalDetail } },
    handler: (r) => arrivals.register(actorOf(r), r.body),
  });
  app.get('/api/observation/arrivals', {
    schema: { tags, querystring: ArrivalQuery, response: { 200: z.array(ArrivalSummary) } },
    handler: (r) => arrivals.list(actorOf(r), r.query),
  });
  app.get('/api/observation/arrivals/:id', {
    schema: { tags, params: ById, response: { 200: ArrivalDetail } },
    handler: (r) => arrivals.detail(actorOf(r), r.params.id),
  });
  app.post('/api/observation/arrivals/:id/reveal', {
    schema: { tags, summary: 'ID number and phone in full (audited)', params: ById, response: { 200: Revealed } },
    handler: (r) => arrivals.reveal(actorOf(r), r.params.id),
  });
  app.post('/api/observation/arrivals/:id/plans', {
    schema: { tags, summary: 'Put an arrival under observation', params: ById, body: PlanInput, response: { 200: ArrivalDetail } },
    handler: (r) => arrivals.addPlan(actorOf(r), r.params.id, r.body),
  });
  app.post('/api/observation/plans/:id/release', {
    schema: { tags, summary: 'Release a person from observation, with a record', params: ById, body: ReleaseInput, response: { 200: ArrivalDetail } },
    handler: (r) => arrivals.release(actorOf(r), r.params.id, r.body),
  });
  app.get('/api/observation/workers', {
    schema: { tags, summary: 'Who may be made responsible for a plan’s checks', querystring: ByCommunity, response: { 200: z.array(Worker) } },
    handler: (r) => arrivals.workers(actorOf(r), r.query.communityId),
  });

  /* Groups */
  app.post('/api/observation/groups', {
    schema: { tags, summary: 'Register a batch or a convoy once, each member with their own record', body: GroupCreate, response: { 200: Group } },
    handler: (r) => arrivals.createGroup(actorOf(r), r.body),
  });
  app.get('/api/observation/groups', {
    schema: { tags, querystring: ByCommunity, response: { 200: z.array(Group) } },
    handler: (r) => arrivals.groups(actorOf(r), r.query.communityId),
  });
  app.get('/api/observation/groups/:id', {
    schema: { tags, params: ById, response: { 200: Group } },
    handler: (r) => arrivals.group(actorOf(r), r.params.id),
  });

  /* Checks */
  app.get('/api/observation/checks', {
    schema: { tags, summary: 'Due, overdue or done checks: one’s own, or a community’s', querystring: CheckListQuery, response: { 200: z.array(Check) } },
    handler: (r) => checks.list(actorOf(r), r.query),
  });
  app.post('/api/observation/readings', {
    schema: { tags, summary: 'Readings from a phone’s outbox, each stored once', body: CheckReadingBatch, response: { 200: z.array(ItemResult) } },
    handler: (r) => checks.storeReadings(actorOf(r), r.body.items, r.locale),
  });
  app.get('/api/observation/alerts', {
    schema: { tags, querystring: AlertsQuery, response: { 200: z.array(ObservationAlert) } },
    handler: (r) => checks.alerts(actorOf(r), r.query),
  });
  app.post('/api/observation/alerts/:id/handle', {
    schema: { tags, params: ById, body: AlertHandle, response: { 200: ObservationAlert } },
    handler: (r) => checks.handleAlert(actorOf(r), r.params.id, r.body.note),
  });
  app.get('/api/observation/stream', {
    schema: { tags, summary: 'Server-sent events: `changed` when the community’s observation work changed (then fetch the lists)', querystring: ByCommunity },
    handler: (r, reply) => stream(reply, (send) => checks.watch(actorOf(r), r.query.communityId, send)),
  });
  app.get('/api/observation/figures', {
    schema: { tags, summary: 'The day’s figures of a unit: registered, under observation, released, checks, fevers', querystring: FiguresQuery, response: { 200: ObservationFigures } },
    handler: (r) => checks.figures(actorOf(r), r.query),
  });

  /* Commitment letters */
  app.get('/api/observation/letter-template', {
    schema: { tags, querystring: ByCommunity, response: { 200: LetterTemplate } },
    handler: (r) => letters.template(actorOf(r), r.query.communityId, r.locale),
  });
  app.put('/api/observation/letter-template', {
    schema: { tags, querystring: ByCommunity, body: LetterTemplateEdit, response: { 200: LetterTemplate } },
    handler: (r) => letters.saveTemplate(actorOf(r), r.query.communityId, r.body, r.locale),
  });
  app.get('/api/observation/arrivals/:id/letter-draft', {
    schema: { tags, summary: 'The letter as the person will sign it', params: ById, response: { 200: z.object({ title: z.string(), body: z.string() }) } },
    handler: (r) => letters.draft(actorOf(r), r.params.id, r.locale),
  });
  app.post('/api/observation/arrivals/:id/letter', {
    schema: { tags, summary: 'Sign the commitment letter (once; it cannot be changed afterwards)', params: ById, body: LetterSign, response: { 200: Letter } },
    handler: (r) => letters.sign(actorOf(r), r.params.id, r.body, r.locale),
  });
  app.get('/api/observation/letters/:id', {
    schema: { tags, params: ById, response: { 200: Letter } },
    handler: (r) => letters.letter(actorOf(r), r.params.id),
  });

  /* Self-declarations: the review queue, and the QR code the community prints */
  app.get('/api/observation/declarations', {
    schema: { tags, querystring: DeclarationQuery, response: { 200: Page(Declaration) } },
    handler: (r) => declarations.list(actorOf(r), r.query),
  });
  app.post('/api/observation/declarations/:id/approve', {
    schema: { tags, params: ById, body: DeclarationApprove, response: { 200: ArrivalDetail } },
    handler: async (r) => arrivals.detail(actorOf(r), await declarations.approve(actorOf(r), r.params.id, r.body)),
  });
  app.post('/api/observation/declarations/:id/reject', {
    schema: { tags, params: ById, body: DeclarationReject, response: { 200: Declaration } },
    handler: (r) => declarations.reject(actorOf(r), r.params.id, r.body.note),
  });
  app.get('/api/observation/declare-link', {
    schema: { tags, summary: 'The public self-declaration page of a community, and its QR code (SVG)', querystring: ByCommunity, response: { 200: z.object({ url: z.string(), svg: z.string() }) } },
    handler: async (r) => {
      await services.observation.arrivals.workers(actorOf(r), r.query.communityId);
      const url = declarePageUrl(r, r.query.communityId);
      return { url, svg: await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) };
    },
  });

  /* Public: no account */
  app.get('/api/public/declare/:id', {
    config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
    schema: { tags, summary: 'The community a self-declaration page is for', params: ById, response: { 200: DeclarationPage } },
    handler: (r) => declarations.page(r.params.id),
  });
  app.post('/api/public/declare/:id', {
    config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: { tags, summary: 'Declare oneself on arrival (reviewed by staff before it counts)', params: ById, body: DeclarationInput, response: { 200: DeclarationReceipt } },
    handler: (r) => declarations.declare(r.params.id, r.body, r.ip),
  });
};
