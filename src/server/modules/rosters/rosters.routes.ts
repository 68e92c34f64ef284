import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Id } from '../../../contract/common.ts';
import { ItemResult } from '../../../contract/gates.ts';
import {
  CheckInBatch, Duty, DutyAlert, DutyAlertHandle, DutyAlertsQuery, DutyCreate, MyDuties, MyDutiesQuery, OnDutyNow, RosterOverview, RosterOverviewQuery, RosterSheet,
  RosterWeek, Shift, ShiftsSet, Swap, SwapCreate, SwapDecide, SwapQuery, WeekCopied, WeekCopy, WeekQuery,
} from '../../../contract/rosters.ts';
import type { Services } from '../../services.ts';
import { attachment } from '../../attachment.ts';
import { actorOf } from '../../plugins/session.plugin.ts';

const tags = ['rosters'];
const ById = z.object({ id: Id });

export const rostersRoutes = (services: Services): FastifyPluginAsyncZod => async (app) => {
  const { week, sheet, swaps, onDuty } = services.rosters;

  app.get('/api/rosters/week', {
    schema: { tags, summary: 'A community’s week of rosters: checkpoints, shifts, duties and gaps', querystring: WeekQuery, response: { 200: RosterWeek } },
    handler: (r) => week.week(actorOf(r), r.query),
  });
  app.put('/api/rosters/checkpoints/:id/shifts', {
    schema: { tags, summary: 'A checkpoint’s shifts and their minimum staff', params: ById, body: ShiftsSet, response: { 200: z.object({ shifts: z.array(Shift) }) } },
    handler: (r) => week.setShifts(actorOf(r), r.params.id, r.body.shifts),
  });
  app.post('/api/rosters/duties', {
    schema: { tags, summary: 'Put a person on a shift', body: DutyCreate, response: { 200: Duty } },
    handler: (r) => week.addDuty(actorOf(r), r.body),
  });
  app.delete('/api/rosters/duties/:id', {
    schema: { tags, params: ById, response: { 200: z.object({ ok: z.literal(true) }) } },
    handler: (r) => week.removeDuty(actorOf(r), r.params.id),
  });
  app.post('/api/rosters/copy-week', {
    schema: { tags, summary: 'Copy a template week onto another week; what breaks a rule is skipped with why', body: WeekCopy, response: { 200: WeekCopied } },
    handler: (r) => week.copyWeek(actorOf(r), r.body, r.locale),
  });
  app.get('/api/rosters/sheet', {
    schema: { tags, summary: 'The week for the street: checkpoint, shift, names, phones in full (audited)', querystring: WeekQuery, response: { 200: RosterSheet } },
    handler: (r) => sheet.sheet(actorOf(r), r.query),
  });
  app.get('/api/rosters/export.xlsx', {
    schema: { tags, summary: 'The week for the street as .xlsx (audited)', querystring: WeekQuery },
    handler: async (r, reply) => {
      const { file, name } = await sheet.workbook(actorOf(r), r.query, r.locale);
      return reply.headers(attachment(name)).send(file);
    },
  });
  app.get('/api/rosters/overview', {
    schema: { tags, summary: 'An office’s communities: checkpoints, the week’s duties and gaps, unstaffed now', querystring: RosterOverviewQuery, response: { 200: RosterOverview } },
    handler: (r) => sheet.overview(actorOf(r), r.query),
  });

  app.get('/api/rosters/swaps', {
    schema: { tags, querystring: SwapQuery, response: { 200: z.array(Swap) } },
    handler: (r) => swaps.list(actorOf(r), r.query),
  });
  app.post('/api/rosters/swaps', {
    schema: { tags, summary: 'Ask that someone take one’s shift (or exchange it)', body: SwapCreate, response: { 200: Swap } },
    handler: (r) => swaps.request(actorOf(r), r.body),
  });
  app.post('/api/rosters/swaps/:id/decide', {
    schema: { tags, summary: 'The lead approves or refuses a swap', params: ById, body: SwapDecide, response: { 200: Swap } },
    handler: (r) => swaps.decide(actorOf(r), r.params.id, r.body),
  });
  app.post('/api/rosters/swaps/:id/cancel', {
    schema: { tags, params: ById, response: { 200: Swap } },
    handler: (r) => swaps.cancel(actorOf(r), r.params.id),
  });
  app.get('/api/me/duties', {
    schema: { tags, summary: 'The signed-in user’s shifts and swaps', querystring: MyDutiesQuery, response: { 200: MyDuties } },
    handler: (r) => swaps.mine(actorOf(r), r.query),
  });

  app.get('/api/rosters/now', {
    schema: { tags, summary: 'Who is on shift at each checkpoint now, and checked in', querystring: z.object({ communityId: Id }), response: { 200: OnDutyNow } },
    handler: (r) => onDuty.now(actorOf(r), r.query.communityId),
  });
  app.post('/api/rosters/check-ins', {
    schema: { tags, summary: 'Check-ins at the gate from a phone’s outbox, each stored once', body: CheckInBatch, response: { 200: z.array(ItemResult) } },
    handler: (r) => onDuty.checkIns(actorOf(r), r.body.items, r.locale),
  });
  app.get('/api/rosters/alerts', {
    schema: { tags, summary: 'Unstaffed checkpoints (the lead’s)', querystring: DutyAlertsQuery, response: { 200: z.array(DutyAlert) } },
    handler: (r) => onDuty.alerts(actorOf(r), r.query),
  });
  app.post('/api/rosters/alerts/:id/handle', {
    schema: { tags, params: ById, body: DutyAlertHandle, response: { 200: DutyAlert } },
    handler: (r) => onDuty.handleAlert(actorOf(r), r.params.id, r.body.note),
  });
};
