import { describe, expect, it } from 'vitest';
import type { Check } from '../src/contract/observation.ts';
import { asOf, stateChanges } from '../src/web/console/observation/checks/checks-now.ts';

const check = (over: Partial<Check> = {}): Check => ({
  id: 'c1', planId: 'p1', arrivalId: 'a1', name: '何静', place: null, groupName: null, kind: 'temperature', day: '2026-11-26', dayNumber: 5,
  dueAt: '2026-11-26T00:00:00Z', overdueAt: '2026-11-26T02:00:00Z', state: 'due', doneAt: null, late: false, temperature: null, testResult: null,
  note: null, recordedByName: null, workerId: 'w1', ...over,
});

describe('a check as of now', () => {
  it('turns from due to overdue when its grace ends, whatever the server said when it answered', () => {
    expect(asOf(check(), Date.parse('2026-11-26T01:59:00Z')).state).toBe('due');
    expect(asOf(check(), Date.parse('2026-11-26T02:00:00Z')).state).toBe('overdue');
    expect(asOf(check({ state: 'upcoming' }), Date.parse('2026-11-25T23:00:00Z')).state).toBe('upcoming');
    expect(asOf(check({ doneAt: '2026-11-26T00:10:00Z', state: 'done' }), Date.parse('2026-11-27T00:00:00Z')).state).toBe('done');
  });

  it('changes only at the times of checks not done', () => {
    expect(stateChanges([check(), check({ id: 'c2', doneAt: '2026-11-26T00:10:00Z' })])).toEqual(['2026-11-26T00:00:00Z', '2026-11-26T02:00:00Z']);
  });
});
