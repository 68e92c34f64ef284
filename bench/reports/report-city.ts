import { sql, type Insertable, type RawBuilder } from 'kysely';
import type { Database } from '../../src/db/database.ts';
import type { DB as Schema } from '../../src/db/schema.ts';
import { uuidv7 } from '../../src/domain/ids.ts';
import { addDays, shanghaiDate, shanghaiHour, shanghaiInstant } from '../../src/domain/local-date.ts';
import { childPath } from '../../src/domain/org/org-path.ts';
import { cityRows, dayRows, type CityCommunity } from './report-records.ts';

/** The city's shape (issue 7): 1 city → 10 districts → 10 streets → 10 communities of 16 groups. */
export const DISTRICTS = 10;
export const STREETS_PER_DISTRICT = 10;
export const COMMUNITIES_PER_STREET = 10;
export const GROUPS = 16;
export const HOUSEHOLDS = 1_300;
export const RESIDENTS = 4_000;

export interface ReportCity {
  cityId: string;
  districtIds: string[];
  communities: CityCommunity[];
  today: string;
  rows: Record<string, number>;
  seconds: { ledger: number; records: number; reports: number };
}

type Sql = RawBuilder<unknown>;

/** The few expressions that differ between the databases, for rows generated inside the database. */
function dialectSql(database: Database) {
  const pg = database.dialect === 'postgres';
  return {
    hex12: (e: Sql) => (pg ? sql`lpad(to_hex(${e}), 12, '0')` : sql`printf('%012x', ${e})`),
    dec8: (e: Sql) => (pg ? sql`lpad(cast(${e} as text), 8, '0')` : sql`printf('%08d', ${e})`),
    instant: (v: string) => (pg ? sql`cast(${sql.lit(v)} as timestamptz)` : sql.lit(v)),
    day: (v: string) => (pg ? sql`cast(${sql.lit(v)} as date)` : sql.lit(v)),
    dayPlus: (v: string, e: Sql) => (pg ? sql`cast(${sql.lit(v)} as date) + cast(${e} as integer)` : sql`date(${sql.lit(v)}, '+' || (${e}) || ' days')`),
  };
}

/**
 * Households, residents and memberships of a street's communities, made
 * inside the database (one statement per table and street): 1,300 households
 * over 16 groups and 4,000 residents per community, each resident a member of
 * a household. Ids are uuid-like and ascending, as uuidv7 ids would be; the
 * searchable columns (names, ID tails, phones, hashes) vary like real ones so
 * that the 13 indexes of residents hold what they would hold in service.
 */
async function streetLedger(database: Database, communities: readonly CityCommunity[], prefixes: { h: string; r: string; m: string }, at: string): Promise<void> {
  const d = dialectSql(database);
  const groups = communities.flatMap((c) => c.groups.map((g, k) => sql`(${sql.lit(c.index)}, ${c.id}, ${sql.lit(k)}, ${g.id}, ${g.path})`));
  const cte = (count: number) => sql`with recursive s(n) as (select 0 union all select n + 1 from s where n < ${sql.lit(count - 1)}),
    g(ci, community_id, k, group_id, path) as (values ${sql.join(groups)})`;
  // Ascending with the resident (ids are): the 13 indexes of residents fill in order, as a bulk load would, at the size they would have.
  const mix = (e: Sql, salt: number) => sql`((${e}) * 64 + ${sql.lit(salt)})`;
  const householdId = (ci: Sql, h: Sql) => sql`${sql.lit(prefixes.h)} || ${d.hex12(sql`${ci} * ${sql.lit(HOUSEHOLDS)} + ${h}`)}`;
  const now = d.instant(at);
  const { db } = database;
  await sql`insert into households (id, community_id, group_id, org_path, address, address_number, head_id, created_at, updated_at)
    ${cte(HOUSEHOLDS)}
    select ${householdId(sql`g.ci`, sql`s.n`)}, g.community_id, g.group_id, g.path, cast(s.n / ${sql.lit(GROUPS)} + 1 as text) || ${sql.lit('号')},
      cast(s.n / ${sql.lit(GROUPS)} + 1 as text), null, ${now}, ${now}
    from s join g on g.k = s.n % ${sql.lit(GROUPS)}`.execute(db);

  // Resident n lives in household n % 1,300 (so about 3 a household), in that household's group.
  const gid = sql`(g.ci * ${sql.lit(RESIDENTS)} + s.n)`;
  const relation = sql`case when s.n < ${sql.lit(HOUSEHOLDS)} then 'head' when s.n < ${sql.lit(2 * HOUSEHOLDS)} then 'spouse' else 'child' end`;
  const residents = sql`${cte(RESIDENTS)}
    select ${sql.lit(prefixes.r)} || ${d.hex12(gid)} as id, g.community_id, g.path as org_path, ${householdId(sql`g.ci`, sql`s.n % ${sql.lit(HOUSEHOLDS)}`)} as household_id,
      ${relation} as relation, s.n from s join g on g.k = (s.n % ${sql.lit(HOUSEHOLDS)}) % ${sql.lit(GROUPS)}`;
  const tail = (salt: number) => d.hex12(mix(gid, salt));
  await sql`insert into residents (id, community_id, org_path, household_id, relation, name, name_rest, name_initials, name_pinyin,
      id_sealed, id_hash, id_tail6_hash, id_masked, id_last4, birth_date, sex, phone, phone_last4, status, status_since, merged_into, tags, note, version, created_at, updated_at)
    ${cte(RESIDENTS)}
    select ${sql.lit(prefixes.r)} || ${d.hex12(gid)}, g.community_id, g.path, ${householdId(sql`g.ci`, sql`s.n % ${sql.lit(HOUSEHOLDS)}`)}, ${relation},
      ${sql.lit('居民')} || cast(${mix(gid, 3)} % 5000 as text), cast(${mix(gid, 3)} % 5000 as text), ${sql.lit('jm')} || substr(${tail(4)}, 1, 2), ${sql.lit('jumin')} || ${tail(4)},
      ${sql.lit('v1.')} || ${tail(5)} || ${tail(6)} || ${tail(7)} || ${tail(8)} || ${tail(9)} || ${tail(10)} || ${tail(11)},
      ${tail(12)} || ${tail(13)} || ${tail(14)} || substr(${tail(15)}, 1, 28), ${tail(16)} || ${tail(17)} || ${tail(18)} || substr(${tail(19)}, 1, 28),
      ${sql.lit('43**************')} || substr(${tail(20)}, 1, 2), substr(${d.dec8(sql`${mix(gid, 21)} % 100000000`)}, 5, 4),
      ${d.dayPlus('1935-01-01', sql`${mix(gid, 22)} % 30000`)}, case when s.n % 2 = 0 then 'female' else 'male' end,
      ${sql.lit('139')} || ${d.dec8(sql`${mix(gid, 23)} % 100000000`)}, substr(${d.dec8(sql`${mix(gid, 23)} % 100000000`)}, 5, 4),
      'living', ${d.day('2019-01-01')}, null, '[]', null, 1, ${now}, ${now}
    from s join g on g.k = (s.n % ${sql.lit(HOUSEHOLDS)}) % ${sql.lit(GROUPS)}`.execute(db);

  await sql`insert into memberships (id, resident_id, household_id, org_path, relation, valid_from, valid_to, end_reason)
    with r as (${residents})
    select ${sql.lit(prefixes.m)} || substr(r.id, 25), r.id, r.household_id, r.org_path, r.relation, ${d.day('2019-01-01')}, null, null from r`.execute(db);
}

async function inBatches<T extends object>(database: Database, table: keyof Schema, rows: readonly T[]): Promise<void> {
  if (rows.length === 0) return;
  // Under both databases' limits on parameters (SQLite 32,766; PostgreSQL 65,535).
  const size = Math.max(1, Math.floor(30_000 / Object.keys(rows[0]!).length));
  for (let i = 0; i < rows.length; i += size) {
    await database.db.insertInto(table).values(rows.slice(i, i + size) as Insertable<Schema[typeof table]>[]).execute();
  }
}

/**
 * A city of `communities` communities (10 districts of 10 streets of 10, the
 * last street cut short when fewer), each with 16 groups, 1,300 households,
 * 4,000 residents and today's records; then the reports of today: about 9 in
 * 10 communities submitted with two issues (one in three answered by the
 * street), one in 20 a draft, the rest missing. Rows go in in bulk, not
 * through the API. The submitted figures are the communities' own, counted
 * once by the repository as a submission would freeze them.
 */
export async function buildReportCity(
  database: Database,
  opts: { communities: number; passwordHash: string; countFigures: (cityPath: string, day: string) => Promise<Map<string, Record<string, number>>> },
  log: (line: string) => void,
): Promise<ReportCity> {
  const started = performance.now();
  const nowMs = Date.now();
  const at = new Date(nowMs).toISOString();
  const today = shanghaiDate(new Date(nowMs));
  const since = addDays(today, -400);
  const unit = (kind: string, code: string, name: string, parent: { id: string; path: string } | null) => ({
    id: uuidv7(), parent_id: parent?.id ?? null, kind, code, name, path: childPath(parent?.path ?? null, code), valid_from: since, valid_to: null, created_at: at, updated_at: at,
  });
  // A province of its own (code 98), apart from the demo's tree.
  const province = unit('province', '98', 'Bench province', null);
  const city = unit('city', '9801', 'Bench city', province);
  const districts = Array.from({ length: DISTRICTS }, (_, i) => unit('district', `9801${String(i + 1).padStart(2, '0')}`, `District ${i + 1}`, city));
  const streets = districts.flatMap((dd) => Array.from({ length: STREETS_PER_DISTRICT }, (_, i) => unit('street', `${dd.code}${String(i + 1).padStart(3, '0')}`, `${dd.name} street ${i + 1}`, dd)));
  const communities: CityCommunity[] = [];
  const units = [province, city, ...districts, ...streets];
  for (let ci = 0; ci < opts.communities; ci++) {
    const street = streets[Math.floor(ci / COMMUNITIES_PER_STREET)]!;
    const c = unit('community', `${street.code}${String((ci % COMMUNITIES_PER_STREET) + 1).padStart(3, '0')}`, `Community ${ci + 1}`, street);
    const groups = Array.from({ length: GROUPS }, (_, g) => unit('group', `${c.code}${String(g + 1).padStart(3, '0')}`, `Group ${g + 1}`, c));
    units.push(c, ...groups);
    communities.push({ index: ci, id: c.id, path: c.path, street: { id: street.id, path: street.path }, districtIndex: Math.floor(ci / (STREETS_PER_DISTRICT * COMMUNITIES_PER_STREET)), groups, admin: `bench.r${ci}`, staff: [], adminId: '' });
  }
  const usedStreets = streets.slice(0, Math.ceil(opts.communities / COMMUNITIES_PER_STREET));
  const people = cityRows({ city, districts, streets: usedStreets, communities, at, passwordHash: opts.passwordHash });
  await database.db.transaction().execute(async (trx) => {
    for (let i = 0; i < units.length; i += 2_000) await trx.insertInto('org_units').values(units.slice(i, i + 2_000)).execute();
  });
  await inBatches(database, 'users', people.users);
  await inBatches(database, 'role_assignments', people.roles);
  log(`  ${units.length.toLocaleString('en')} org units, ${people.users.length.toLocaleString('en')} users`);

  const prefixes = { h: uuidv7().slice(0, 24), r: uuidv7().slice(0, 24), m: uuidv7().slice(0, 24) };
  const rows: Record<string, number> = {};
  const count = (table: string, n: number) => { rows[table] = (rows[table] ?? 0) + n; };
  // PostgreSQL writes two streets at once (one per core, on two connections); SQLite has one writer.
  const lanes = database.dialect === 'postgres' ? 2 : 1;
  let next = 0;
  let written = 0;
  await Promise.all(Array.from({ length: lanes }, async () => {
    for (let s = next++; s < usedStreets.length; s = next++) {
      const inStreet = communities.slice(s * COMMUNITIES_PER_STREET, (s + 1) * COMMUNITIES_PER_STREET);
      await streetLedger(database, inStreet, prefixes, at);
      count('households', inStreet.length * HOUSEHOLDS);
      count('residents', inStreet.length * RESIDENTS);
      count('memberships', inStreet.length * RESIDENTS);
      if (++written % STREETS_PER_DISTRICT === 0 || written === usedStreets.length) {
        log(`  ledger: ${rows.residents!.toLocaleString('en')} residents in ${(rows.residents! / RESIDENTS).toLocaleString('en')} communities, ${((performance.now() - started) / 1000).toFixed(0)} s`);
      }
    }
  }));
  const ledgerDone = performance.now();

  // Today's records, a street at a time, written as the modules write them (same columns, same paths).
  const clock = { nowMs, today, dayStart: shanghaiInstant(today, '00:00'), hourOf: (ms: number) => shanghaiHour(new Date(ms)) };
  for (let s = 0; s < usedStreets.length; s++) {
    const inStreet = communities.slice(s * COMMUNITIES_PER_STREET, (s + 1) * COMMUNITIES_PER_STREET);
    const tables = dayRows(inStreet, clock, prefixes, at);
    for (const [table, list] of tables) {
      await inBatches(database, table, list);
      count(table, list.length);
    }
    if ((s + 1) % STREETS_PER_DISTRICT === 0 || s === usedStreets.length - 1) {
      log(`  today's records: ${((s + 1) * COMMUNITIES_PER_STREET).toLocaleString('en')} communities, ${(rows.gate_passages ?? 0).toLocaleString('en')} passages, ${((performance.now() - ledgerDone) / 1000).toFixed(0)} s`);
    }
  }
  const recordsDone = performance.now();

  // The reports of today, with the figures a submission would have frozen.
  const figures = await opts.countFigures(city.path, today);
  const reports = reportRows(communities, figures, today, at, nowMs);
  for (const [table, list] of reports) {
    await inBatches(database, table, list);
    count(table, list.length);
  }
  log(`  reports: ${rows.daily_reports ?? 0} (${reports.get('daily_reports')!.filter((r) => (r as { version: number }).version > 0).length} submitted), ${rows.report_issues ?? 0} issues, ${rows.issue_answers ?? 0} answers`);
  const done = performance.now();
  return {
    cityId: city.id, districtIds: districts.map((x) => x.id), communities, today, rows,
    seconds: { ledger: (ledgerDone - started) / 1000, records: (recordsDone - ledgerDone) / 1000, reports: (done - recordsDone) / 1000 },
  };
}

/** Submitted reports for 9 communities in 10 (two issues each, one in three answered), a draft for one in 20, none for the rest. */
function reportRows(communities: readonly CityCommunity[], figures: Map<string, Record<string, number>>, today: string, at: string, nowMs: number) {
  const reports: object[] = [];
  const issues: object[] = [];
  const answers: object[] = [];
  const deadline = new Date(shanghaiInstant(today, '20:00')).toISOString();
  for (const c of communities) {
    const state = c.index % 20;
    if (state === 19) continue;
    const draft = state === 18;
    const id = uuidv7();
    const submittedAt = new Date(nowMs - (c.index % 60) * 60_000).toISOString();
    reports.push({
      id, community_id: c.id, org_path: c.path, subject: 'community', team_id: null, day: today, version: draft ? 0 : 1, current: 1,
      narrative: 'Gates staffed all day; screening on schedule.', draft_issues: draft ? '[]' : '[]',
      figures: draft ? null : JSON.stringify(figures.get(c.id) ?? {}), figures_at: draft ? null : submittedAt, to_org_id: c.street.id,
      min_issues: draft ? null : 2, deadline_at: draft ? null : deadline, late: 0, correction_reason: null, supersedes_id: null,
      submitted_at: draft ? null : submittedAt, submitted_by: draft ? null : c.adminId, content_hash: draft ? null : `bench-${c.index}`,
      created_by: c.adminId, created_at: at, updated_at: at,
    });
    if (draft) continue;
    for (let p = 0; p < 2; p++) {
      const answered = (c.index * 2 + p) % 3 === 0;
      const issueId = uuidv7();
      issues.push({
        id: issueId, report_id: id, community_id: c.id, org_path: c.path, subject: 'community', day: today, position: p, kind: p === 0 ? 'issue' : 'suggestion',
        topic: p === 0 ? 'supplies' : 'staff', text: p === 0 ? 'Masks run short at the north gate.' : 'One more volunteer for the evening shift.',
        to_org_id: c.street.id, to_org_path: c.street.path, status: answered ? 'accepted' : 'open', sent_at: submittedAt,
        flag_at: new Date(Date.parse(submittedAt) + 24 * 3_600_000).toISOString(), answered_at: answered ? at : null, group_id: null,
      });
      if (answered) {
        answers.push({ id: uuidv7(), issue_id: issueId, status: 'accepted', measure: 'Supplies sent tomorrow morning.', reason: null, office_id: c.street.id, group_id: null, answered_by: c.streetAdminId!, answered_at: at });
      }
    }
  }
  return new Map<keyof Schema, object[]>([['daily_reports', reports], ['report_issues', issues], ['issue_answers', answers]]);
}
