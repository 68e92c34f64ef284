import { describe, expect, it } from 'vitest';
import type { Me } from '../src/contract/auth.ts';
import type { Team } from '../src/contract/teams.ts';
import { noFigures } from '../src/domain/reports/figures.ts';
import {
  coverageShares, dayNotBegun, defaultTeamId, draftBody, errorPlace, formValuesOf, issueCounter, issuesInOrder, keepsAttemptId, printTitle, reportPath, sameDraft, teamActiveOn,
  teamsToOffer, writerCommunities, writtenIssues,
} from '../src/web/console/reports/write/report-write-model.ts';

const STREET = { id: '00000000-0000-7000-8000-000000000001', name: 'Liyu street', kind: 'street' as const, code: '430211003' };
const ZL = { id: '00000000-0000-7000-8000-000000000002', name: 'Zhonglu', kind: 'community' as const, code: '430211003017' };
const CC = { id: '00000000-0000-7000-8000-000000000003', name: 'Chuanchang', kind: 'community' as const, code: '420107001001' };

function me(roles: { role: Me['roles'][number]['role']; unit: Me['roles'][number]['unit'] }[]): Me {
  return {
    id: 'u-1', username: 'x', displayName: 'X', locale: 'zh-CN', mustChangePassword: false, permissions: [],
    roles: roles.map((r, i) => ({ assignmentId: `a-${i}`, role: r.role, unit: r.unit, validFrom: '2020-01-01', validTo: null })),
  };
}
const unit = (u: typeof ZL, ancestors: (typeof ZL | typeof STREET)[] = [STREET]) => ({ ...u, ancestors });

function team(id: string, from: string, to: string | null, members: string[] = []): Team {
  const m = (userId: string) => ({ id: `m-${userId}`, userId, name: userId, mobile: null, role: 'member' as const, from, to, endReason: null, replacedByName: null, replacesName: null, reason: null });
  return {
    id, communityId: ZL.id, communityName: 'Zhonglu', name: `team ${id}`, kind: 'work_team', from, to, day: from,
    sendingOrg: { id: 'o', name: 'bureau', kind: 'bureau', unitId: ZL.id, unitName: 'Zhonglu', contact: null },
    onDay: members.map(m), history: members.map(m),
  };
}

describe('whose report the user writes', () => {
  it('takes the community of a secretary, and of a team member on a group, once each', () => {
    const group = { id: '00000000-0000-7000-8000-000000000009', name: 'Group 1', kind: 'group' as const, code: '430211003017-01', ancestors: [STREET, ZL] };
    const list = writerCommunities(me([{ role: 'community_admin', unit: unit(CC) }, { role: 'team_member', unit: group }, { role: 'team_member', unit: unit(ZL) }]));
    expect(list).toEqual([
      { id: CC.id, name: 'Chuanchang', asCommunity: true },
      { id: ZL.id, name: 'Zhonglu', asCommunity: false },
    ]);
  });

  it('ignores roles that write no reports (a street office, a grid worker)', () => {
    expect(writerCommunities(me([{ role: 'street_admin', unit: { ...STREET, ancestors: [] } }, { role: 'grid_worker', unit: unit(ZL) }]))).toEqual([]);
  });

  it('a secretary who is also on a team still writes the community report', () => {
    const list = writerCommunities(me([{ role: 'team_member', unit: unit(ZL) }, { role: 'community_admin', unit: unit(ZL) }]));
    expect(list).toEqual([{ id: ZL.id, name: 'Zhonglu', asCommunity: true }]);
  });
});

describe('which work teams are offered', () => {
  const teams = [team('a', '2020-02-01', null, ['u-1']), team('b', '2020-02-10', '2020-02-20', ['u-2']), team('c', '2020-03-01', null, ['u-1'])];

  it('a team is stationed from its first day up to, not including, its first day off', () => {
    expect(teamActiveOn(teams[1]!, '2020-02-10')).toBe(true);
    expect(teamActiveOn(teams[1]!, '2020-02-19')).toBe(true);
    expect(teamActiveOn(teams[1]!, '2020-02-20')).toBe(false);
    expect(teamActiveOn(teams[2]!, '2020-02-29')).toBe(false);
  });

  it('the secretary is offered every team stationed that day; a member only their own', () => {
    expect(teamsToOffer(teams, '2020-02-15', { userId: 'u-9', asCommunity: true }).map((t) => t.id)).toEqual(['a', 'b']);
    expect(teamsToOffer(teams, '2020-02-15', { userId: 'u-1', asCommunity: false }).map((t) => t.id)).toEqual(['a']);
    expect(teamsToOffer(teams, '2020-02-25', { userId: 'u-2', asCommunity: false })).toEqual([]);
  });

  it('reports as the community for its secretary, as the first team for a member', () => {
    expect(defaultTeamId(teams, true)).toBeUndefined();
    expect(defaultTeamId(teams, false)).toBe('a');
    expect(defaultTeamId([], false)).toBeUndefined();
  });

  it('links to a report by community, day and team', () => {
    expect(reportPath(ZL.id, '2020-02-21')).toBe(`/reports/write/${ZL.id}/2020-02-21`);
    expect(reportPath(ZL.id, '2020-02-21', 'a')).toBe(`/reports/write/${ZL.id}/2020-02-21?team=a`);
    expect(reportPath(ZL.id, '2020-02-21', null)).toBe(`/reports/write/${ZL.id}/2020-02-21`);
  });

  it('a day after today (from a link) has not begun; today and the days before have', () => {
    expect(dayNotBegun('2026-11-27', '2026-11-26')).toBe(true);
    expect(dayNotBegun('2027-01-01', '2026-12-31')).toBe(true);
    expect(dayNotBegun('2026-11-26', '2026-11-26')).toBe(false);
    expect(dayNotBegun('2026-02-21', '2026-11-26')).toBe(false);
  });
});

describe('coverage shares', () => {
  it('are whole percent of the part in the whole, in the order shown', () => {
    const f = { ...noFigures(), roundHouseholds: 300, roundHouseholdsScreened: 200, checksDue: 3, checksDone: 2, duties: 8, dutiesCheckedIn: 8, tasks: 0, tasksDone: 0 };
    expect(coverageShares(f)).toEqual([
      { key: 'screening', part: 200, whole: 300, percent: 67 },
      { key: 'checks', part: 2, whole: 3, percent: 67 },
      { key: 'duties', part: 8, whole: 8, percent: 100 },
      { key: 'tasks', part: 0, whole: 0, percent: 0 },
    ]);
  });
});

describe('the issues being written', () => {
  const rows = [{ kind: 'issue' as const, topic: 'supplies' as const, text: ' masks ' }, { kind: 'suggestion' as const, topic: 'staff' as const, text: '  ' }, undefined];

  it('counts only rows with text, against the rule', () => {
    expect(writtenIssues(rows)).toEqual([{ kind: 'issue', topic: 'supplies', text: 'masks' }]);
    expect(issueCounter(rows, 2)).toEqual({ count: 1, min: 2, enough: false });
    expect(issueCounter([...rows, { kind: 'issue', topic: 'other', text: 'x' }], 2)).toEqual({ count: 2, min: 2, enough: true });
    expect(issueCounter(undefined, 0)).toEqual({ count: 0, min: 0, enough: true });
  });

  it('a quiet save sends written rows only; a pressed one every row, so an empty one is named', () => {
    expect(draftBody({ narrative: ' done ', issues: rows }, true)).toEqual({ narrative: 'done', issues: [{ kind: 'issue', topic: 'supplies', text: 'masks' }] });
    expect(draftBody({ narrative: 'done', issues: rows }, false).issues).toEqual([
      { kind: 'issue', topic: 'supplies', text: 'masks' },
      { kind: 'suggestion', topic: 'staff', text: '' },
      { kind: 'issue', topic: 'other', text: '' },
    ]);
    expect(draftBody({}, true)).toEqual({ narrative: '', issues: [] });
  });

  it('opens a report with its draft rows, or one empty row; knows when nothing changed', () => {
    expect(formValuesOf({ narrative: '', draftIssues: [] }).issues).toHaveLength(1);
    const draft = { narrative: 'n', draftIssues: [{ kind: 'issue' as const, topic: 'gates' as const, text: 't' }] };
    expect(formValuesOf(draft)).toEqual({ narrative: 'n', issues: [{ kind: 'issue', topic: 'gates', text: 't' }] });
    expect(sameDraft(draftBody(formValuesOf(draft), true), { narrative: 'n', issues: draft.draftIssues })).toBe(true);
    expect(sameDraft(draftBody(formValuesOf(draft), true), { narrative: 'n!', issues: draft.draftIssues })).toBe(false);
  });
});

describe('refusals and retries', () => {
  it('puts each refusal where it belongs', () => {
    expect(errorPlace('REPORT_TOO_FEW_ISSUES')).toBe('issues');
    expect(errorPlace('REPORT_DAY_IN_FUTURE')).toBe('day');
    expect(errorPlace('VALIDATION_FAILED')).toBe('fields');
    expect(errorPlace('REPORT_FROZEN')).toBe('form');
  });

  it('keeps the submission id when no answer came, so the retry is stored once; a refusal stored nothing', () => {
    expect(keepsAttemptId(0)).toBe(true);
    expect(keepsAttemptId(502)).toBe(true);
    expect(keepsAttemptId(400)).toBe(false);
    expect(keepsAttemptId(409)).toBe(false);
  });
});

describe('sent issues and the print title', () => {
  it('shows flagged issues first, then open ones, else in the order sent', () => {
    const list = [
      { id: 1, flagged: false, status: 'done' },
      { id: 2, flagged: false, status: 'open' },
      { id: 3, flagged: true, status: 'open' },
      { id: 4, flagged: false, status: 'accepted' },
    ];
    expect(issuesInOrder(list).map((i) => i.id)).toEqual([3, 2, 1, 4]);
  });

  it('names the community, the team when there is one, and the day', () => {
    const t = (key: string, v?: Record<string, unknown>) => `${key}|${String(v?.community)}|${String(v?.team)}|${String(v?.day)}`;
    expect(printTitle(t, { community: { id: ZL.id, name: 'Zhonglu' }, team: null, day: '2020-02-21' })).toBe('reports-console:print.title|Zhonglu||2020-02-21');
    expect(printTitle(t, { community: { id: ZL.id, name: 'Zhonglu' }, team: { id: 'a', name: 'Team' }, day: '2020-02-21' })).toBe('reports-console:print.title|Zhonglu| Team|2020-02-21');
  });
});
