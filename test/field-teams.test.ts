import { describe, expect, it } from 'vitest';
import { VolunteerSignup } from '../src/contract/teams.ts';
import { shanghaiInstant } from '../src/domain/local-date.ts';
import { checkInStateOf, openTaskCount, orphanCheckIns, orphanTicks, tickOf, type CheckInLike } from '../src/web/field/duty/check-in-state.ts';
import { checkInOpen, dayLabel, dutyDays, dutyPhase, nextDuty, type DutyLike } from '../src/web/field/duty/duty-times.ts';
import { emptyDraft, signupBody, volunteerProblems, type VolunteerDraft } from '../src/web/field/volunteer/volunteer-draft.ts';

const TODAY = '2026-11-26';
const at = (day: string, time: string) => shanghaiInstant(day, time);
const duty = (id: string, day: string, start: string, end: string, checkedInAt: string | null = null): DutyLike => ({ id, day, start, end, checkedInAt });

describe('my shifts on the phone', () => {
  const morning = duty('m', TODAY, '07:00', '12:00');
  const evening = duty('e', TODAY, '18:00', '24:00');
  const night = duty('n', '2026-11-27', '00:00', '07:00');

  it('says whether a shift is over, in force, about to start (check-in open from 30 minutes before) or later', () => {
    expect(dutyPhase(morning, at(TODAY, '06:29'))).toBe('later');
    expect(dutyPhase(morning, at(TODAY, '06:30'))).toBe('soon');
    expect(dutyPhase(morning, at(TODAY, '07:00'))).toBe('now');
    expect(dutyPhase(morning, at(TODAY, '11:59'))).toBe('now');
    expect(dutyPhase(morning, at(TODAY, '12:00'))).toBe('past');
    expect(checkInOpen(morning, at(TODAY, '06:29'))).toBe(false);
    expect(checkInOpen(morning, at(TODAY, '06:45'))).toBe(true);
    expect(checkInOpen(morning, at(TODAY, '12:00'))).toBe(false);
  });

  it('runs a shift ending at 24:00 to midnight, and opens the next day’s night shift at 23:30 the day before', () => {
    expect(dutyPhase(evening, at(TODAY, '23:59'))).toBe('now');
    expect(dutyPhase(evening, at('2026-11-27', '00:00'))).toBe('past');
    expect(checkInOpen(night, at(TODAY, '23:29'))).toBe(false);
    expect(checkInOpen(night, at(TODAY, '23:30'))).toBe(true);
  });

  it('groups the shifts by day from today on, soonest first, keeping today’s that are over', () => {
    const yesterday = duty('y', '2026-11-25', '07:00', '12:00');
    const days = dutyDays([night, evening, yesterday, morning], at(TODAY, '13:00'));
    expect(days.map((d) => [d.day, d.duties.map((x) => x.id)])).toEqual([
      [TODAY, ['m', 'e']],
      ['2026-11-27', ['n']],
    ]);
  });

  it('picks the shift in force now, else the next one, for the home tile', () => {
    expect(nextDuty([night, evening, morning], at(TODAY, '08:00'))?.id).toBe('m');
    expect(nextDuty([night, evening, morning], at(TODAY, '13:00'))?.id).toBe('e');
    expect(nextDuty([night, evening, morning], at('2026-11-27', '08:00'))).toBeNull();
  });

  it('names days as today, tomorrow or their weekday (Monday first), on Shanghai days', () => {
    // 2026-11-26 is a Thursday.
    expect(dayLabel(TODAY, at(TODAY, '00:10'))).toEqual({ kind: 'today', weekday: 3 });
    expect(dayLabel('2026-11-27', at(TODAY, '23:50'))).toEqual({ kind: 'tomorrow', weekday: 4 });
    expect(dayLabel('2026-11-30', at(TODAY, '12:00'))).toEqual({ kind: 'weekday', weekday: 0 });
  });
});

describe('check-ins and ticks kept on the phone', () => {
  const item = (id: string, dutyId: string, status: 'waiting' | 'refused'): CheckInLike => ({
    id, dutyId, status, at: '2026-11-26T00:05:00.000Z', ...(status === 'refused' ? { refusal: { code: 'NOT_ON_SHIFT', message: 'not on shift' } } : {}),
  });

  it('shows the server’s check-in first, then one waiting on the phone, then a refusal', () => {
    expect(checkInStateOf(duty('d', TODAY, '07:00', '12:00', '2026-11-26T00:01:00.000Z'), [item('a', 'd', 'waiting')])).toMatchObject({ state: 'checked_in', at: '2026-11-26T00:01:00.000Z' });
    expect(checkInStateOf(duty('d', TODAY, '07:00', '12:00'), [item('r', 'd', 'refused'), item('w', 'd', 'waiting')])).toMatchObject({ state: 'waiting', item: { id: 'w' } });
    expect(checkInStateOf(duty('d', TODAY, '07:00', '12:00'), [item('r', 'd', 'refused'), item('x', 'other', 'waiting')])).toMatchObject({ state: 'refused', item: { id: 'r' } });
    expect(checkInStateOf(duty('d', TODAY, '07:00', '12:00'), [])).toMatchObject({ state: 'none', item: null });
  });

  it('keeps check-ins whose shift left the list visible on their own', () => {
    expect(orphanCheckIns([item('a', 'gone', 'refused'), item('b', 'd', 'waiting')], new Set(['d'])).map((i) => i.id)).toEqual(['a']);
  });

  it('keeps ticks whose task is not in today’s list visible on their own, so a refusal can be read and dismissed', () => {
    const ticks = [{ id: '1', taskId: 'yesterday', status: 'refused' as const }, { id: '2', taskId: 'a', status: 'waiting' as const }];
    expect(orphanTicks(ticks, new Set(['a'])).map((i) => i.id)).toEqual(['1']);
  });

  it('counts the open tasks: not done, not cancelled, not ticked off on the phone', () => {
    const task = (id: string, doneAt: string | null = null, cancelledAt: string | null = null) => ({ id, doneAt, cancelledAt });
    expect(openTaskCount([task('a'), task('b', 'x'), task('c', null, 'x'), task('d')], new Set(['d']))).toBe(1);
    expect(tickOf('a', [{ id: '1', taskId: 'a', status: 'refused' }, { id: '2', taskId: 'a', status: 'waiting' }])?.id).toBe('2');
    expect(tickOf('b', [{ id: '1', taskId: 'a', status: 'waiting' }])).toBeNull();
  });
});

describe('the volunteer sign-up form', () => {
  const filled = (over: Partial<VolunteerDraft> = {}): VolunteerDraft => ({ name: ' Wang Fang ', mobile: '139 1234 5678', skills: ['patrol', 'gate'], availability: 'weekends', consent: true, ...over });

  it('asks for everything the server requires, the consent included', () => {
    expect(volunteerProblems(emptyDraft())).toEqual({
      name: 'validation.required', mobile: 'validation.required', skills: 'validation.skillRequired', availability: 'validation.required', consent: 'validation.consentRequired',
    });
    expect(volunteerProblems(filled())).toEqual({});
    expect(volunteerProblems(filled({ consent: false }))).toEqual({ consent: 'validation.consentRequired' });
    expect(volunteerProblems(filled({ mobile: '0731-2222333' }))).toEqual({ mobile: 'validation.mobile' });
    expect(volunteerProblems(filled({ name: 'x'.repeat(31) }))).toEqual({ name: 'validation.tooLong' });
  });

  it('sends what the contract accepts: trimmed, the mobile without spaces, skills in the page’s order', () => {
    const body = signupBody('01936f3c-1c2b-7d3e-8f4a-5b6c7d8e9f00', filled(), '2026-1');
    expect(body).toMatchObject({ name: 'Wang Fang', mobile: '13912345678', skills: ['gate', 'patrol'], consent: true });
    expect(VolunteerSignup.safeParse(body).success).toBe(true);
    expect(VolunteerSignup.safeParse(signupBody('01936f3c-1c2b-7d3e-8f4a-5b6c7d8e9f00', filled({ consent: false }), '2026-1')).success).toBe(false);
  });
});
