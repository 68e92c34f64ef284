import { describe, expect, it } from 'vitest';
import type { Check } from '../src/contract/observation.ts';
import { checkCharacter } from '../src/domain/residents/citizen-id.ts';
import { checkArrivalDraft, newArrivalDraft, toArrivalFields, type ArrivalDraft } from '../src/web/field/observation/arrival-draft.ts';
import { CHECKS_KEY, checkDays, checksKey, dayOfChecksKey, isOldCheckList } from '../src/web/field/observation/check-days.ts';
import { checksOnPhone, groupRows, placeRows, rowOf, tabCounts, tabOf, type PhoneReading } from '../src/web/field/observation/check-lists.ts';
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
  // 08:30 in Shanghai on TODAY.
  const now = Date.parse('2026-11-26T00:30:00Z');
  const YESTERDAY = '2026-11-25';
  const TOMORROW = '2026-11-27';
  /** A temperature check at a Shanghai clock time on a day, as the server lists it (its state as read then). */
  const check = (id: string, over: Partial<Check> = {}, at = '08:00', day = TODAY): Check => {
    const due = Date.parse(`${day}T${at}:00+08:00`);
    return {
      id, planId: 'p', arrivalId: 'a', name: id, place: 'Park dormitory', groupName: null, kind: 'temperature', day, dayNumber: 2,
      dueAt: new Date(due).toISOString(), overdueAt: new Date(due + 2 * 3_600_000).toISOString(), state: 'upcoming', doneAt: null, late: false, temperature: null,
      testResult: null, note: null, recordedByName: null, workerId: 'w', ...over,
    };
  };
  const item = (checkId: string, status: 'waiting' | 'refused'): PhoneReading => ({ status, reading: { id: `r-${checkId}`, checkId, at: '', temperature: 36.5 } });
  /** A tab's rows as [check, state], by check id (the page orders them by time and group). */
  const ids = (rows: { check: Check; state: string }[]) => rows.map((r) => [r.check.id, r.state]).sort((a, b) => a[0]!.localeCompare(b[0]!));
  const none = { due: undefined, overdue: undefined, done: undefined, yesterdayDue: undefined, yesterdayOverdue: undefined };

  it('keeps each list under the Shanghai day it was asked for, tomorrow’s included, and drops the days gone by', () => {
    // 23:30 in Shanghai is already the next day there, whatever the phone's zone.
    expect(checkDays(Date.parse('2026-11-30T16:30:00Z'))).toEqual({ today: '2026-12-01', yesterday: '2026-11-30', tomorrow: '2026-12-02' });
    expect(checkDays(now)).toEqual({ today: TODAY, yesterday: YESTERDAY, tomorrow: TOMORROW });
    expect(checksKey('due', TOMORROW)).toEqual([CHECKS_KEY, 'due', TOMORROW]);
    expect(dayOfChecksKey(checksKey('overdue', TODAY))).toBe(TODAY);
    expect(isOldCheckList(checksKey('due', YESTERDAY), TODAY)).toBe(false);
    expect(isOldCheckList(checksKey('due', TOMORROW), TODAY)).toBe(false);
    expect(isOldCheckList(checksKey('due', '2026-11-24'), TODAY)).toBe(true);
    // A list kept before lists had days cannot be told apart from today's: dropped.
    expect(isOldCheckList([CHECKS_KEY, 'due'], TODAY)).toBe(true);
  });

  it('the morning after a night offline: tomorrow’s list read last evening is today’s, yesterday’s open checks are overdue', () => {
    // Read at 20:00 yesterday: the evening check still due then, this morning's list read as "tomorrow's".
    const lists = {
      ...none,
      due: [check('morning', {}, '08:00'), check('noon', {}, '12:00')],
      yesterdayDue: [check('evening', { state: 'due' }, '19:00', YESTERDAY), check('recorded', { state: 'due' }, '19:30', YESTERDAY)],
      yesterdayOverdue: [check('missed', { state: 'overdue' }, '08:00', YESTERDAY)],
    };
    const tabs = placeRows(checksOnPhone(lists), [item('recorded', 'waiting')], TODAY, now);
    expect(ids(tabs.due)).toEqual([['morning', 'due'], ['noon', 'upcoming']]);
    expect(ids(tabs.overdue)).toEqual([['evening', 'overdue'], ['missed', 'overdue']]);
    expect(ids(tabs.done)).toEqual([['recorded', 'waiting']]);
    // The hub and the tabs count alike: what needs the worker now, and what is recorded.
    expect(tabCounts(tabs)).toEqual({ due: 1, overdue: 2, done: 1 });
  });

  it('today’s overdue list, once read, is the server’s word: yesterday’s kept lists no longer count', () => {
    const lists = {
      ...none,
      due: [check('morning')],
      overdue: [check('missed', { state: 'overdue' }, '08:00', YESTERDAY)],
      // The person of "released" was released since: not in today's overdue list.
      yesterdayDue: [check('released', { state: 'due' }, '19:00', YESTERDAY)],
      yesterdayOverdue: [check('missed', { state: 'overdue' }, '08:00', YESTERDAY)],
    };
    const tabs = placeRows(checksOnPhone(lists), [], TODAY, now);
    expect(ids(tabs.overdue)).toEqual([['missed', 'overdue']]);
    expect(ids(tabs.due)).toEqual([['morning', 'due']]);
  });

  it('places each check by its state now, not as read: due lists turn overdue, done wins, other days stay out', () => {
    const lists = {
      ...none,
      // Read at 05:00 as upcoming: "early" is overdue by 08:30, "a" due now, "c" still to come.
      due: [check('early', {}, '06:00'), check('a'), check('b'), check('c', {}, '16:00'), check('sent')],
      overdue: [],
      // A reading just sent marks its check done in the lists (the due list read before still has it open).
      done: [check('d', { doneAt: '2026-11-26T00:05:00.000Z', state: 'done' }), check('sent', { doneAt: '2026-11-26T00:10:00.000Z', state: 'done' })],
    };
    const checks = checksOnPhone(lists);
    expect(checks.filter((c) => c.id === 'sent')).toMatchObject([{ doneAt: '2026-11-26T00:10:00.000Z' }]);
    const tabs = placeRows([...checks, check('tomorrow', {}, '08:00', TOMORROW), check('old', { doneAt: 'x', state: 'done' }, '08:00', YESTERDAY)], [item('b', 'waiting')], TODAY, now);
    expect(ids(tabs.due)).toEqual([['a', 'due'], ['c', 'upcoming']]);
    expect(ids(tabs.overdue)).toEqual([['early', 'overdue']]);
    expect(ids(tabs.done)).toEqual([['b', 'waiting'], ['d', 'done'], ['sent', 'done']]);
    expect(tabCounts(tabs)).toEqual({ due: 1, overdue: 1, done: 3 });
  });

  it('a refused reading needs the worker again, in the tab of its check', () => {
    const checks = [check('a'), check('late', {}, '06:00'), check('last', {}, '19:00', YESTERDAY)];
    const tabs = placeRows(checks, [item('a', 'refused'), item('late', 'refused'), item('last', 'refused')], TODAY, now);
    expect(ids(tabs.due)).toEqual([['a', 'refused']]);
    expect(ids(tabs.overdue)).toEqual([['last', 'refused'], ['late', 'refused']]);
    expect(tabCounts(tabs)).toEqual({ due: 1, overdue: 2, done: 0 });
    expect(tabOf(rowOf(check('a'), new Map(), now), TODAY, now)).toBe('due');
  });

  it('groups by group, else by place, in the order of their first check; people on their own last', () => {
    const { due: rows } = placeRows([
      check('alone', { place: null }, '07:00'),
      check('truck', { groupName: 'Convoy' }, '08:10'),
      check('worker', {}, '08:00'),
    ], [], TODAY, now);
    expect(groupRows(rows).map((g) => [g.title, g.rows.map((r) => r.check.id)])).toEqual([['Park dormitory', ['worker']], ['Convoy', ['truck']], [null, ['alone']]]);
  });
});
