import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, freshDatabase, type TestDatabase } from '../../test/dialects.ts';
import { GroupCommit } from './group-commit.ts';

for (const dialect of DIALECTS) {
  describe(`group commit [${dialect}]`, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await freshDatabase(dialect);
      await sql`create table items (id text primary key, n integer not null)`.execute(database.db);
    });
    afterAll(() => database.drop());

    const count = async () => Number((await sql<{ n: number }>`select count(*) as n from items`.execute(database.db)).rows[0]!.n);

    it('writes writes arriving together in shared transactions, rolling back only the one that fails', async () => {
      const writer = new GroupCommit(database.db as never, 1, 4);
      const insert = (id: string, fail = false) => writer.run(async (trx) => {
        await sql`insert into items (id, n) values (${id}, 1)`.execute(trx);
        if (fail) throw new Error(`refused ${id}`);
        return id;
      });
      const results = await Promise.allSettled([insert('a'), insert('b', true), insert('c'), insert('a'), insert('d'), insert('e'), insert('f')]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
      expect((results[1] as PromiseRejectedResult).reason).toEqual(new Error('refused b'));
      const rows = (await sql<{ id: string }>`select id from items order by id`.execute(database.db)).rows.map((r) => r.id);
      expect(rows).toEqual(['a', 'c', 'd', 'e', 'f']);
      // Callers are answered after their group commits: what was answered is there.
      expect(await insert('g')).toBe('g');
      expect(await count()).toBe(6);
    });
  });
}
