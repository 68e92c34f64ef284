import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Id } from '../../../contract/common.ts';
import {
  DuplicateGroup, Household, ImportQuery, ImportReport, ResidentCreate, ResidentDetail, ResidentListQuery, ResidentMerge, ResidentMove,
  ResidentPage, ResidentStatusChange, ResidentUpdate, RevealedResident, UnvisitedHousehold,
} from '../../../contract/ledger.ts';
import type { Services } from '../../services.ts';
import { shanghaiDate } from '../../../domain/local-date.ts';
import { actorOf } from '../../plugins/session.plugin.ts';
import { attachment, XLSX } from '../../attachment.ts';

const tags = ['ledger'];
const ById = z.object({ id: Id });

export const ledgerRoutes = (services: Services, opts: { importMaxBytes: number }): FastifyPluginAsyncZod => async (app) => {
  // Spreadsheets arrive as the raw file; the limit is checked from Content-Length before anything is read.
  app.addContentTypeParser([XLSX, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: opts.importMaxBytes }, (_r, body, done) => done(null, body));

  app.get('/api/residents', {
    schema: { tags, summary: 'Residents in one’s area (masked), filtered and searched while typing', querystring: ResidentListQuery, response: { 200: ResidentPage } },
    handler: (r) => services.residents.list(actorOf(r), r.query),
  });

  app.get('/api/residents/export', {
    schema: { tags, summary: 'The filtered list as .xlsx; `full=true` (audited) for roles that may reveal', querystring: ResidentListQuery.extend({ full: z.stringbool().optional() }) },
    handler: async (r, reply) => {
      const file = await services.residents.exportSheet(actorOf(r), r.query);
      return reply.headers(attachment(`居民台账-${shanghaiDate()}.xlsx`)).send(file);
    },
  });

  app.get('/api/residents/:id', {
    schema: { tags, params: ById, response: { 200: ResidentDetail } },
    handler: (r) => services.residents.get(actorOf(r), r.params.id),
  });

  app.post('/api/residents', {
    schema: { tags, summary: 'Register a person in a household (a retry with the same id returns the stored one)', body: ResidentCreate, response: { 200: ResidentDetail, 201: ResidentDetail } },
    handler: async (r, reply) => {
      const { resident, created } = await services.residentChanges.create(actorOf(r), r.body);
      return reply.status(created ? 201 : 200).send(resident);
    },
  });

  app.patch('/api/residents/:id', {
    schema: { tags, params: ById, body: ResidentUpdate, response: { 200: ResidentDetail } },
    handler: (r) => services.residentChanges.update(actorOf(r), r.params.id, r.body),
  });

  app.post('/api/residents/:id/move', {
    schema: { tags, summary: 'Move to another household (history kept)', params: ById, body: ResidentMove, response: { 200: ResidentDetail } },
    handler: (r) => services.residentChanges.move(actorOf(r), r.params.id, r.body),
  });

  app.post('/api/residents/:id/status', {
    schema: { tags, summary: 'Moved out or deceased, from a day (history kept)', params: ById, body: ResidentStatusChange, response: { 200: ResidentDetail } },
    handler: (r) => services.residentChanges.changeStatus(actorOf(r), r.params.id, r.body),
  });

  app.post('/api/residents/:id/reveal', {
    schema: { tags, summary: 'The full ID number and phone (audited)', params: ById, response: { 200: RevealedResident } },
    handler: (r) => services.residents.reveal(actorOf(r), r.params.id),
  });

  app.post('/api/residents/:id/merge', {
    schema: { tags, summary: 'Merge a duplicate record into another (audited)', params: ById, body: ResidentMerge, response: { 200: ResidentDetail } },
    handler: (r) => services.residentChanges.merge(actorOf(r), r.params.id, r.body),
  });

  app.get('/api/residents-duplicates', {
    schema: { tags, summary: 'Likely duplicates (same name and birth date) under a unit', querystring: z.object({ unitId: Id }), response: { 200: z.array(DuplicateGroup) } },
    handler: (r) => services.residents.duplicates(actorOf(r), r.query.unitId),
  });

  app.get('/api/households', {
    schema: { tags, summary: 'Households with people living in them, under a unit', querystring: z.object({ unitId: Id }), response: { 200: z.array(UnvisitedHousehold) } },
    handler: (r) => services.residents.households(actorOf(r), r.query.unitId),
  });

  app.get('/api/households/:id', {
    schema: { tags, params: ById, response: { 200: Household } },
    handler: (r) => services.residents.household(actorOf(r), r.params.id),
  });

  app.get('/api/communities/:id/resident-template', {
    schema: { tags, summary: 'The import template (.xlsx) with the community’s groups', params: ById },
    handler: async (r, reply) => {
      const file = await services.residentImport.template(actorOf(r), r.params.id);
      return reply.headers(attachment('居民台账导入模板.xlsx')).send(file);
    },
  });

  app.post('/api/communities/:id/resident-import', {
    bodyLimit: opts.importMaxBytes,
    schema: {
      tags,
      summary: 'Check (mode=check) or write (mode=commit) a resident sheet sent as the raw .xlsx body',
      params: ById,
      querystring: ImportQuery,
      response: { 200: ImportReport },
    },
    handler: (r) => {
      if (!Buffer.isBuffer(r.body)) return Promise.reject(Object.assign(new Error('not a file'), { statusCode: 415, code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' }));
      return services.residentImport.run(actorOf(r), r.params.id, r.body, { commit: r.query.mode === 'commit', skipInvalid: r.query.skipInvalid ?? false, locale: r.locale });
    },
  });
};
