import { expect, it } from 'vitest';
import { CODES, describeApi } from '../../../../test/harness.ts';

type Check = { state: string; temperature: number | null; kind: string; day: string };
type Member = { name: string; transportRef: string | null; letterSigned: boolean; plan: { kind: string; days: number; place: string; workerName: string; checksOverdue: number; releasedAt: string | null } };

describeApi('the demo’s outside personnel and returnees', (t) => {
  let zhonglu = '';

  it('has the 8 workers of 株洲高科建设工程有限公司 in a 7-day park observation, each with a signed letter', async () => {
    zhonglu = await t.unit(CODES.zhonglu);
    const groups = await t.call('GET', `/api/observation/groups?communityId=${zhonglu}`, { as: 'zl.admin' });
    const batch = groups.json.find((g: { kind: string }) => g.kind === 'batch');
    expect(batch).toMatchObject({ employer: '株洲高科建设工程有限公司', stayPlace: '株洲高新区工业园 员工宿舍' });
    expect(batch.members).toHaveLength(8);
    for (const m of batch.members as Member[]) {
      expect(m).toMatchObject({ letterSigned: true, plan: { kind: 'workplace', days: 7, workerName: '市残联驻社区工作队队员', checksOverdue: 0, releasedAt: null } });
    }
    const one = await t.call('GET', `/api/observation/arrivals/${batch.members[0].id}`, { as: 'zl.admin' });
    // Three days in: the past checks carry readings, the later ones are still to come.
    expect(one.json.checks.filter((c: Check) => c.state === 'done').length).toBeGreaterThanOrEqual(5);
    expect(one.json.checks.some((c: Check) => c.state === 'upcoming')).toBe(true);
    const letter = await t.call('GET', `/api/observation/letters/${one.json.letterId}`, { as: 'zl.admin' });
    expect(letter.json).toMatchObject({ name: batch.members[0].name, communityName: '中路社区', signature: expect.stringMatching(/^data:image\/png;base64,/) });
  });

  it('has a 16-truck convoy read twice a day, each driver with their plate', async () => {
    const groups = await t.call('GET', `/api/observation/groups?communityId=${zhonglu}`, { as: 'zl.admin' });
    const convoy = groups.json.find((g: { kind: string }) => g.kind === 'convoy');
    expect(convoy.members).toHaveLength(16);
    expect(new Set(convoy.members.map((m: Member) => m.transportRef)).size).toBe(16);
    expect(convoy.today.filter((c: Check) => c.kind === 'temperature')).toHaveLength(32);
  });

  it('has returnees in home observation with exactly one overdue check, raised as an alert, and one released', async () => {
    const arrivals = await t.call('GET', `/api/observation/arrivals?communityId=${zhonglu}&status=observing`, { as: 'zl.admin' });
    const home = arrivals.json.filter((a: Member) => a.plan.kind === 'home');
    expect(home.length).toBe(5);
    expect(home.reduce((s: number, a: Member) => s + a.plan.checksOverdue, 0)).toBe(1);
    const alerts = await t.call('GET', `/api/observation/alerts?communityId=${zhonglu}&open=true`, { as: 'zl.admin' });
    expect(alerts.json.filter((a: { kind: string }) => a.kind === 'overdue')).toEqual([expect.objectContaining({ name: '何静' })]);
    const released = await t.call('GET', `/api/observation/arrivals?communityId=${zhonglu}&status=released`, { as: 'zl.admin' });
    expect(released.json).toEqual([expect.objectContaining({ name: '易国华', plan: expect.objectContaining({ releaseOutcome: 'completed' }) })]);
    const queue = await t.call('GET', `/api/observation/declarations?communityId=${zhonglu}`, { as: 'zl.admin' });
    expect(queue.json.items).toHaveLength(3);
    const figures = await t.call('GET', `/api/observation/figures?orgId=${zhonglu}`, { as: 'zl.admin' });
    expect(figures.json).toMatchObject({ observing: 29, released: 1, pendingDeclarations: 3 });
  });
}, { ledger: true });
