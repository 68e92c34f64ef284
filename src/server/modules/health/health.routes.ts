import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Health } from '../../../contract/common.ts';
import type { Services } from '../../services.ts';

export const healthRoutes = (services: Services): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/health', {
    config: { access: 'public' },
    schema: { tags: ['system'], summary: 'Liveness and the database in use', response: { 200: Health } },
    handler: () => services.health.check(),
  });
};
