import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiError } from '../../contract/common.ts';
import type { Locale } from '../../contract/common.ts';
import { lookup, translate } from '../../i18n/messages.ts';
import { uniqueViolation } from '../../db/dialect.ts';
import { AppError } from '../errors.ts';

const zodChinese = z.locales.zhCN().localeError;

/**
 * Renders every failure as `{ code, message, field }` with the right status,
 * in the caller's language. Nothing else reaches the client: no stack traces,
 * no driver messages.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const locale = request.locale;
    if (error instanceof AppError) return sendAppError(reply, locale, error);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((v) => ({
        field: [error.validationContext === 'body' ? '' : error.validationContext, ...v.instancePath.split('/')].filter(Boolean).join('.'),
        message: issueMessage(locale, { code: v.keyword, message: v.message ?? '', path: v.instancePath.split('/').filter(Boolean), ...v.params }),
      }));
      const body: ApiError = {
        code: 'VALIDATION_FAILED',
        message: details.map((d) => (d.field ? `${d.field}: ${d.message}` : d.message)).join('; '),
        field: details[0]?.field,
        details,
      };
      return reply.status(400).send(body);
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return sendAppError(reply, locale, new AppError('FILE_TOO_LARGE', { params: { limit: megabytes(request.routeOptions.bodyLimit) } }));
    }
    if (error.statusCode === 429) return sendAppError(reply, locale, new AppError('RATE_LIMITED'));
    const unique = uniqueViolation(error);
    if (unique) return sendAppError(reply, locale, UNIQUE_ERRORS[unique] ?? new AppError('ID_CONFLICT'));
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      // Fastify's own refusals: malformed JSON, wrong content type, body too large.
      const body: ApiError = { code: 'VALIDATION_FAILED', message: `${translate(locale, 'errors.VALIDATION_FAILED')} (${error.code})` };
      return reply.status(error.statusCode).send(body);
    }
    request.log.error({ err: error }, 'request failed');
    return sendAppError(reply, locale, new AppError('INTERNAL'));
  });

  app.setNotFoundHandler((request, reply) => sendAppError(reply, request.locale, new AppError('ROUTE_NOT_FOUND')));
}

/** What two racing writes that hit the same unique key are told: the same as the check before the insert says. */
const UNIQUE_ERRORS: Record<string, AppError> = {
  'org_units.code': new AppError('CODE_TAKEN', { field: 'code' }),
  'org_units.path': new AppError('CODE_TAKEN', { field: 'code' }),
  'users.username': new AppError('USERNAME_TAKEN', { field: 'username' }),
  'users.mobile': new AppError('MOBILE_TAKEN', { field: 'mobile' }),
  'org_units.id': new AppError('ID_CONFLICT', { field: 'id' }),
  'users.id': new AppError('ID_CONFLICT', { field: 'id' }),
  'residents.id_hash': new AppError('DUPLICATE_ID', { field: 'idNumber', params: { where: '-' } }),
};

function sendAppError(reply: FastifyReply, locale: Locale, error: AppError): FastifyReply {
  const params: Record<string, string | number> = {};
  // Parameters that are translation keys (orgKinds.group, roles.grid_worker) are shown translated.
  for (const [k, v] of Object.entries(error.options.params ?? {})) params[k] = typeof v === 'string' ? (lookup(locale, v) ?? v) : v;
  const body: ApiError = { code: error.code, message: translate(locale, `errors.${error.code}`, params) };
  if (error.options.field) body.field = error.options.field;
  if (error.options.ref) body.ref = error.options.ref;
  return reply.status(error.status).send(body);
}

/** A byte limit as people say it: 20 MB. */
export function megabytes(bytes: number | undefined): string {
  return `${Math.round(((bytes ?? 0) / 1_048_576) * 10) / 10} MB`;
}

/** Our schemas carry translation keys as messages; zod's own messages are re-rendered in Chinese when needed. */
function issueMessage(locale: Locale, issue: Record<string, unknown> & { message: string }): string {
  if (issue.message.startsWith('validation.')) return translate(locale, issue.message);
  if (locale === 'en') return issue.message;
  const localized = zodChinese(issue as never);
  return typeof localized === 'string' ? localized : (localized?.message ?? issue.message);
}

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
  }
}

export type { FastifyRequest };
