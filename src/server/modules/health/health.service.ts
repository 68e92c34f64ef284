import { sql } from 'kysely';
import type { Database } from '../../../db/database.ts';

export function healthService({ db, dialect }: Database) {
  return {
    /** Answers only when the database answers, so a load balancer can trust it. */
    async check(): Promise<{ status: 'ok'; database: 'sqlite' | 'postgres' }> {
      await sql`select 1`.execute(db);
      return { status: 'ok', database: dialect };
    },
  };
}
