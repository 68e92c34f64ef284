import { describe, expect, it } from 'vitest';
import { shanghaiInstant } from '../local-date.ts';
import { onDutyNow } from './on-duty.ts';
import type { Duty, ShiftNeed } from './roster-rules.ts';
import { replace, replacementProblem, teamOn, type Membership } from './teams.ts';

// The city bureau's three party members at 中路社区 from 10 February; one breaks a shoulder and is replaced from 17 February.
const team: Membership[] = [
  { personId: 'leader', from: '2020-02-10', to: null, role: 'leader' },
  { personId: 'injured', from: '2020-02-10', to: null, role: 'member' },
  { personId: 'third', from: '2020-02-10', to: null, role: 'member' },
];

describe('a work team and its replacements', () => {
  it('keeps history: the team of any past day', () => {
    const after = replace(team, 'injured', 'replacement', '2020-02-17');
    expect(teamOn(after, '2020-02-16').map((m) => m.personId)).toEqual(['leader', 'injured', 'third']);
    expect(teamOn(after, '2020-02-17').map((m) => m.personId)).toEqual(['leader', 'third', 'replacement']);
    expect(after.find((m) => m.personId === 'replacement')).toEqual({ personId: 'replacement', from: '2020-02-17', to: null, role: 'member' });
    expect(teamOn(after, '2020-02-09')).toEqual([]);
  });

  it('refuses a replacement dated before (or on) the day the member joined, of someone not on the team, or by someone already on it', () => {
    expect(replacementProblem(team, 'injured', 'replacement', '2020-02-05')).toBe('beforeJoined');
    expect(replacementProblem(team, 'injured', 'replacement', '2020-02-10')).toBe('beforeJoined');
    expect(replacementProblem(team, 'nobody', 'replacement', '2020-02-17')).toBe('notOnTeam');
    expect(replacementProblem(team, 'injured', 'third', '2020-02-17')).toBe('alreadyOnTeam');
    const after = replace(team, 'injured', 'replacement', '2020-02-17');
    expect(replacementProblem(after, 'injured', 'other', '2020-02-20')).toBe('notOnTeam');
    expect(() => replace(team, 'injured', 'replacement', '2020-02-05')).toThrow('beforeJoined');
  });
});

describe('on duty now', () => {
  const need = (start: string, end: string, minimum = 1): ShiftNeed => ({ checkpointId: 'gate-1', day: '2020-02-17', start, end, minimum });
  const needs = [need('07:00', '12:00', 2), need('12:00', '18:00')];
  const duties: Duty[] = [
    { personId: 'a', checkpointId: 'gate-1', day: '2020-02-17', start: '07:00', end: '12:00' },
    { personId: 'b', checkpointId: 'gate-1', day: '2020-02-17', start: '07:00', end: '12:00' },
    { personId: 'c', checkpointId: 'gate-1', day: '2020-02-17', start: '12:00', end: '18:00' },
  ];
  const at = (time: string) => shanghaiInstant('2020-02-17', time);

  it('shows who is on the shift in force and who has checked in; fewer than the minimum checked in is unstaffed', () => {
    const nine = onDutyNow(['gate-1', 'gate-2'], needs, duties, [{ personId: 'a', checkpointId: 'gate-1', at: at('06:45') }], at('09:00'));
    expect(nine[0]).toMatchObject({ need: needs[0], onShift: [{ personId: 'a', checkedIn: true }, { personId: 'b', checkedIn: false }], unstaffed: true });
    expect(nine[1]).toEqual({ checkpointId: 'gate-2', need: null, onShift: [], unstaffed: false });
    const both = onDutyNow(['gate-1'], needs, duties, [{ personId: 'a', checkpointId: 'gate-1', at: at('06:45') }, { personId: 'b', checkpointId: 'gate-1', at: at('07:05') }], at('09:00'));
    expect(both[0]!.unstaffed).toBe(false);
  });

  it('does not count a check-in from an earlier shift or at another gate', () => {
    const noon = onDutyNow(['gate-1'], needs, duties, [{ personId: 'c', checkpointId: 'gate-1', at: at('08:00') }, { personId: 'c', checkpointId: 'gate-2', at: at('12:01') }], at('12:30'));
    expect(noon[0]).toMatchObject({ onShift: [{ personId: 'c', checkedIn: false }], unstaffed: true });
  });
});
