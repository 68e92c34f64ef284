import { describe, expect, it } from 'vitest';
import type { Check } from '../src/contract/observation.ts';
import { checkCharacter } from '../src/domain/residents/citizen-id.ts';
import { checkArrivalDraft, newArrivalDraft, toArrivalFields, type ArrivalDraft } from '../src/web/field/observation/arrival-draft.ts';
import { groupRows, openCount, tabRows, type PhoneReading } from '../src/web/field/observation/check-lists.ts';
import { checkPlanDraft, newPlanDraft, parseTestDays, planFieldOf, toPlanInput } from '../src/web/field/observation/plan-draft.ts';

const TODAY = '2026-11-26';
const validId = (first17: string) => first17 + checkCharacter(first17);

function filled(over: Partial<ArrivalDraft> = {}): ArrivalDraft {
  return {
    ...newArrivalDraft(TODAY), category: 'returnee', name: 'Lin', idNumber: validId('11010119920315246'), phone: '13900005555', originCode: '420106',
    originText: 'Wuchang', transportKind: 'train', stayKind: 'household', stayPlace: 'Building 5', ...over,
  };
}

describe('the arrival form', () => {
  it('asks for what the server requires, and nothing for a complete draft', () => {
    expect(Object.keys(checkArrivalDraft(newArrivalDraft(TODAY), TODAY, { mobileOnly: true })).sort()).toEqual(
      ['category', 'idNumber', 'name', 'originCode', 'phone', 'stayKind', 'stayPlace', 'transportKind'].sort(),
    );
    expect(checkArrivalDraft(filled(), TODAY, { mobileOnly: true })).toEqual({});
  });

  it('catches a wrong check digit, a future arrival, a landline on the public page, a misread temperature', () => {
    const id = validId('11010119920315246');
    const wrong = id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
    expect(checkArrivalDraft(filled({ idNumber: wrong }), TODAY, { mobileOnly: true })).toEqual({ idNumber: 'server:validation.idCheckDigit' });
    expect(checkArrivalDraft(filled({ arrivedOn: '2026-11-27' }), TODAY, { mobileOnly: true })).toEqual({ arrivedOn: 'server:errors.ARRIVAL_IN_FUTURE' });
    expect(checkArrivalDraft(filled({ phone: '0731-85551234' }), TODAY, { mobileOnly: true })).toEqual({ phone: 'server:validation.mobile' });
    expect(checkArrivalDraft(filled({ phone: '0731-85551234' }), TODAY, { mobileOnly: false })).toEqual({});
    expect(checkArrivalDraft(filled({ temperature: '45' }), TODAY, { mobileOnly: true })).toEqual({ temperature: 'gate-field:reading.measureAgain' });
    // A household picked from the ledger stands for the address.
    expect(checkArrivalDraft(filled({ stayPlace: '', householdId: 'h1' }), TODAY, { mobileOnly: false })).toEqual({});
  });

  it('sends trimmed fields, the reading as a number, no empty optional text', () => {
    const fields = toArrivalFields(filled({ name: ' Lin ', phone: '139 0000 5555', temperature: '36.5', route: '  ', idNumber: `${validId('11010119920315246').toLowerCase()} ` }));
    expect(fields).toMatchObject({ name: 'Lin', phone: '13900005555', temperature: 36.5, route: undefined, idNumber: validId('11010119920315246') });
    expect(fields).not.toHaveProperty('householdId');
  });
});

describe('the plan form', () => {
  it('reads test days as typed and checks them against the length', () => {
    expect(parseTestDays('1, 7，14 7')).toEqual([1, 7, 14]);
    expect(parseTestDays('')).toEqual([]);
    expect(parseTestDays('1, x')).toBeNull();
    expect(checkPlanDraft({ ...newPlanDraft('home', 'w1'), days: 7, testDays: '1, 14' })).toEqual({ testDays: 'observation-field:plan.testDaysProblem' });
    expect(checkPlanDraft(newPlanDraft('home', null))).toEqual({ workerId: 'observation-field:plan.workerRequired' });
    expect(toPlanInput({ ...newPlanDraft('home', 'w1'), days: 7, testDays: '1', testTime: '00:00', temperatureTimes: ['16:00', '08:00', '08:00'] })).toEqual({
      kind: 'home', days: 7, temperatureTimes: ['08:00', '16:00'], testDays: [1], testTime: '00:00', workerId: 'w1',
    });
  });

  it('puts the server’s plan errors under the right field', () => {
    expect(planFieldOf('plan.testDays.0')).toBe('testDays');
    expect(planFieldOf('workerId')).toBe('workerId');
    expect(planFieldOf('plan.lastDay')).toBe('days');
    expect(planFieldOf('idNumber')).toBeNull();
  });
});

describe('the check lists on the phone', () => {
  const now = Date.parse('2026-11-26T00:30:00Z');
  const check = (id: string, over: Partial<Check> = {}): Check => ({
    id, planId: 'p', arrivalId: 'a', name: id, place: 'Park dormitory', groupName: null, kind: 'temperature', day: TODAY, dayNumber: 2,
    dueAt: '2026-11-26T00:00:00.000Z', overdueAt: '2026-11-26T02:00:00.000Z', state: 'upcoming', doneAt: null, late: false, temperature: null, testResult: null,
    note: null, recordedByName: null, workerId: 'w', ...over,
  });
  const item = (checkId: string, status: 'waiting' | 'refused'): PhoneReading => ({ status, reading: { id: `r-${checkId}`, checkId, at: '', temperature: 36.5 } });

  it('works states out again from the clock and shows what waits on the phone as recorded', () => {
    const lists = { due: [check('a'), check('b'), check('c', { dueAt: '2026-11-26T08:00:00.000Z', overdueAt: '2026-11-26T10:00:00.000Z' })], overdue: [], done: [check('d', { doneAt: 'x', state: 'done' })] };
    const items = [item('b', 'waiting')];
    const due = tabRows('due', lists, items, now);
    // Read as "upcoming" at 08:00 Shanghai the evening before, "a" is due now.
    expect(due.map((r) => [r.check.id, r.state])).toEqual([['a', 'due'], ['b', 'waiting'], ['c', 'upcoming']]);
    expect(openCount(due)).toBe(1);
    expect(tabRows('done', lists, items, now).map((r) => [r.check.id, r.state])).toEqual([['b', 'waiting'], ['d', 'done']]);
    // A refused reading needs the worker again.
    expect(openCount(tabRows('due', lists, [item('a', 'refused')], now))).toBe(2);
  });

  it('groups by group, else by place, in the order of their first check; people on their own last', () => {
    const rows = tabRows('due', {
      due: [
        check('alone', { place: null, dueAt: '2026-11-25T23:00:00.000Z' }),
        check('truck', { groupName: 'Convoy', dueAt: '2026-11-26T00:10:00.000Z' }),
        check('worker', { dueAt: '2026-11-26T00:00:00.000Z' }),
      ],
      overdue: [], done: [],
    }, [], now);
    expect(groupRows(rows).map((g) => [g.title, g.rows.map((r) => r.check.id)])).toEqual([['Park dormitory', ['worker']], ['Convoy', ['truck']], [null, ['alone']]]);
  });
});
