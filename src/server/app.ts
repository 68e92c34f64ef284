import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { orgRoutes } from './modules/org/org.routes.ts';
import { usersRoutes } from './modules/users/users.routes.ts';
import { ledgerRoutes } from './modules/ledger/ledger.routes.ts';
import { screeningRoutes } from './modules/ledger/screening.routes.ts';
import { gatesRoutes } from './modules/gates/gates.routes.ts';
import { observationRoutes } from './modules/observation/observation.routes.ts';
import { teamsRoutes } from './modules/teams/teams.routes.ts';
import { rostersRoutes } from './modules/rosters/rosters.routes.ts';
import { volunteersRoutes } from './modules/teams/volunteers.routes.ts';
import { briefingsRoutes } from './modules/briefings/briefings.routes.ts';
import { reportsRoutes } from './modules/reports/reports.routes.ts';
import { registerErrorHandling } from './plugins/errors.plugin.ts';
import { registerSessions } from './plugins/session.plugin.ts';
import { createServices, type Services } from './services.ts';
import type { SensitiveBox } from './security/sensitive.ts';

export interface AppOptions {
  database: Database;
  config: Pick<Config, 'sessionHours' | 'trustProxy'> & Partial<Pick<Config, 'importMaxBytes'>>;
  /** Seals and hashes sensitive values (security/sensitive.ts). */
  box: SensitiveBox;
  /** Where the built web app is; absent in API-only tests. */
  webRoot?: string | undefined;
  logger?: FastifyServerOptions['logger'];
  https?: { cert: Buffer; key: Buffer } | undefined;
}

/** Builds the Fastify instance (without listening): API, OpenAPI document, and the two web shells. */
export async function buildApp(opts: AppOptions): Promise<{ app: FastifyInstance; services: Services }> {
  const services = createServices(opts.database, opts.box, opts.config);
  const app = Fastify({
    logger: opts.logger ?? false,
    trustProxy: opts.config.trustProxy,
    ...(opts.https ? { https: opts.https } : {}),
  }) as unknown as FastifyInstance;

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Linli 邻里 API', version: '0.1.0', description: 'Community epidemic prevention and grid management' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'linli_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, () => app.swagger());
  registerSessions(app, (token) => services.auth.resolve(token), ['/api/docs']);

  await app.register(healthRoutes(services));
  await app.register(authRoutes(services, { sessionHours: opts.config.sessionHours }));
  await app.register(orgRoutes(services));
  await app.register(usersRoutes(services));
  await app.register(auditRoutes(services));
  await app.register(screeningRoutes(services));
  await app.register(gatesRoutes(services));
  await app.register(observationRoutes(services));
  await app.register(teamsRoutes(services));
  await app.register(rostersRoutes(services));
  await app.register(volunteersRoutes(services));
  await app.register(briefingsRoutes(services));
  await app.register(reportsRoutes(services));
  await app.register(ledgerRoutes(services, { importMaxBytes: opts.config.importMaxBytes ?? 20 * 1_048_576 }));

  if (opts.webRoot) await serveWeb(app, opts.webRoot);
  return { app, services };
}

/**
 * Serves the Vite build: the console at `/`, the field app at `/m/`. Unknown
 * paths under each get that shell's index.html, so deep links work.
 */
async function serveWeb(app: FastifyInstance, webRoot: string): Promise<void> {
  const root = resolve(webRoot);
  if (!existsSync(resolve(root, 'index.html'))) throw new Error(`The web app is not built in ${root}: run npm run build.`);
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: false,
    // Hashed assets never change; the pages and the service worker must be revalidated.
    setHeaders: (res, path) => res.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  const page = (file: string) => (_req: unknown, reply: { sendFile: (f: string) => unknown }) => reply.sendFile(file);
  app.get('/', { config: { access: 'public' } }, page('index.html'));
  app.get('/m', { config: { access: 'public' } }, (_req, reply) => reply.redirect('/m/'));
  app.get('/m/', { config: { access: 'public' } }, page('m/index.html'));
  app.get('/m/*', { config: { access: 'public' } }, page('m/index.html'));
  app.get('/*', { config: { access: 'public' } }, (req, reply) =>
    req.url.startsWith('/api/') ? reply.callNotFound() : reply.sendFile('index.html'),
  );
}
