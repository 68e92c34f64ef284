import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { areaRows, byPerson } from '../src/web/console/teams/areas/area-rows.ts';
import { completion, coversDay, endAfter, lastDayOf, periodText, suggestUsername } from '../src/web/console/teams/teams-format.ts';
import type { Membership } from '../src/contract/teams.ts';
import { historyEvents } from '../src/web/console/teams/work-teams/team-history.ts';

/** Answers the key and its values, so a test reads which message was chosen. */
const t = ((key: string, values?: Record<string, unknown>) => `${key}${values ? JSON.stringify(values) : ''}`) as unknown as TFunction;

describe('periods are shown by their last day and sent by their first day off', () => {
  it('turns the first day off into the last day and back, across month and year ends', () => {
    expect(lastDayOf('2020-03-01')).toBe('2020-02-29');
    expect(lastDayOf('2021-01-01')).toBe('2020-12-31');
    expect(lastDayOf(null)).toBeNull();
    expect(endAfter('2020-02-29')).toBe('2020-03-01');
    expect(endAfter(undefined)).toBeNull();
    expect(endAfter(lastDayOf('2020-02-17'))).toBe('2020-02-17');
  });

  it('says "from … to last day", or "since" while open', () => {
    expect(periodText(t, '2020-02-01', '2020-02-17')).toBe('teams-console:period.between{"from":"2020-02-01","last":"2020-02-16"}');
    expect(periodText(t, '2020-02-17', null)).toBe('teams-console:period.since{"from":"2020-02-17"}');
  });

  it('covers a day from the first day up to, not including, the first day off', () => {
    expect(coversDay('2020-02-01', '2020-02-17', '2020-02-16')).toBe(true);
    expect(coversDay('2020-02-01', '2020-02-17', '2020-02-17')).toBe(false);
    expect(coversDay('2020-02-01', null, '2020-01-31')).toBe(false);
    expect(coversDay('2020-02-01', null, '2030-01-01')).toBe(true);
  });
});

describe('a username offered for an approved volunteer', () => {
  it('is v, the last four digits of the masked mobile and three random digits, and a valid username', () => {
    expect(suggestUsername('139****5501', () => 0.042)).toBe('v5501042');
    expect(suggestUsername('139****5501', () => 0.999)).toBe('v5501999');
    const made = suggestUsername('138****0007');
    expect(made).toMatch(/^v0007\d{3}$/);
    expect(made).toMatch(/^[A-Za-z0-9_.-]{3,32}$/);
  });

  it('still makes one from a mobile with fewer digits shown', () => {
    expect(suggestUsername('****12', () => 0)).toBe('v0012000');
  });
});

describe('the briefing counts tasks done among those not cancelled', () => {
  it('leaves cancelled tasks out of both counts', () => {
    const task = (done: boolean, cancelled: boolean) => ({ doneAt: done ? '2020-02-13T01:00:00Z' : null, cancelledAt: cancelled ? '2020-02-13T02:00:00Z' : null });
    expect(completion([task(true, false), task(false, false), task(false, true), task(true, false), task(false, false)])).toEqual({ done: 2, total: 4 });
    expect(completion([])).toEqual({ done: 0, total: 0 });
  });
});

describe('areas', () => {
  const assignment = (userId: string, name: string) => ({ id: `${userId}-a`, groupId: 'g', userId, name, from: '2020-02-01', to: null });
  const coverage = {
    groups: [
      { groupId: 'g1', groupName: '大海组', households: 33, residents: 142, responsible: [assignment('u1', '张队长')] },
      { groupId: 'g2', groupName: '草塘组', households: 14, residents: 72, responsible: [] },
      { groupId: 'g3', groupName: '草坪组', households: 20, residents: 85, responsible: [assignment('u1', '张队长'), assignment('u2', '李网格员')] },
      { groupId: 'g4', groupName: '中路组', households: 32, residents: 143, responsible: [] },
    ],
    uncovered: ['g2', 'g4'],
  };

  it('puts the groups nobody covers first, each part in the order given', () => {
    expect(areaRows(coverage).map((r) => [r.groupName, r.uncovered])).toEqual([
      ['草塘组', true],
      ['中路组', true],
      ['大海组', false],
      ['草坪组', false],
    ]);
  });

  it('lists each person with their groups, most groups first', () => {
    expect(byPerson(coverage)).toEqual([
      { userId: 'u1', name: '张队长', groups: ['大海组', '草坪组'] },
      { userId: 'u2', name: '李网格员', groups: ['草坪组'] },
    ]);
  });
});

describe('a team history', () => {
  const m = (over: Partial<Membership> & Pick<Membership, 'id' | 'name' | 'from'>): Membership => ({
    userId: over.id, mobile: null, role: 'member', to: null, endReason: null, replacedByName: null, replacesName: null, reason: null, ...over,
  });

  it('tells a replacement once, with both names, and a departure with nobody in the place', () => {
    const history = [
      m({ id: 'a', name: '张三', from: '2020-02-01', role: 'leader' }),
      m({ id: 'b', name: '李四', from: '2020-02-01', to: '2020-02-17', endReason: '肩部骨折', replacedByName: '王五' }),
      m({ id: 'c', name: '王五', from: '2020-02-17', replacesName: '李四', reason: '肩部骨折' }),
      m({ id: 'd', name: '赵六', from: '2020-02-03', to: '2020-02-10', endReason: '调回单位' }),
    ];
    expect(historyEvents(history).map((e) => [e.day, e.kind, e.member.name])).toEqual([
      ['2020-02-01', 'joined', '张三'],
      ['2020-02-01', 'joined', '李四'],
      ['2020-02-03', 'joined', '赵六'],
      ['2020-02-10', 'left', '赵六'],
      ['2020-02-17', 'replaced', '王五'],
    ]);
  });
});
