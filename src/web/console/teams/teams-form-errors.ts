import type { FormInstance } from 'antd';
import { ApiRequestError } from '../../shared/api.ts';
import { applyServerErrors, toNamePath } from '../shared/form-errors.ts';

/**
 * Puts a refusal on the field it is about. The server names the field when it
 * can; a rule broken by the whole request (a replacement dated before the
 * member joined) names none, so `byCode` says which field of this form it
 * concerns. Answers what is left for the form as a whole, or null.
 */
export function placeError(form: FormInstance, error: unknown, byCode: Partial<Record<string, string>> = {}, rename: Record<string, string> = {}): string | null {
  if (error instanceof ApiRequestError && !error.body.field && !error.body.details?.length) {
    const field = byCode[error.code];
    if (field) {
      form.setFields([{ name: toNamePath(field), errors: [error.body.message] }]);
      return null;
    }
  }
  return applyServerErrors(form, error, rename);
}
