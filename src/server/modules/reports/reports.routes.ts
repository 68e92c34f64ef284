import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Id } from '../../../contract/common.ts';
import {
  Dashboard, DashboardQuery, DraftWrite, Issue, IssueAnswerWrite, IssueGroup, IssueGroupCreate, IssuesQuery, LevelDay, LevelQuery, ReportCorrect, ReportDay,
  ReportDayQuery, ReportRules, ReportSubmit, RulesAnswer, RulesQuery, StreamQuery,
} from '../../../contract/reports.ts';
import { translate } from '../../../i18n/messages.ts';
import { attachment } from '../../attachment.ts';
import { eventStreams } from '../../event-stream.ts';
import { actorOf } from '../../plugins/session.plugin.ts';
import type { Services } from '../../services.ts';
import { writeLevelWorkbook, writeReportWorkbook } from './report-workbook.ts';

const tags = ['reports'];
const ById = z.object({ id: Id });
const ByOrg = z.object({ orgId: Id });
/** A live stream ends after this long and the page reconnects: a signed-out user's stream stops within it. */
const STREAM_MAX_MS = 10 * 60_000;

export const reportsRoutes = (services: Services): FastifyPluginAsyncZod => async (app) => {
  const { reports, issues, levels, rules, stream: live } = services.reports;
  const stream = eventStreams(app, STREAM_MAX_MS);

  /* The office's rule */
  app.get('/api/reports/rules', {
    schema: { tags, summary: 'The rule in force at a unit (its own or the nearest office’s above, or the defaults)', querystring: RulesQuery, response: { 200: RulesAnswer } },
    handler: (r) => rules.get(actorOf(r), r.query.orgId),
  });
  app.put('/api/reports/rules/:orgId', {
    schema: { tags, summary: 'Set an office’s rule for the reports below it: fewest issues, deadline, answer time', params: ByOrg, body: ReportRules, response: { 200: RulesAnswer } },
    handler: (r) => rules.set(actorOf(r), r.params.orgId, r.body),
  });

  /* A community's (or work team's) report */
  app.get('/api/reports/day', {
    schema: { tags, summary: 'A report of a day: the draft or the current version, figures filled now until submitted, issues with answers', querystring: ReportDayQuery, response: { 200: ReportDay } },
    handler: (r) => reports.day(actorOf(r), r.query),
  });
  app.put('/api/reports/draft', {
    schema: { tags, summary: 'Save the draft (narrative, issues); refused once submitted', body: DraftWrite, response: { 200: ReportDay } },
    handler: (r) => reports.saveDraft(actorOf(r), r.body),
  });
  app.post('/api/reports/submit', {
    schema: { tags, summary: 'Submit: freeze the figures, send the issues up; a retry with the same id is stored once', body: ReportSubmit, response: { 200: ReportDay } },
    handler: (r) => reports.submit(actorOf(r), r.body),
  });
  app.post('/api/reports/:id/corrections', {
    schema: { tags, summary: 'Correct a submitted report: a new version with its reason (figures filled again, further issues sent)', params: ById, body: ReportCorrect, response: { 200: ReportDay } },
    handler: (r) => reports.correct(actorOf(r), r.params.id, r.body),
  });
  app.get('/api/reports/level', {
    schema: { tags, summary: 'A level’s reports of a day: each unit below summed, every community’s state (missing, late, overdue)', querystring: LevelQuery, response: { 200: LevelDay } },
    handler: (r) => levels.day(actorOf(r), r.query),
  });
  app.get('/api/reports/level/export.xlsx', {
    schema: { tags, summary: 'A level’s day as .xlsx: totals per unit below, and every community', querystring: LevelQuery },
    handler: async (r, reply) => {
      const level = await levels.day(actorOf(r), r.query);
      const name = `${translate(r.locale, 'reportSheet.levelFilename')}-${level.unit.name}-${level.day}.xlsx`;
      return reply.headers(attachment(name)).send(await writeLevelWorkbook(r.locale, level));
    },
  });
  app.get('/api/reports/:id', {
    schema: { tags, summary: 'One version of a report, as it was submitted', params: ById, response: { 200: ReportDay } },
    handler: (r) => reports.version(actorOf(r), r.params.id),
  });
  app.get('/api/reports/:id/export.xlsx', {
    schema: { tags, summary: 'One version of a report as .xlsx', params: ById },
    handler: async (r, reply) => {
      const report = await reports.version(actorOf(r), r.params.id);
      const name = `${translate(r.locale, 'reportSheet.filename')}-${report.community.name}-${report.day}-v${report.version ?? 0}.xlsx`;
      return reply.headers(attachment(name)).send(await writeReportWorkbook(r.locale, report));
    },
  });

  /* Issues and suggestions */
  app.get('/api/issues', {
    schema: { tags, summary: 'Issues raised under a unit, newest first (500 at most); mine=true: sent to my offices', querystring: IssuesQuery, response: { 200: z.array(Issue) } },
    handler: (r) => issues.list(actorOf(r), r.query),
  });
  app.post('/api/issues/:id/answers', {
    schema: { tags, summary: 'Answer an issue sent to one’s office: a measure and a status (declined with a reason)', params: ById, body: IssueAnswerWrite, response: { 200: Issue } },
    handler: (r) => issues.answer(actorOf(r), r.params.id, r.body),
  });
  app.post('/api/issues/groups', {
    schema: { tags, summary: 'Group similar issues sent to one office, to answer them once', body: IssueGroupCreate, response: { 200: IssueGroup } },
    handler: (r) => issues.group(actorOf(r), r.body),
  });
  app.get('/api/issues/groups/:id', {
    schema: { tags, summary: 'A group of similar issues, with each issue and its answers', params: ById, response: { 200: IssueGroup } },
    handler: (r) => issues.groupView(actorOf(r), r.params.id),
  });
  app.post('/api/issues/groups/:id/answers', {
    schema: { tags, summary: 'One answer for every issue of a group', params: ById, body: IssueAnswerWrite, response: { 200: IssueGroup } },
    handler: (r) => issues.answerGroup(actorOf(r), r.params.id, r.body),
  });

  /* Dashboards */
  app.get('/api/dashboard', {
    schema: { tags, summary: 'Today (or a day) at a glance for a unit: figures filled now, per unit below, passages and fevers by hour', querystring: DashboardQuery, response: { 200: Dashboard } },
    handler: (r) => levels.dashboard(actorOf(r), r.query),
  });
  app.get('/api/dashboard/stream', {
    schema: { tags, summary: 'Server-sent events: `changed` when anything changes at a community of the unit (at most every 2 s)', querystring: StreamQuery },
    handler: (r, reply) => stream(reply, (send) => live.watch(actorOf(r), r.query, send)),
  });
};
