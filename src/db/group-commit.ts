import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from './schema.ts';

interface Job {
  work: (trx: Transaction<DB>) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Small writes that arrive together share one transaction (group commit):
 * each runs in its own savepoint, so one that fails is rolled back alone and
 * the others are kept, and each caller is answered only once the shared
 * transaction has committed. A commit costs far more than a small insert
 * (PostgreSQL waits for its WAL to reach the disk; SQLite writes its WAL
 * pages), so at a busy gate this is most of the difference between hundreds
 * and thousands of registrations per second. Writes arriving while a group is
 * being written join it, up to `maxPerCommit`; a lone write commits at once.
 */
export class GroupCommit {
  private readonly queue: Job[] = [];
  private draining = 0;

  /**
   * `lanes`: groups written at the same time. One unless the writes can never
   * touch the same rows: two open groups inserting the same key wait on each other.
   */
  constructor(
    private readonly db: Kysely<DB>,
    private readonly lanes = 1,
    private readonly maxPerCommit = 100,
  ) {}

  run<T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
      if (this.draining < this.lanes) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining += 1;
    try {
      while (this.queue.length > 0) {
        const group: Job[] = [];
        const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
        try {
          await this.db.transaction().execute(async (trx) => {
            while (group.length < this.maxPerCommit && this.queue.length > 0) {
              const job = this.queue.shift()!;
              group.push(job);
              await sql`savepoint linli_item`.execute(trx);
              try {
                outcomes.push({ ok: true, value: await job.work(trx) });
              } catch (error) {
                await sql`rollback to savepoint linli_item`.execute(trx);
                outcomes.push({ ok: false, error });
              }
              await sql`release savepoint linli_item`.execute(trx);
            }
          });
        } catch (error) {
          // The commit itself failed: nothing of this group was written.
          for (const job of group) job.reject(error);
          continue;
        }
        group.forEach((job, i) => {
          const o = outcomes[i]!;
          if (o.ok) job.resolve(o.value);
          else job.reject(o.error);
        });
      }
    } finally {
      this.draining -= 1;
    }
  }
}
