import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditEvent, AuditQuery } from '../../../contract/audit.ts';
import { Page } from '../../../contract/common.ts';
import type { Services } from '../../services.ts';
import { actorOf } from '../../plugins/session.plugin.ts';

/** Read-only by design: there is no route that changes or deletes an audit event. */
export const auditRoutes = (services: Services): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/audit-events', {
    schema: { tags: ['audit'], summary: 'Audit events in one’s area, newest first', querystring: AuditQuery, response: { 200: Page(AuditEvent) } },
    handler: (r) => services.audit.list(actorOf(r), r.query),
  });
};
