import type { z } from 'zod';
import type { Locale } from '../contract/common.ts';
import { uniqueViolation } from '../db/dialect.ts';
import { translate } from '../i18n/messages.ts';
import { AppError } from './errors.ts';

export interface Refusal {
  result: 'refused';
  code: string;
  message: string;
  field?: string;
}

/** An error met while storing one item, as the phone shows it beside that item. */
export function refusalOf(raw: unknown, locale: Locale): Refusal {
  // Two writes racing on one key: refused like the check before the insert would have, never the whole batch.
  const e = uniqueViolation(raw) ? new AppError('ID_CONFLICT', { field: 'id' }) : raw;
  if (!(e instanceof AppError)) throw e;
  const params = Object.fromEntries(Object.entries(e.options.params ?? {}).map(([k, v]) => [k, typeof v === 'string' && v.includes('.') ? translate(locale, v) : v]));
  return { result: 'refused', code: e.code, message: translate(locale, `errors.${e.code}`, params), ...(e.options.field ? { field: e.options.field } : {}) };
}

/**
 * Items from a phone's outbox, each checked and stored on its own (its own
 * transaction or savepoint), so one bad item is refused with its reason and
 * the others are stored; an item sent again answers "already stored".
 * `concurrency`: how many items are stored at once (PostgreSQL: one per
 * pooled connection; SQLite has one writer); answers keep the items' order.
 */
export async function storeEach<S extends z.ZodType, R extends object>(
  items: readonly unknown[],
  schema: S,
  locale: Locale,
  store: (input: z.infer<S>) => Promise<R>,
  options: { concurrency?: number } = {},
): Promise<(({ id: string } & R) | ({ id: string } & Refusal))[]> {
  const one = async (item: unknown): Promise<({ id: string } & R) | ({ id: string } & Refusal)> => {
    const id = typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string' ? (item as { id: string }).id : '';
    const parsed = schema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return { id, result: 'refused', code: 'VALIDATION_FAILED', field: issue.path.join('.'), message: translate(locale, issue.message.startsWith('validation.') ? issue.message : 'errors.VALIDATION_FAILED') };
    }
    try {
      return { id, ...(await store(parsed.data)) };
    } catch (raw) {
      // The same item sent twice at once (two tabs, a retry racing the first try): the loser runs again and finds it stored.
      if (!uniqueViolation(raw)) return { id, ...refusalOf(raw, locale) };
      return store(parsed.data).then((r) => ({ id, ...r }), (e: unknown) => ({ id, ...refusalOf(e, locale) }));
    }
  };
  const results: (({ id: string } & R) | ({ id: string } & Refusal))[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await one(items[i]);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 1, items.length)) }, worker));
  return results;
}
