import { ApiRequestError } from '../../shared/api.ts';
import i18n from '../../shared/i18n.ts';

/**
 * The server's refusal of a form, split as a phone form shows it: messages
 * under the fields the form has (by the server's field name), and the rest
 * (a limit reached, a person already observed) above the form.
 */
export interface ServerErrors {
  fields: Record<string, string>;
  general: string | null;
}

export function serverErrorsOf(error: unknown, known: (field: string) => boolean): ServerErrors {
  if (!(error instanceof ApiRequestError)) return { fields: {}, general: error instanceof Error ? error.message : i18n.t('common:errors.unexpected') };
  const body = error.body;
  const entries = body.details?.length ? body.details : body.field ? [{ field: body.field, message: body.message }] : [];
  const fields: Record<string, string> = {};
  const leftover: string[] = [];
  for (const entry of entries) {
    if (known(entry.field)) fields[entry.field] = entry.message;
    else leftover.push(entry.message);
  }
  if (entries.length === 0) return { fields, general: body.message };
  return { fields, general: leftover.length ? leftover.join('; ') : null };
}
