import { z } from 'zod';
import { isPlausibleDay } from '../domain/local-date.ts';

/**
 * Messages in these schemas are translation keys (`validation.*`), turned into
 * the user's language by the server's error handler and by the web forms.
 */
export const Id = z.uuid({ message: 'validation.id' });
/** A calendar day, 2020-02-13; years outside 1900–2999 are typing errors (and PostgreSQL refuses year 0). */
export const LocalDate = z.iso.date({ message: 'validation.date' }).refine(isPlausibleDay, { message: 'validation.date' });
export const Instant = z.string();
export const Locale = z.enum(['zh-CN', 'en']);
export type Locale = z.infer<typeof Locale>;

export const Mobile = z.string().regex(/^1\d{10}$/, { message: 'validation.mobile' });

/** Every error the API sends has this shape; `code` is stable, `message` is in the user's language. */
export const ApiError = z.object({
  code: z.string(),
  message: z.string(),
  field: z.string().optional(),
  details: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  /** The record the error points to, e.g. the resident already holding an ID number. */
  ref: z.object({ type: z.string(), id: z.string() }).optional(),
});
export type ApiError = z.infer<typeof ApiError>;

export const Page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const Health = z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) });

/** Sent with a batch from a phone's outbox: the id of the user who saved the items (the server refuses another user's queue). */
export const QUEUE_OWNER_HEADER = 'x-linli-queue-of';
