import type { DB as Schema } from '../../src/db/schema.ts';
import { uuidv7 } from '../../src/domain/ids.ts';
import { addDays, shanghaiInstant } from '../../src/domain/local-date.ts';

/** Today's records of each community (issue 7's benchmark), per community. */
export const GATES = 4;
export const PASSAGES = 400;
export const STAFF = 12;
export const PLANS = 30;
export const ARRIVALS_TODAY = 3;
export const VISITS_A_DAY = 30;
/** The open screening round began this many days ago; its visits of each day are kept. */
export const ROUND_DAYS = 10;
export const SHIFTS = [['07:00', '12:00'], ['12:00', '18:00'], ['18:00', '24:00']] as const;
export const PER_SHIFT = 3;
export const TASKS = 5;

type Unit = { id: string; path: string };
export interface CityCommunity {
  index: number;
  id: string;
  path: string;
  street: Unit;
  districtIndex: number;
  groups: Unit[];
  admin: string;
  adminId: string;
  streetAdminId?: string;
  staff: string[];
}

/** The offices' and communities' people: one admin per office, a community admin and 12 field staff per community. */
export function cityRows(o: { city: Unit; districts: Unit[]; streets: Unit[]; communities: CityCommunity[]; at: string; passwordHash: string }) {
  const users: object[] = [];
  const roles: object[] = [];
  const person = (username: string, role: string, u: Unit) => {
    const id = uuidv7();
    users.push({ id, username, mobile: null, display_name: username, password_hash: o.passwordHash, must_change_password: 0, locale: 'zh-CN', created_at: o.at, updated_at: o.at, disabled_at: null });
    roles.push({ id: uuidv7(), user_id: id, role, org_unit_id: u.id, org_path: u.path, valid_from: '2020-01-01T00:00:00.000Z', valid_to: null, granted_by: null });
    return id;
  };
  person('bench.city', 'city_admin', o.city);
  o.districts.forEach((d, i) => person(`bench.d${i}`, 'district_admin', d));
  const streetAdmins = new Map(o.streets.map((s, i) => [s.id, person(`bench.st${i}`, 'street_admin', s)]));
  for (const c of o.communities) {
    c.adminId = person(c.admin, 'community_admin', c);
    c.streetAdminId = streetAdmins.get(c.street.id);
    c.staff = Array.from({ length: STAFF }, (_, s) => person(`${c.admin}.s${s}`, s % 3 === 0 ? 'grid_worker' : 'checkpoint_volunteer', c));
  }
  return { users, roles };
}

const hex12 = (n: number) => n.toString(16).padStart(12, '0');

/**
 * Today's records of some communities, table by table in the order their
 * foreign keys need: gate passages (a few refused, visitors, temperatures,
 * about 1 % fevers) at 4 entrances, 2 patrol rounds, the open screening
 * round's visits (30 today, 30 on each earlier day of the round), 3 arrivals
 * today and 30 people under observation with today's two temperature checks,
 * 36 duties with their check-ins, 5 briefing tasks.
 */
export function dayRows(communities: readonly CityCommunity[], clock: { nowMs: number; today: string; dayStart: number; hourOf: (ms: number) => number }, prefixes: { h: string }, at: string) {
  const { nowMs, today } = clock;
  const iso = (ms: number) => new Date(ms).toISOString();
  const t = new Map<keyof Schema, object[]>();
  const add = (table: keyof Schema, row: object) => {
    const list = t.get(table) ?? [];
    if (list.length === 0) t.set(table, list);
    list.push(row);
  };
  // Passages from 06:00 (or midnight, early in the day) until now.
  const from = Math.min(nowMs - 60_000, Math.max(clock.dayStart, shanghaiInstant(today, '06:00')));
  for (const c of communities) {
    const ci = c.index;
    const householdId = (h: number) => prefixes.h + hex12(ci * 1_300 + h);
    const gates = Array.from({ length: GATES }, (_, e) => ({ id: uuidv7(), community_id: c.id, org_path: c.path, name: `Gate ${e + 1}`, description: null, sort_order: e + 1, created_at: at, updated_at: at }));
    for (const g of gates) {
      add('entrances', g);
      add('entrance_changes', { id: uuidv7(), entrance_id: g.id, org_path: c.path, state: 'checkpoint', effective_at: iso(clock.dayStart - 86_400_000), decided_by: c.adminId, decided_at: iso(clock.dayStart - 86_400_000), note: null, cancelled_at: null, cancelled_by: null });
    }
    for (let i = 0; i < PASSAGES; i++) {
      const ms = from + Math.floor(((nowMs - from) * i) / PASSAGES);
      const visitor = i % 8 === 3;
      const inward = i % 2 === 0;
      const fever = inward && (i + ci) % 100 === 0;
      const temp = inward ? (fever ? 375 + (i % 5) : 360 + ((i + ci) % 12)) : null;
      const refused = fever || i % 97 === 5;
      add('gate_passages', {
        id: uuidv7(), entrance_id: gates[i % GATES]!.id, community_id: c.id, org_path: c.path, day: today, at: iso(ms), hour: clock.hourOf(ms),
        direction: inward ? 'in' : 'out', kind: visitor ? 'visitor' : 'pass', allowed: refused ? 0 : 1, reason: refused ? (fever ? 'fever' : 'expired') : null,
        device_allowed: null, pass_id: null, holder_name: visitor ? `Visitor ${i}` : `Resident ${i}`, holder_label: visitor ? null : `Household ${i % 1_300}`,
        visitor_id: null, from_place: visitor ? 'Changsha' : null, purpose: visitor ? 'family' : null, visiting: visitor ? `${(i % 80) + 1}号` : null,
        temp_tenths: temp, health_code: inward ? 'green' : null, recorded_by: c.staff[1 + (i % GATES)]!, created_at: iso(ms),
      });
    }
    const zone = { id: uuidv7(), community_id: c.id, org_path: c.path, name: 'Whole community', description: null, created_at: at };
    const patrol = { id: uuidv7(), community_id: c.id, org_path: c.path, name: 'Patrol 1', zone_ids: JSON.stringify([zone.id]), member_ids: JSON.stringify(c.staff.slice(0, 2)), created_at: at };
    add('patrol_zones', zone);
    add('patrol_groups', patrol);
    for (let r = 0; r < 2; r++) {
      const start = Math.min(nowMs - 3_600_000, shanghaiInstant(today, r === 0 ? '09:00' : '13:00'));
      add('patrol_rounds', {
        id: uuidv7(), group_id: patrol.id, zone_id: zone.id, community_id: c.id, org_path: c.path, day: today, started_at: iso(start), ended_at: iso(start + 2_700_000),
        checked: 40 + (ci % 10), fevers: (ci + r) % 50 === 0 ? 1 : 0, readings_json: '[]', reminders_masks: 3, reminders_gatherings: 1, incidents: null, recorded_by: c.staff[0]!, created_at: iso(start + 2_700_000),
      });
    }
    const round = { id: uuidv7(), community_id: c.id, org_path: c.path, name: 'November screening', starts_on: addDays(today, -ROUND_DAYS), ends_on: null, closed_at: null, created_by: c.adminId, created_at: at };
    add('screening_rounds', round);
    for (const g of c.groups) add('screening_round_groups', { round_id: round.id, group_id: g.id, org_path: g.path });
    for (let d = ROUND_DAYS; d >= 0; d--) {
      const day = addDays(today, -d);
      for (let k = 0; k < VISITS_A_DAY; k++) {
        const h = (ROUND_DAYS - d) * VISITS_A_DAY + k;
        const ms = Math.min(nowMs - 60_000, shanghaiInstant(day, '09:00') + k * 600_000);
        add('screening_visits', {
          id: uuidv7(), round_id: round.id, household_id: householdId(h), org_path: c.groups[h % c.groups.length]!.path, visitor_id: c.staff[(k % 4) * 3]!,
          visited_at: iso(ms), day, outcome: k % 10 === 9 ? 'nobody_home' : 'visited', present_json: '[]', health_json: '{}', needs: null, note: null, created_at: iso(ms),
        });
      }
    }
    for (let a = 0; a < PLANS; a++) {
      const registered = a < ARRIVALS_TODAY ? today : addDays(today, -1 - (a % 13));
      const arrival = {
        id: uuidv7(), community_id: c.id, org_path: c.path, category: a % 3 === 0 ? 'returnee' : 'outside', name: `Arrival ${ci}-${a}`,
        id_sealed: `v1.sealed-${ci}-${a}`, id_hash: `id-${ci}-${a}`, id_masked: '23**************1X', phone_sealed: `v1.phone-${ci}-${a}`, phone_masked: '139****0000',
        origin_code: '230102', origin_text: 'Harbin', route: null, arrived_on: registered, transport_kind: 'train', transport_ref: null, stay_kind: 'household',
        household_id: householdId(1_000 + a), stay_place: null, employer: null, reason: null, symptoms: null, temp_tenths: 365, last_test_on: null, group_id: null,
        source: 'staff', declaration_id: null, registered_by: c.staff[0]!, registered_day: registered, created_at: iso(shanghaiInstant(registered, '10:00')),
      };
      add('arrivals', arrival);
      const worker = c.staff[(a % 4) * 3]!;
      const startMs = Math.min(nowMs - 60_000, shanghaiInstant(registered, '10:00'));
      const plan = {
        id: uuidv7(), arrival_id: arrival.id, community_id: c.id, org_path: c.path, person_hash: `person-${ci}-${a}`, kind: 'home', place: null,
        start_at: iso(startMs), start_day: registered, days: 14, release_day: addDays(registered, 14), temperature_times: '["08:00","16:00"]', test_days: '[1,7,14]', test_time: '09:00',
        worker_id: worker, created_by: c.staff[0]!, created_at: iso(startMs), released_at: null, released_day: null, released_by: null, release_outcome: null, release_note: null,
      };
      add('observation_plans', plan);
      const dayNumber = a < ARRIVALS_TODAY ? 1 : 2 + (a % 13);
      for (const time of ['08:00', '16:00']) {
        const due = shanghaiInstant(today, time);
        const done = due < nowMs && (a + ci) % 30 !== 7;
        const fever = done && (a * 2 + ci) % 100 === 0;
        add('observation_checks', {
          id: uuidv7(), plan_id: plan.id, arrival_id: arrival.id, community_id: c.id, org_path: c.path, worker_id: worker, kind: 'temperature', day: today, day_number: dayNumber,
          due_at: iso(due), overdue_at: iso(due + 2 * 3_600_000), cancelled: 0, overdue_alerted: 0, reading_id: null, done_at: done ? iso(due + 600_000) : null,
          temp_tenths: done ? (fever ? 376 : 362 + (a % 8)) : null, test_result: null, note: null, recorded_by: done ? worker : null, recorded_at: done ? iso(due + 600_000) : null,
        });
      }
    }
    gates.forEach((g, e) => {
      SHIFTS.forEach(([start, end], s) => {
        for (let n = 0; n < PER_SHIFT; n++) {
          const userId = c.staff[(e * PER_SHIFT + n + s) % STAFF]!;
          const duty = { id: uuidv7(), entrance_id: g.id, community_id: c.id, org_path: c.path, user_id: userId, day: today, start_time: start, end_time: end, created_by: c.adminId, created_at: at };
          add('duties', duty);
          const checkIn = shanghaiInstant(today, start) - 600_000;
          if (checkIn <= nowMs && (ci + e + n) % 40 !== 0) add('duty_check_ins', { id: uuidv7(), entrance_id: g.id, community_id: c.id, org_path: c.path, user_id: userId, duty_id: duty.id, at: iso(checkIn), received_at: iso(checkIn) });
        }
      });
    });
    for (let k = 0; k < TASKS; k++) {
      const done = k < 3;
      add('briefing_tasks', {
        id: uuidv7(), community_id: c.id, org_path: c.path, day: today, text: `Task ${k + 1}`, group_ids: '[]', created_by: c.adminId, created_at: at,
        done_at: done ? at : null, done_by: done ? c.staff[k]! : null, done_note: null, done_tick_id: null, cancelled_at: null,
      });
    }
  }
  return t;
}
