import type { Insertable } from 'kysely';
import type { Database } from '../../src/db/database.ts';
import type { Executor } from '../../src/db/kysely-types.ts';
import type { DutiesTable, DutyCheckInsTable } from '../../src/db/schema.ts';
import { uuidv7 } from '../../src/domain/ids.ts';
import { addDays, shanghaiDate, shanghaiInstant } from '../../src/domain/local-date.ts';
import { childPath } from '../../src/domain/org/org-path.ts';
import { clashes, fromTemplate, gaps, weekStart, type Duty, type ShiftNeed } from '../../src/domain/rosters/roster-rules.ts';
import { DEFAULT_SHIFTS, shiftSpan } from '../../src/domain/rosters/shifts.ts';

export const STREETS = 10;
export const CHECKPOINTS = 9;
export const PEOPLE = 25;
export const MINIMUM = 2;
/** One community in this many has its current shift at one checkpoint with nobody checked in: the sweep's alerts. */
export const UNSTAFFED_EVERY = 10;

/** The checkpoints' day as the console saves it (sorted by start, as setShifts does), two people each. */
const SHIFTS = [...DEFAULT_SHIFTS].sort((a, b) => (a.start < b.start ? -1 : 1)).map((s) => ({ ...s, minimum: MINIMUM }));

export interface BenchCommunity {
  id: string;
  path: string;
  street: number;
  admin: string;
  people: { id: string; username: string }[];
}

export interface RosterDistrict {
  districtId: string;
  streetIds: string[];
  communities: BenchCommunity[];
  /** Mondays (Shanghai) of last week (rostered, the template), this week (rostered) and next week (empty). */
  weeks: { last: string; current: string; next: string };
  rows: { users: number; duties: number; checkIns: number };
  seconds: number;
}

async function inBatches<T>(rows: readonly T[], size: number, write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

/**
 * Last week's roster of one community, filled need by need in time order
 * from a rotating pool: each person goes to the next shift they are free for
 * (their last shift over by its start), so nobody is in two places at once.
 */
function lastWeek(checkpoints: readonly string[], people: readonly string[], monday: string, offset: number): Duty[] {
  const out: Duty[] = [];
  const busyUntil = new Map<string, number>();
  let next = offset;
  for (let d = 0; d < 7; d++) {
    const day = addDays(monday, d);
    for (const s of SHIFTS) {
      const span = shiftSpan(day, s);
      for (const checkpointId of checkpoints) {
        for (let n = 0; n < s.minimum; n++) {
          for (let tries = 0; tries < people.length; tries++) {
            const personId = people[next++ % people.length]!;
            if ((busyUntil.get(personId) ?? 0) > span.from) continue;
            out.push({ personId, checkpointId, day, start: s.start, end: s.end });
            busyUntil.set(personId, span.to);
            break;
          }
        }
      }
    }
  }
  return out;
}

/** The rules the server applies, checked on the generated fortnight: no person twice at once, every shift at its minimum. */
function assertRoster(duties: readonly Duty[], checkpoints: readonly string[], days: readonly string[]): void {
  const clash = clashes(duties)[0];
  if (clash) throw new Error(`generated roster puts ${duties[clash[0]]!.personId} in two places on ${duties[clash[0]]!.day}`);
  const needs: ShiftNeed[] = checkpoints.flatMap((checkpointId) => days.flatMap((day) => SHIFTS.map((s) => ({ checkpointId, day, ...s }))));
  const short = gaps(needs, duties);
  if (short.length > 0) throw new Error(`generated roster leaves ${short.length} shifts short`);
}

/**
 * A district of `communities` communities in 10 streets, each with 9
 * checkpoints (checkpoints since the start of last week), its admin, about 25
 * people (team members and checkpoint volunteers), last week's and this
 * week's full rosters (4 shifts a day, two people each) and the check-ins of
 * the shifts already begun, one community in 10 with its current shift at one
 * gate unstaffed. Rows go in in bulk, as an import would; the rosters follow
 * the domain's rules (checked above), this week being last week copied.
 */
export async function buildRosterDistrict(database: Database, opts: { communities: number; passwordHash: string }, log: (line: string) => void): Promise<RosterDistrict> {
  const { db } = database;
  const started = performance.now();
  const now = Date.now();
  const at = new Date(now).toISOString();
  const today = shanghaiDate(new Date(now));
  const current = weekStart(today);
  const weeks = { last: addDays(current, -7), current, next: addDays(current, 7) };
  const fortnight = Array.from({ length: 14 }, (_, i) => addDays(weeks.last, i));
  const since = addDays(today, -60);
  const checkpointFrom = new Date(shanghaiInstant(weeks.last, '00:00') - 3_600_000).toISOString();
  const unit = (kind: string, code: string, name: string, parent: { id: string; path: string } | null) => ({
    id: uuidv7(), parent_id: parent?.id ?? null, kind, code, name, path: childPath(parent?.path ?? null, code), valid_from: since, valid_to: null, created_at: at, updated_at: at,
  });
  const user = (username: string, mobile: string, name: string) => ({
    id: uuidv7(), username, mobile, display_name: name, password_hash: opts.passwordHash, must_change_password: 0, locale: 'zh-CN', created_at: at, updated_at: at, disabled_at: null,
  });
  const role = (userId: string, r: string, u: { id: string; path: string }) => ({ id: uuidv7(), user_id: userId, role: r, org_unit_id: u.id, org_path: u.path, valid_from: new Date(now - 30 * 86_400_000).toISOString(), valid_to: null, granted_by: null });

  // A province of its own (code 99), so nothing of the demo's tree is in the district.
  const province = unit('province', '99', 'Bench province', null);
  const city = unit('city', '9901', 'Bench city', province);
  const district = unit('district', '990101', 'Bench district', city);
  const streets = Array.from({ length: STREETS }, (_, s) => unit('street', `990101${String(s + 1).padStart(3, '0')}`, `Street ${s + 1}`, district));
  const districtAdmin = user('bench.district', '13500000000', 'District office');
  const streetAdmins = streets.map((s, i) => user(`bench.s${i}`, `135000000${String(i + 1).padStart(2, '0')}`, `Street office ${i + 1}`));
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('org_units').values([province, city, district, ...streets]).execute();
    await trx.insertInto('users').values([districtAdmin, ...streetAdmins]).execute();
    await trx.insertInto('role_assignments').values([role(districtAdmin.id, 'district_admin', district), ...streetAdmins.map((u, i) => role(u.id, 'street_admin', streets[i]!))]).execute();
  });

  const communities: BenchCommunity[] = [];
  const rows = { users: 1 + STREETS, duties: 0, checkIns: 0 };
  const perStreet = Math.ceil(opts.communities / STREETS);
  for (let s = 0; s < STREETS; s++) {
    const first = s * perStreet;
    const count = Math.max(0, Math.min(perStreet, opts.communities - first));
    if (count === 0) continue;
    await db.transaction().execute(async (trx) => {
      for (let k = first; k < first + count; k++) communities.push(await community(trx, k, s));
    });
    log(`  street ${s + 1}: ${count} communities, ${rows.duties.toLocaleString('en')} duties and ${rows.checkIns.toLocaleString('en')} check-ins so far`);
  }
  return { districtId: district.id, streetIds: streets.map((x) => x.id), communities, weeks, rows, seconds: (performance.now() - started) / 1000 };

  async function community(trx: Executor, k: number, s: number): Promise<BenchCommunity> {
    const c = unit('community', `${streets[s]!.code}${String(k + 1).padStart(3, '0')}`, `Community ${k + 1}`, streets[s]!);
    await trx.insertInto('org_units').values(c).execute();
    const admin = user(`bench.c${k}`, `136${String(k * 100).padStart(8, '0')}`, `Community ${k + 1} admin`);
    const people = Array.from({ length: PEOPLE }, (_, p) => user(`bench.c${k}.p${p}`, `136${String(k * 100 + p + 1).padStart(8, '0')}`, `Person ${k + 1}-${p + 1}`));
    await trx.insertInto('users').values([admin, ...people]).execute();
    await trx.insertInto('role_assignments').values([
      role(admin.id, 'community_admin', c),
      ...people.map((p, i) => role(p.id, i % 3 === 0 ? 'team_member' : 'checkpoint_volunteer', c)),
    ]).execute();
    rows.users += 1 + PEOPLE;

    const entrances = Array.from({ length: CHECKPOINTS }, (_, e) => ({
      id: uuidv7(), community_id: c.id, org_path: c.path, name: `Gate ${e + 1}`, description: null, sort_order: e + 1, created_at: at, updated_at: at,
    }));
    await trx.insertInto('entrances').values(entrances).execute();
    await trx.insertInto('entrance_changes').values(entrances.map((e) => ({
      id: uuidv7(), entrance_id: e.id, org_path: c.path, state: 'checkpoint', effective_at: checkpointFrom, decided_by: admin.id, decided_at: checkpointFrom, note: null, cancelled_at: null, cancelled_by: null,
    }))).execute();
    await trx.insertInto('checkpoint_shifts').values(entrances.flatMap((e) => SHIFTS.map((x, i) => ({
      id: uuidv7(), entrance_id: e.id, org_path: c.path, start_time: x.start, end_time: x.end, minimum: x.minimum, sort_order: i,
    })))).execute();

    const checkpointIds = entrances.map((e) => e.id);
    const template = lastWeek(checkpointIds, people.map((p) => p.id), weeks.last, k);
    const roster = [...template, ...fromTemplate(template, weeks.current)];
    assertRoster(roster, checkpointIds, fortnight);
    const duties = roster.map((d): Insertable<DutiesTable> => ({
      id: uuidv7(), entrance_id: d.checkpointId, community_id: c.id, org_path: c.path, user_id: d.personId, day: d.day, start_time: d.start, end_time: d.end, created_by: admin.id, created_at: at,
    }));
    await inBatches(duties, 500, (chunk) => trx.insertInto('duties').values(chunk).execute());
    // Everyone checks in ten minutes before their shift, but at the first gate of one community in ten nobody has for the shift under way.
    const unstaffed = k % UNSTAFFED_EVERY === UNSTAFFED_EVERY - 1 ? checkpointIds[0] : undefined;
    const checkIns = duties.flatMap((d): Insertable<DutyCheckInsTable>[] => {
      const span = shiftSpan(d.day, { start: d.start_time, end: d.end_time });
      if (span.from - 10 * 60_000 > now || (d.entrance_id === unstaffed && span.to > now)) return [];
      return [{ id: uuidv7(), entrance_id: d.entrance_id, community_id: c.id, org_path: c.path, user_id: d.user_id, duty_id: d.id, at: new Date(span.from - 10 * 60_000).toISOString(), received_at: at }];
    });
    await inBatches(checkIns, 500, (chunk) => trx.insertInto('duty_check_ins').values(chunk).execute());
    rows.duties += duties.length;
    rows.checkIns += checkIns.length;
    return { id: c.id, path: c.path, street: s, admin: admin.username, people: people.map((p) => ({ id: p.id, username: p.username })) };
  }
}
