import type { ArrivalCreate, PlanInput } from '../../../contract/observation.ts';
import type { Executor } from '../../../db/kysely-types.ts';
import { maskIdNumber, maskPhone } from '../../../domain/access/mask.ts';
import type { Grant } from '../../../domain/access/scope.ts';
import { isPlausibleTemperature, isFever, toTenths } from '../../../domain/gates/temperature.ts';
import { uuidv7 } from '../../../domain/ids.ts';
import { shanghaiDate } from '../../../domain/local-date.ts';
import { originOf, originText } from '../../../domain/observation/origin.ts';
import { addDays, checksFrom, dueChecks, LONGEST_PLAN_DAYS } from '../../../domain/observation/schedule.ts';
import type { Actor } from '../../actor.ts';
import { AppError } from '../../errors.ts';
import { uniqueViolation } from '../../../db/dialect.ts';
import type { SensitiveBox } from '../../security/sensitive.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { citizenIdFrom } from '../ledger/residents.service.ts';
import { entrancesRepository } from '../gates/entrances.repository.ts';
import { observationRepository, type ArrivalRow } from './observation.repository.ts';
import { ROLES, roleAllows } from '../../../domain/access/roles.ts';

export const CHECK_ROLES = ROLES.filter((r) => roleAllows(r, 'observation.check'));
/** A plan may start a little ahead (arriving tomorrow) or from the arrival, not weeks apart from now. */
const PLAN_START_WINDOW_MS = 30 * 86_400_000;

export type ArrivalFields = Omit<ArrivalCreate, 'communityId' | 'plan' | 'id' | 'groupId'>;
export interface Community { id: string; path: string; name: string }

/** The origin as the division data names it, or the error pointing at the field. */
export function originFor(code: string, field = 'originCode'): { code: string; text: string } {
  const origin = originOf(code);
  if (!origin) throw new AppError('ORIGIN_UNKNOWN', { field });
  return { code, text: originText(origin) };
}

/** Checks common to staff registrations and self-declarations. */
export function checkArrivalFields(input: Pick<ArrivalFields, 'arrivedOn' | 'temperature' | 'lastTestOn'>, prefix = ''): void {
  const today = shanghaiDate();
  if (input.arrivedOn > today) throw new AppError('ARRIVAL_IN_FUTURE', { field: `${prefix}arrivedOn` });
  if (input.lastTestOn && input.lastTestOn > today) throw new AppError('DATE_ORDER', { field: `${prefix}lastTestOn` });
  if (input.temperature !== undefined && !isPlausibleTemperature(input.temperature)) throw new AppError('TEMPERATURE_MISREAD', { field: `${prefix}temperature` });
}

/**
 * Writes one arrival in an open transaction: refuses a person already under
 * observation in the community (pointing at that record), checks the
 * household is the community's, seals ID number and phone.
 */
export async function insertArrival(
  trx: Executor, box: SensitiveBox, actor: Actor, unit: Community, input: ArrivalFields,
  extra: { id?: string | undefined; source: 'staff' | 'self'; declarationId?: string | null; groupId?: string | null },
  prefix = '',
): Promise<ArrivalRow> {
  checkArrivalFields(input, prefix);
  const citizenId = citizenIdFrom({ idNumber: input.idNumber }, `${prefix}idNumber`);
  const idHash = box.lookupHash(citizenId.value);
  const open = await observationRepository.openPlanOf(trx, unit.id, idHash);
  if (open) throw new AppError('OBSERVATION_OPEN', { field: `${prefix}idNumber`, ref: { type: 'arrival', id: open.arrival_id } });
  // The same arrival entered twice (two staff, or a form sent again without its id): one record, the other pointed to.
  const same = await observationRepository.arrivalOn(trx, unit.id, idHash, input.arrivedOn);
  if (same) throw new AppError('ARRIVAL_REGISTERED', { field: `${prefix}idNumber`, ref: { type: 'arrival', id: same.id } });
  const origin = originFor(input.originCode, `${prefix}originCode`);
  let stayPlace = input.stayPlace || null;
  if (input.householdId) {
    const household = await trx.selectFrom('households').select(['id', 'address', 'community_id']).where('id', '=', input.householdId).executeTakeFirst();
    if (!household || household.community_id !== unit.id) throw new AppError('NOT_FOUND', { field: `${prefix}householdId` });
    stayPlace ??= household.address;
  }
  const now = new Date();
  const row: ArrivalRow = {
    id: extra.id ?? uuidv7(), community_id: unit.id, org_path: unit.path, category: input.category, name: input.name,
    id_sealed: box.seal(citizenId.value), id_hash: idHash, id_masked: maskIdNumber(citizenId.value)!,
    phone_sealed: box.seal(input.phone), phone_masked: maskPhone(input.phone)!,
    origin_code: origin.code, origin_text: origin.text, route: input.route || null, arrived_on: input.arrivedOn,
    transport_kind: input.transportKind, transport_ref: input.transportRef || null, stay_kind: input.stayKind,
    household_id: input.stayKind === 'household' ? input.householdId ?? null : null, stay_place: stayPlace, employer: input.employer || null,
    reason: input.reason || null, symptoms: input.symptoms || null, temp_tenths: input.temperature === undefined ? null : toTenths(input.temperature),
    last_test_on: input.lastTestOn ?? null, group_id: extra.groupId ?? null, source: extra.source, declaration_id: extra.declarationId ?? null,
    registered_by: actor.userId, registered_day: shanghaiDate(now), created_at: now.toISOString(),
  };
  await observationRepository.insertArrival(trx, row);
  return row;
}

/** The database's "one open observation per person" refusing a plan made at the same moment by another request. */
export function isSecondOpenPlan(e: unknown): boolean {
  const v = uniqueViolation(e);
  return v !== null && v !== 'unknown' && v.startsWith('observation_plans.') && v !== 'observation_plans.id';
}

/**
 * Makes an observation plan and every check it makes due from now on. The
 * worker must be someone of the community who may record checks.
 */
export async function insertPlan(
  trx: Executor, actor: Actor, grant: Grant | null, arrival: ArrivalRow, input: PlanInput, prefix = 'plan.',
): Promise<{ planId: string }> {
  const now = Date.now();
  const startAt = input.startAt ? new Date(Date.parse(input.startAt)) : new Date(now);
  if (Math.abs(startAt.getTime() - now) > PLAN_START_WINDOW_MS) throw new AppError('DATE_ORDER', { field: `${prefix}startAt` });
  const startDay = shanghaiDate(startAt);
  let days = input.days;
  if (input.lastDay !== undefined) {
    const span = Math.round((Date.parse(`${input.lastDay}T00:00:00Z`) - Date.parse(`${startDay}T00:00:00Z`)) / 86_400_000) + 1;
    if (span < 1) throw new AppError('PLAN_ENDS_BEFORE_START', { field: `${prefix}lastDay` });
    if (days !== undefined && days !== span) throw new AppError('DATE_ORDER', { field: `${prefix}lastDay` });
    days = span;
  }
  if (days === undefined || days > LONGEST_PLAN_DAYS) throw new AppError('INVALID_VALUE', { field: `${prefix}days`, params: { problem: 'validation.planDays' } });
  const testDays = [...new Set(input.testDays)].sort((a, b) => a - b);
  testDays.forEach((d, i) => {
    if (d > days) throw new AppError('INVALID_VALUE', { field: `${prefix}testDays.${i}`, params: { problem: 'validation.testDay' } });
  });
  const workers = await entrancesRepository.usersWithRoles(trx, arrival.org_path, CHECK_ROLES, new Date().toISOString());
  if (!workers.some((w) => w.user_id === input.workerId)) throw new AppError('NOT_FOUND', { field: `${prefix}workerId` });
  const times = [...new Set(input.temperatureTimes)].sort();
  const testTime = input.testTime ?? '09:00';
  const planId = uuidv7();
  await observationRepository.insertPlan(trx, {
    id: planId, arrival_id: arrival.id, community_id: arrival.community_id, org_path: arrival.org_path, person_hash: arrival.id_hash, kind: input.kind, place: input.place || arrival.stay_place,
    start_at: startAt.toISOString(), start_day: startDay, days, release_day: addDays(startDay, days), temperature_times: JSON.stringify(times),
    test_days: JSON.stringify(testDays), test_time: testTime, worker_id: input.workerId, created_by: actor.userId, created_at: new Date(now).toISOString(),
    released_at: null, released_day: null, released_by: null, release_outcome: null, release_note: null,
  });
  const schedule = { startAt: startAt.toISOString(), days, temperatureTimes: times, testDays, testTime };
  const checks = input.pastChecks ? dueChecks(schedule) : checksFrom(schedule, now);
  await observationRepository.insertChecks(trx, checks.map((c) => ({
    id: uuidv7(), plan_id: planId, arrival_id: arrival.id, community_id: arrival.community_id, org_path: arrival.org_path, worker_id: input.workerId,
    kind: c.kind, day: c.day, day_number: c.dayNumber, due_at: c.dueAt, overdue_at: c.overdueAt, cancelled: 0, overdue_alerted: 0,
    reading_id: null, done_at: null, temp_tenths: null, test_result: null, note: null, recorded_by: null, recorded_at: null,
  })));
  // A fever already at registration goes to the lead like any other.
  const fever = arrival.temp_tenths !== null && isFever(arrival.temp_tenths / 10);
  if (fever) {
    await observationRepository.insertAlert(trx, {
      id: uuidv7(), community_id: arrival.community_id, org_path: arrival.org_path, kind: 'fever', arrival_id: arrival.id, plan_id: planId, check_id: null,
      name: arrival.name, temp_tenths: arrival.temp_tenths, day: shanghaiDate(), raised_at: new Date().toISOString(), handled_at: null, handled_by: null, note: null,
    });
  }
  await recordAudit(trx, actor, grant, {
    action: 'observation.plan', entityType: 'arrival', entityId: arrival.id, path: arrival.org_path,
    after: { planId, kind: input.kind, startAt: startAt.toISOString(), days, workerId: input.workerId, checks: checks.length },
  });
  return { planId };
}
