import type { FormInstance } from 'antd';
import { ApiRequestError } from '../../shared/api.ts';

type NamePath = (string | number)[];

/** `roles.0.unitId` → ['roles', 0, 'unitId'], the antd name path of a Form.List field. */
export function toNamePath(field: string): NamePath {
  return field
    .split('.')
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Puts the server's field errors on the form's fields. Answers the message
 * left over for the form as a whole (null when every error found its field).
 * `rename` maps a server field to another form field (e.g. `role.unitId` → `unitId`).
 */
export function applyServerErrors(form: FormInstance, error: unknown, rename: Record<string, string> = {}): string | null {
  if (!(error instanceof ApiRequestError)) return error instanceof Error ? error.message : String(error);
  const body = error.body;
  const entries = body.details?.length ? body.details : body.field ? [{ field: body.field, message: body.message }] : [];
  // The fields on screen: getFieldsValue() lists every registered field, even an empty one.
  const known = new Set(Object.keys(flatten((form.getFieldsValue() ?? {}) as Record<string, unknown>)));
  const placed: { name: NamePath; errors: string[] }[] = [];
  const leftover: string[] = [];
  for (const entry of entries) {
    const field = rename[entry.field] ?? entry.field;
    if (known.has(field)) placed.push({ name: toNamePath(field), errors: [entry.message] });
    else leftover.push(entry.message);
  }
  if (placed.length) form.setFields(placed);
  if (entries.length === 0) return body.message;
  // A field error answers with its own message; the general message is kept only when nothing was placed.
  if (leftover.length) return placed.length ? leftover.join('; ') : body.message;
  return null;
}

/** Every leaf path in the form's values, `roles.0.unitId` style, including undefined leaves. */
function flatten(value: Record<string, unknown> | unknown[], prefix = ''): Record<string, true> {
  const out: Record<string, true> = {};
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [k, v] of entries) {
    const key = prefix ? `${prefix}.${k}` : k;
    out[key] = true;
    if (v !== null && typeof v === 'object' && !isDayjs(v)) Object.assign(out, flatten(v as Record<string, unknown>, key));
  }
  return out;
}

function isDayjs(v: object): boolean {
  return typeof (v as { isValid?: unknown }).isValid === 'function';
}
