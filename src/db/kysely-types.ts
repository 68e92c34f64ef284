import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.ts';

/** A connection or an open transaction: repositories accept either. */
export type Executor = Kysely<DB> | Transaction<DB>;
