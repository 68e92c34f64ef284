import type { z } from 'zod';
import type { ArrivalSummary, Check, ObservationAlert, Plan } from '../../../contract/observation.ts';
import { checkState } from '../../../domain/observation/schedule.ts';
import type { ArrivalView, CheckView, PlanView } from './observation.repository.ts';

/** Rows as the API shows them: masked ID and phone, temperatures in degrees. */
export function planOf(p: PlanView): Plan {
  return {
    id: p.id, arrivalId: p.arrival_id, kind: p.kind as Plan['kind'], place: p.place, startAt: p.start_at, startDay: p.start_day, days: p.days, releaseDay: p.release_day,
    temperatureTimes: JSON.parse(p.temperature_times) as string[], testDays: JSON.parse(p.test_days) as number[], testTime: p.test_time,
    workerId: p.worker_id, workerName: p.worker_name, releasedAt: p.released_at, releasedByName: p.released_by_name,
    releaseOutcome: p.release_outcome as Plan['releaseOutcome'], releaseNote: p.release_note,
    checksDone: p.checks_done, checksTotal: p.checks_total, checksOverdue: p.checks_overdue,
  };
}

export function arrivalSummaryOf(a: ArrivalView, plans: readonly PlanView[]): ArrivalSummary {
  // The open plan if there is one, else the latest.
  const own = plans.filter((p) => p.arrival_id === a.id);
  const plan = own.find((p) => p.released_at === null) ?? own[0];
  return {
    id: a.id, communityId: a.community_id, category: a.category as ArrivalSummary['category'], name: a.name, idMasked: a.id_masked, phoneMasked: a.phone_masked,
    origin: a.origin_text, arrivedOn: a.arrived_on, transportKind: a.transport_kind as ArrivalSummary['transportKind'], transportRef: a.transport_ref,
    stayKind: a.stay_kind as ArrivalSummary['stayKind'], stayPlace: a.stay_place, employer: a.employer, groupId: a.group_id, groupName: a.group_name,
    source: a.source as ArrivalSummary['source'], registeredAt: a.created_at, plan: plan ? planOf(plan) : null, letterSigned: a.letter_id !== null,
  };
}

export function checkOf(c: CheckView, now: number): Check {
  return {
    id: c.id, planId: c.plan_id, arrivalId: c.arrival_id, name: c.name, place: c.place, groupName: c.group_name, kind: c.kind as Check['kind'],
    day: c.day, dayNumber: c.day_number, dueAt: c.due_at, overdueAt: c.overdue_at,
    state: checkState({ dueAt: c.due_at, overdueAt: c.overdue_at, doneAt: c.done_at }, now),
    doneAt: c.done_at, late: c.done_at !== null && Date.parse(c.done_at) > Date.parse(c.overdue_at),
    temperature: c.temp_tenths === null ? null : c.temp_tenths / 10, testResult: c.test_result as Check['testResult'], note: c.note,
    recordedByName: c.recorded_by_name, workerId: c.worker_id,
  };
}

export function alertOf(a: {
  id: string; community_id: string; kind: string; arrival_id: string; name: string; check_id: string | null; due_at: string | null; temp_tenths: number | null;
  worker_name: string; raised_at: string; handled_at: string | null; handled_by_name: string | null; note: string | null;
}): z.infer<typeof ObservationAlert> {
  return {
    id: a.id, communityId: a.community_id, kind: a.kind as z.infer<typeof ObservationAlert>['kind'], arrivalId: a.arrival_id, name: a.name, checkId: a.check_id,
    dueAt: a.due_at, temperature: a.temp_tenths === null ? null : a.temp_tenths / 10, workerName: a.worker_name, raisedAt: a.raised_at,
    handledAt: a.handled_at, handledByName: a.handled_by_name, note: a.note,
  };
}
