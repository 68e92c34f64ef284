import { expect, it } from 'vitest';
import { CODES, describeApi } from '../../../../test/harness.ts';
import { addDays, shanghaiDate } from '../../../domain/local-date.ts';

describeApi('the demo’s daily reports', (t) => {
  const today = shanghaiDate();
  const year = Number(today.slice(0, 4)) - (today.slice(5) < '02-24' ? 1 : 0);

  it('has 中路社区’s fortnight of work-team reports, the 21 February supplies issue answered by the city on the 22nd', async () => {
    const city = await t.unit('430200');
    const issues = await t.call('GET', `/api/issues?orgId=${city}&from=${year}-02-10&to=${year}-02-23`, { as: 'zz.city' });
    expect(issues.statusCode).toBe(200);
    expect(issues.json).toHaveLength(28);
    const supplies = issues.json.find((i: { day: string; topic: string; kind: string }) => i.day === `${year}-02-21` && i.kind === 'issue');
    expect(supplies).toMatchObject({ text: expect.stringContaining('防护用品不足'), status: 'done', to: { name: '株洲市' }, teamName: '市残联驻中路社区工作队', canAnswer: true });
    expect(supplies.answers[0]).toMatchObject({ measure: expect.stringContaining('体温枪1把、口罩500个'), officeName: '株洲市' });
    expect(supplies.answers[0].at.slice(0, 10) >= `${year}-02-21`).toBe(true);
    // The last days' issues wait for an answer, and are flagged by now.
    const flagged = await t.call('GET', `/api/issues?orgId=${city}&status=flagged`, { as: 'zz.city' });
    expect(flagged.json.map((i: { day: string }) => i.day)).toEqual([`${year}-02-22`, `${year}-02-22`]);
    const zhonglu = await t.unit(CODES.zhonglu);
    const teamReport = await t.call('GET', `/api/reports/level?orgId=${zhonglu}&day=${year}-02-21`, { as: 'zl.admin' });
    expect(teamReport.json.communities[0]).toMatchObject({ state: 'submitted', teamName: '市残联驻中路社区工作队', late: false, issues: 2 });
    expect(teamReport.json.total.figures.households).toBe(387);
    // The city's dashboard of a past day counts the issues open at that day's end: the 21st's two (answered on the 22nd),
    // then the 22nd's two (never answered), flagged only once a day had passed without an answer.
    const openOn = async (day: string) => (await t.call('GET', `/api/dashboard?orgId=${city}&day=${day}`, { as: 'zz.city' })).json.total;
    expect(await openOn(`${year}-02-20`)).toMatchObject({ openIssues: 2, flaggedIssues: 0 });
    expect(await openOn(`${year}-02-21`)).toMatchObject({ openIssues: 2, flaggedIssues: 0 });
    expect(await openOn(`${year}-02-24`)).toMatchObject({ openIssues: 2, flaggedIssues: 2 });
    expect(await openOn(today)).toMatchObject({ openIssues: 2, flaggedIssues: 2 });
  });

  it('has 船厂社区’s reports of the last five days, one of them late, and today’s still to come', async () => {
    const street = await t.unit('420107006');
    const late = await t.call('GET', `/api/reports/level?orgId=${street}&day=${addDays(today, -3)}`, { as: 'wh.street' });
    expect(late.json.communities[0]).toMatchObject({ name: '船厂社区', state: 'submitted', late: true });
    const onTime = await t.call('GET', `/api/reports/level?orgId=${street}&day=${addDays(today, -1)}`, { as: 'wh.street' });
    expect(onTime.json.communities[0]).toMatchObject({ state: 'submitted', late: false, openIssues: 2 });
    const now = await t.call('GET', `/api/reports/level?orgId=${street}&day=${today}`, { as: 'wh.street' });
    expect(now.json.total).toMatchObject({ communities: 1, reportsIn: 0, missing: 1 });
    // The city's dashboard is 船厂社区's, counted live: today's gate registrations are there.
    const cityDash = await t.call('GET', `/api/dashboard?orgId=${await t.unit('420100')}`, { as: 'wh.city' });
    const communityDash = await t.call('GET', `/api/dashboard?orgId=${await t.unit(CODES.chuanchang)}`, { as: 'cc.admin' });
    expect(communityDash.json.total.figures.passages).toBeGreaterThan(0);
    expect(cityDash.json.total.figures).toEqual(communityDash.json.total.figures);
    expect(cityDash.json.total).toMatchObject({ communities: 1, reportsIn: 0 });
  });
}, { ledger: true });
