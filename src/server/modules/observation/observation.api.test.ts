import { expect, it } from 'vitest';
import { CODES, describeApi } from '../../../../test/harness.ts';
import { makeId, withWrongCheck } from '../../../../test/citizen-ids.ts';
import { shanghaiDate } from '../../../domain/local-date.ts';
import { addDays } from '../../../domain/observation/schedule.ts';

const uuid = () => crypto.randomUUID();
// A 1×1 transparent PNG: a signature image as the phone sends it.
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

describeApi('outside personnel, returnees and observation', (t) => {
  let zhonglu = '';
  let worker = '';
  const today = shanghaiDate();
  const person = (n: number, over: Record<string, unknown> = {}) => ({
    id: uuid(), communityId: zhonglu, category: 'returnee', name: `返乡人员${n}`, idNumber: makeId('420106', '19900101', String(100 + n).padStart(3, '0')),
    phone: `1390000${String(1000 + n)}`, originCode: '420106', route: '武汉—长沙—株洲', arrivedOn: today, transportKind: 'train', transportRef: 'G1234',
    stayKind: 'other', stayPlace: '中路社区5栋302', reason: '返乡', temperature: 36.5, ...over,
  });
  const plan = (over: Record<string, unknown> = {}) => ({ kind: 'home', days: 14, temperatureTimes: ['08:00', '16:00'], testDays: [1, 7, 14], testTime: '09:00', workerId: worker, ...over });

  it('registers a returnee with a 14-day home observation and makes every check due from now on', async () => {
    zhonglu = await t.unit(CODES.zhonglu);
    const workers = await t.call('GET', `/api/observation/workers?communityId=${zhonglu}`, { as: 'zl.admin' });
    expect(workers.statusCode).toBe(200);
    worker = workers.json.find((w: { name: string }) => w.name === '市残联驻社区工作队队员').userId;
    const r = await t.call('POST', '/api/observation/arrivals', { as: 'zl.admin', body: { ...person(1), plan: plan() } });
    expect(r.statusCode).toBe(200);
    expect(r.json).toMatchObject({ name: '返乡人员1', origin: '湖北省 武汉市 武昌区', idMasked: expect.stringMatching(/^420\*+\d{4}$/), phoneMasked: '139****1001', source: 'staff' });
    expect(r.json.plan).toMatchObject({ kind: 'home', days: 14, startDay: today, releaseDay: addDays(today, 14), workerName: '市残联驻社区工作队队员', releasedAt: null });
    // At most 14 × 2 temperature checks and 3 tests; those of today already past their grace are not made.
    expect(r.json.plan.checksTotal).toBeGreaterThanOrEqual(13 * 2 + 2);
    expect(r.json.plan.checksTotal).toBeLessThanOrEqual(14 * 2 + 3);
    expect(r.json.checks.every((c: { state: string }) => c.state !== 'done')).toBe(true);
  });

  it('refuses bad arrivals: future date, unknown origin, invalid ID, a plan ending before it starts, a person already observed', async () => {
    const future = await t.call('POST', '/api/observation/arrivals', { as: 'zl.admin', body: person(2, { arrivedOn: addDays(today, 1) }) });
    expect(future.json).toMatchObject({ code: 'ARRIVAL_IN_FUTURE', field: 'arrivedOn' });
    const origin = await t.call('POST', '/api/observation/arrivals', { as: 'zl.admin', body: person(2, { originCode: '429999' }) });
    expect(origin.json).toMatchObject({ code: 'ORIGIN_UNKNOWN', field: 'originCode' });
    const id = await t.call('POST', '/api/observation/arrivals', { as: 'zl.admin', body: person(2, { idNumber: withWrongCheck(person(2).idNumber) }) });
    expect(id.json).toMatchObject({ code: 'INVALID_VALUE', field: 'idNumber' });
    const ends = await t.call('POST', '/api/observation/arrivals', { as: 'zl.admin', body: { ...person(2), plan: plan({ days: undefined, lastDay: addDays(today, -1) }) } });
    expect(ends.json).toMatchObject({ code: 'PLAN_ENDS_BEFORE_START', field: 'plan.lastDay' });
    // Nothing of the refused registration was kept.
    expect((await t.call('GET', `/api/observation/arrivals?communityId=${zhonglu}&q=返乡人员2`, { as: 'zl.admin' })).json).toEqual([]);
    const again = await t.call('POST', '/api/observation/arrivals', { as: 'zl.admin', body: { ...person(1, { name: '返乡人员一' }), plan: plan() } });
    expect(again.statusCode).toBe(409);
    expect(again.json).toMatchObject({ code: 'OBSERVATION_OPEN', field: 'idNumber', ref: { type: 'arrival' } });
    expect(future.json.message).toBe('抵达日期不能晚于今天');
    const english = await t.call('POST', `/api/public/declare/${zhonglu}`, { body: { ...person(2, { arrivedOn: addDays(today, 1) }), communityId: undefined, phone: '13900002222', consent: true }, headers: { 'accept-language': 'en' }, from: '10.1.1.1' });
    expect(english.json).toMatchObject({ code: 'ARRIVAL_IN_FUTURE', field: 'arrivedOn', message: 'The arrival date cannot be later than today' });
  });

  it('keeps a retried registration once, and hides arrivals outside the user’s community', async () => {
    const id = uuid();
    const first = await t.call('POST', '/api/observation/arrivals', { as: 'zl.admin', body: { ...person(3), id } });
    const second = await t.call('POST', '/api/observation/arrivals', { as: 'zl.admin', body: { ...person(3), id } });
    expect(first.statusCode).toBe(200);
    expect(second.json.id).toBe(first.json.id);
    expect((await t.call('GET', `/api/observation/arrivals?communityId=${zhonglu}&q=返乡人员3`, { as: 'zl.admin' })).json).toHaveLength(1);
    // The same arrival under a new id (a second member of staff, or a form whose id was lost) points to the first; no id at all is refused.
    const other = await t.call('POST', '/api/observation/arrivals', { as: 'zl.g01', body: person(3) });
    expect(other.json).toMatchObject({ code: 'ARRIVAL_REGISTERED', field: 'idNumber', ref: { type: 'arrival', id } });
    const noId = await t.call('POST', '/api/observation/arrivals', { as: 'zl.admin', body: { ...person(3), id: undefined } });
    expect(noId.json).toMatchObject({ code: 'VALIDATION_FAILED', field: 'id' });
    const changed = await t.call('POST', '/api/observation/arrivals', { as: 'zl.admin', body: { ...person(3), id, name: '别人' } });
    expect(changed.json).toMatchObject({ code: 'ID_CONFLICT', field: 'id' });
    // Another community's secretary, the street office (figures only) and a volunteer see nothing of it.
    expect((await t.call('GET', `/api/observation/arrivals/${id}`, { as: 'cc.admin' })).statusCode).toBe(404);
    expect((await t.call('GET', `/api/observation/arrivals?communityId=${zhonglu}`, { as: 'zz.street' })).statusCode).toBe(404);
    expect((await t.call('GET', `/api/observation/arrivals?communityId=${zhonglu}`, { as: 'zl.gate' })).statusCode).toBe(404);
    expect((await t.call('POST', '/api/observation/arrivals', { as: 'cc.admin', body: person(4) })).statusCode).toBe(404);
    // A grid worker of one of the community's groups works for the whole community.
    expect((await t.call('GET', `/api/observation/arrivals/${id}`, { as: 'zl.g01' })).statusCode).toBe(200);
    // Revealing the ID number is for roles that may, and is audited.
    expect((await t.call('POST', `/api/observation/arrivals/${id}/reveal`, { as: 'zl.team' })).statusCode).toBe(404);
    const shown = await t.call('POST', `/api/observation/arrivals/${id}/reveal`, { as: 'zl.g01' });
    expect(shown.json).toEqual({ idNumber: person(3).idNumber, phone: person(3).phone });
    const audit = await t.database.db.selectFrom('audit_events').selectAll().where('action', '=', 'observation.reveal').where('entity_id', '=', id).execute();
    expect(audit).toHaveLength(1);
  });

  it('records readings from a phone once each, refuses early and foreign ones, and raises fever alerts', async () => {
    // A check due a minute ago (its clock time taken from now in Shanghai), and the next ones hours away.
    const clock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const dueNow = clock.format(new Date(Date.now() - 60_000));
    const arrival = await t.call('POST', '/api/observation/arrivals', {
      as: 'zl.admin', body: { ...person(5), plan: plan({ startAt: new Date(Date.now() - 3_600_000).toISOString(), temperatureTimes: [dueNow], testDays: [2] }) },
    });
    expect(arrival.statusCode).toBe(200);
    const own = arrival.json.checks as { id: string; dueAt: string; kind: string; state: string }[];
    const due = own[0]!;
    expect(due).toMatchObject({ kind: 'temperature', state: 'due' });
    const mine = await t.call('GET', '/api/observation/checks?list=due', { as: 'zl.team' });
    expect(mine.json.map((c: { id: string }) => c.id)).toContain(due.id);
    const future = own.find((c) => Date.parse(c.dueAt) > Date.now() + 3 * 3_600_000)!;
    const early = await t.call('POST', '/api/observation/readings', { as: 'zl.team', body: { items: [{ id: uuid(), checkId: future.id, at: new Date().toISOString(), temperature: 36.6 }] } });
    expect(early.json[0]).toMatchObject({ result: 'refused', code: 'READING_TOO_EARLY', field: 'at' });
    const missing = await t.call('POST', '/api/observation/readings', { as: 'zl.team', body: { items: [{ id: uuid(), checkId: due.id, at: new Date().toISOString() }] } });
    expect(missing.json[0]).toMatchObject({ result: 'refused', code: 'READING_MISSING', field: 'temperature' });
    const ok = { id: uuid(), checkId: due.id, at: new Date().toISOString(), temperature: 37.8, note: '精神尚可' };
    const stored = await t.call('POST', '/api/observation/readings', { as: 'zl.team', body: { items: [ok, ok] } });
    // The second copy answers as already stored; nobody else may record it; a second reading of the check is refused.
    expect(stored.json.map((x: { result: string }) => x.result)).toEqual(['stored', 'already_stored']);
    expect(stored.json[0].alert).toBe(true);
    const foreign = await t.call('POST', '/api/observation/readings', { as: 'cc.team', body: { items: [{ ...ok, id: uuid() }] } });
    expect(foreign.json[0]).toMatchObject({ result: 'refused', code: 'NOT_FOUND' });
    const volunteer = await t.call('POST', '/api/observation/readings', { as: 'zl.gate', body: { items: [{ ...ok, id: uuid() }] } });
    expect(volunteer.statusCode).toBe(403);
    const twice = await t.call('POST', '/api/observation/readings', { as: 'zl.team', body: { items: [{ ...ok, id: uuid() }] } });
    expect(twice.json[0]).toMatchObject({ result: 'refused', code: 'CHECK_DONE' });
    // A queue saved on the phone by another user (who signed out in another tab) is not stored under this user's name.
    const other = await t.database.db.selectFrom('users').select('id').where('username', '=', 'zl.g01').executeTakeFirstOrThrow();
    const foreignQueue = await t.call('POST', '/api/observation/readings', { as: 'zl.team', body: { items: [{ ...ok, id: uuid() }] }, headers: { 'x-linli-queue-of': other.id } });
    expect(foreignQueue.statusCode).toBe(409);
    expect(foreignQueue.json).toMatchObject({ code: 'QUEUE_OF_ANOTHER_USER' });
    const done = await t.call('GET', '/api/observation/checks?list=done', { as: 'zl.team' });
    expect(done.json.find((c: { id: string }) => c.id === due.id)).toMatchObject({ state: 'done', temperature: 37.8, note: '精神尚可', recordedByName: '市残联驻社区工作队队员' });
    const alerts = await t.call('GET', `/api/observation/alerts?communityId=${zhonglu}&open=true`, { as: 'zl.admin' });
    expect(alerts.json.find((a: { kind: string; name: string }) => a.kind === 'fever' && a.name === '返乡人员5')).toMatchObject({ temperature: 37.8, checkId: due.id });
    expect((await t.call('GET', `/api/observation/alerts?communityId=${zhonglu}`, { as: 'zl.team' })).statusCode).toBe(404);
  });

  it('makes an overdue check an alert the same day and releases a person with a record, after which readings are refused', async () => {
    const arrival = await t.call('POST', '/api/observation/arrivals', { as: 'zl.admin', body: { ...person(6), plan: plan({ days: 7, testDays: [] }) } });
    const check = arrival.json.checks[0] as { id: string; overdueAt: string; day: string };
    // The sweep as it will run after the check's grace has passed.
    const swept = await t.services.observation.checks.sweep(new Date(Date.parse(check.overdueAt) + 1000));
    expect(swept).toBeGreaterThanOrEqual(1);
    const alerts = await t.call('GET', `/api/observation/alerts?communityId=${zhonglu}&open=true`, { as: 'zl.admin' });
    const overdue = alerts.json.find((a: { kind: string; checkId: string }) => a.kind === 'overdue' && a.checkId === check.id);
    expect(overdue).toMatchObject({ name: '返乡人员6', workerName: '市残联驻社区工作队队员' });
    expect(check.overdueAt.slice(0, 10) <= addDays(check.day, 1)).toBe(true);
    // A second sweep makes no second alert.
    await t.services.observation.checks.sweep(new Date(Date.parse(check.overdueAt) + 2000));
    const again = await t.call('GET', `/api/observation/alerts?communityId=${zhonglu}&open=true`, { as: 'zl.admin' });
    expect(again.json.filter((a: { checkId: string }) => a.checkId === check.id)).toHaveLength(1);
    const handled = await t.call('POST', `/api/observation/alerts/${overdue.id}/handle`, { as: 'zl.admin', body: { note: '已电话联系，补测正常' } });
    expect(handled.json).toMatchObject({ handledByName: '中路社区书记', note: '已电话联系，补测正常' });

    const planId = arrival.json.plan.id;
    const early = await t.call('POST', `/api/observation/plans/${planId}/release`, { as: 'zl.admin', body: { outcome: 'completed' } });
    expect(early.json).toMatchObject({ code: 'RELEASE_TOO_EARLY' });
    const noNote = await t.call('POST', `/api/observation/plans/${planId}/release`, { as: 'zl.admin', body: { outcome: 'transferred' } });
    expect(noNote.json).toMatchObject({ code: 'RELEASE_NOTE_REQUIRED', field: 'note' });
    const released = await t.call('POST', `/api/observation/plans/${planId}/release`, { as: 'zl.admin', body: { outcome: 'transferred', note: '转至集中隔离点' } });
    expect(released.json.plan).toMatchObject({ releaseOutcome: 'transferred', releaseNote: '转至集中隔离点', releasedByName: '中路社区书记' });
    const later = (released.json.checks as { id: string; state: string }[]).find((c) => c.state !== 'done' && c.id !== check.id);
    expect(later).toBeUndefined();
    const reading = await t.call('POST', '/api/observation/readings', { as: 'zl.team', body: { items: [{ id: uuid(), checkId: check.id, at: new Date().toISOString(), temperature: 36.5 }] } });
    expect(reading.json[0]).toMatchObject({ result: 'refused', code: 'PERSON_RELEASED' });
    // Released: the same person may be put under observation again (and only once at a time).
    const back = await t.call('POST', `/api/observation/arrivals/${arrival.json.id}/plans`, { as: 'zl.admin', body: plan({ days: 7, testDays: [] }) });
    expect(back.statusCode).toBe(200);
    expect(back.json.plans).toHaveLength(2);
    const third = await t.call('POST', `/api/observation/arrivals/${arrival.json.id}/plans`, { as: 'zl.admin', body: plan({ days: 7, testDays: [] }) });
    expect(third.json).toMatchObject({ code: 'OBSERVATION_OPEN', ref: { type: 'arrival', id: arrival.json.id } });
  });

  it('keeps a signed commitment letter unchangeable, from the community’s own template', async () => {
    const template = await t.call('GET', `/api/observation/letter-template?communityId=${zhonglu}`, { as: 'zl.admin' });
    expect(template.json).toMatchObject({ isDefault: true, title: '外来（返乡）人员健康承诺书' });
    const edit = await t.call('PUT', `/api/observation/letter-template?communityId=${zhonglu}`, { as: 'zl.admin', body: { title: '中路社区健康承诺书', body: '本人{name}承诺遵守{community}的防疫规定。{date}' } });
    expect(edit.json).toMatchObject({ isDefault: false, title: '中路社区健康承诺书' });
    expect((await t.call('PUT', `/api/observation/letter-template?communityId=${zhonglu}`, { as: 'zl.team', body: { title: 'x', body: 'y' } })).statusCode).toBe(404);
    const arrival = await t.call('POST', '/api/observation/arrivals', { as: 'zl.admin', body: person(7) });
    const draft = await t.call('GET', `/api/observation/arrivals/${arrival.json.id}/letter-draft`, { as: 'zl.team' });
    expect(draft.json.body).toBe(`本人返乡人员7承诺遵守中路社区的防疫规定。${today}`);
    const shown = draft.json;
    const bad = await t.call('POST', `/api/observation/arrivals/${arrival.json.id}/letter`, { as: 'zl.team', body: { signature: 'data:image/jpeg;base64,AAAA', shown } });
    expect(bad.json).toMatchObject({ code: 'VALIDATION_FAILED', field: 'signature' });
    // The text to be kept must be the text the person read.
    const stale = await t.call('POST', `/api/observation/arrivals/${arrival.json.id}/letter`, { as: 'zl.team', body: { signature: PNG, shown: { ...shown, body: '旧的文字' } } });
    expect(stale.json).toMatchObject({ code: 'LETTER_CHANGED', field: 'shown' });
    const signed = await t.call('POST', `/api/observation/arrivals/${arrival.json.id}/letter`, { as: 'zl.team', body: { signature: PNG, shown } });
    expect(signed.statusCode).toBe(200);
    expect(signed.json).toMatchObject({ name: '返乡人员7', witnessedByName: '市残联驻社区工作队队员', signature: PNG, digest: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const twice = await t.call('POST', `/api/observation/arrivals/${arrival.json.id}/letter`, { as: 'zl.team', body: { signature: PNG, shown } });
    expect(twice.json).toMatchObject({ code: 'LETTER_SIGNED' });
    // The database itself refuses to change or delete it.
    await expect(t.database.db.updateTable('commitment_letters').set({ body: '改过的' }).where('id', '=', signed.json.id).execute()).rejects.toThrow(/unchangeable/);
    await expect(t.database.db.deleteFrom('commitment_letters').where('id', '=', signed.json.id).execute()).rejects.toThrow(/unchangeable/);
    // A later template change leaves the signed text as it was.
    await t.call('PUT', `/api/observation/letter-template?communityId=${zhonglu}`, { as: 'zl.admin', body: { title: '新模板', body: '新的文字' } });
    expect((await t.call('GET', `/api/observation/letters/${signed.json.id}`, { as: 'zl.admin' })).json.body).toBe(draft.json.body);
    expect((await t.call('GET', `/api/observation/letters/${signed.json.id}`, { as: 'cc.admin' })).statusCode).toBe(404);
  });

  it('takes self-declarations without an account, merges repeats, limits floods per address, and enters approved ones', async () => {
    const page = await t.call('GET', `/api/public/declare/${zhonglu}`);
    expect(page.json).toEqual({ communityName: '中路社区', streetName: '栗雨街道' });
    const declaration = { ...person(8, { phone: '13911112222' }), communityId: undefined, consent: true };
    const bad = await t.call('POST', `/api/public/declare/${zhonglu}`, { body: { ...declaration, idNumber: withWrongCheck(declaration.idNumber) }, from: '10.0.0.1' });
    expect(bad.json).toMatchObject({ code: 'INVALID_VALUE', field: 'idNumber' });
    const badPhone = await t.call('POST', `/api/public/declare/${zhonglu}`, { body: { ...declaration, phone: '12345' }, from: '10.0.0.1' });
    expect(badPhone.json).toMatchObject({ code: 'VALIDATION_FAILED', field: 'phone' });
    const noConsent = await t.call('POST', `/api/public/declare/${zhonglu}`, { body: { ...declaration, consent: false }, from: '10.0.0.1' });
    expect(noConsent.json).toMatchObject({ field: 'consent' });
    const first = await t.call('POST', `/api/public/declare/${zhonglu}`, { body: declaration, from: '10.0.0.2' });
    expect(first.json.reference).toMatch(/^[A-Z0-9]{8}$/);
    const repeat = await t.call('POST', `/api/public/declare/${zhonglu}`, { body: { ...declaration, stayPlace: '中路社区6栋101' }, from: '10.0.0.3' });
    expect(repeat.json.reference).toBe(first.json.reference);
    // A flood from one address is cut after a few; another address still gets through, and the queue holds one entry per person.
    const flood = [];
    for (let i = 0; i < 8; i++) {
      flood.push(await t.call('POST', `/api/public/declare/${zhonglu}`, { body: { ...declaration, name: `刷屏${i}`, idNumber: makeId('420106', '19950101', String(300 + i)) }, from: '10.0.0.9' }));
    }
    expect(flood.filter((r) => r.statusCode === 200)).toHaveLength(5);
    expect(flood.at(-1)!.json).toMatchObject({ code: 'DECLARATION_LIMIT' });
    const queue = await t.call('GET', `/api/observation/declarations?communityId=${zhonglu}&limit=3`, { as: 'zl.admin' });
    expect(queue.json.items).toHaveLength(3);
    expect(queue.json.items[0]).toMatchObject({ reference: first.json.reference, repeats: 1, stayPlace: '中路社区6栋101', idMasked: expect.stringContaining('*') });
    const rest = await t.call('GET', `/api/observation/declarations?communityId=${zhonglu}&limit=3&before=${encodeURIComponent(queue.json.nextCursor)}`, { as: 'zl.admin' });
    expect(rest.json.items).toHaveLength(3);
    expect(rest.json.nextCursor).toBeNull();
    expect((await t.call('GET', `/api/observation/declarations?communityId=${zhonglu}`, { as: 'cc.admin' })).statusCode).toBe(404);

    const approved = await t.call('POST', `/api/observation/declarations/${queue.json.items[0].id}/approve`, { as: 'zl.team', body: { plan: plan({ days: 14 }) } });
    expect(approved.statusCode).toBe(200);
    expect(approved.json).toMatchObject({ name: '返乡人员8', source: 'self', declarationId: queue.json.items[0].id, stayPlace: '中路社区6栋101', plan: { kind: 'home' } });
    const twice = await t.call('POST', `/api/observation/declarations/${queue.json.items[0].id}/approve`, { as: 'zl.team', body: {} });
    expect(twice.json).toMatchObject({ code: 'DECLARATION_REVIEWED' });
    const rejected = await t.call('POST', `/api/observation/declarations/${queue.json.items[1].id}/reject`, { as: 'zl.admin', body: { note: '重复提交的测试数据' } });
    expect(rejected.json).toMatchObject({ status: 'rejected', reviewedByName: '中路社区书记' });
  });

  it('registers a convoy once, each driver with their own checks, and counts the day’s figures up the hierarchy', async () => {
    const members = Array.from({ length: 16 }, (_, i) => ({ name: `司机${i + 1}`, idNumber: makeId('230102', '19800101', String(500 + i)), phone: `1380000${String(2000 + i)}`, transportRef: `黑A${String(10000 + i)}`, temperature: 36.4 }));
    const convoy = await t.call('POST', '/api/observation/groups', {
      as: 'zl.admin',
      body: {
        id: uuid(), communityId: zhonglu, kind: 'convoy', name: '东北物流车队', category: 'outside', originCode: '230102', arrivedOn: today, transportKind: 'vehicle',
        stayKind: 'workplace', stayPlace: '物流园停车场', employer: '东北物流', reason: '运输物资', members, plan: plan({ kind: 'workplace', days: 7, testDays: [] }),
      },
    });
    expect(convoy.statusCode).toBe(200);
    expect(convoy.json.members).toHaveLength(16);
    expect(convoy.json.members[0]).toMatchObject({ groupName: '东北物流车队', transportRef: expect.stringMatching(/^黑A/), plan: { kind: 'workplace' } });
    const group = (members: unknown[]) => ({ id: uuid(), communityId: zhonglu, kind: 'batch', name: '第二批', category: 'outside', originCode: '230102', arrivedOn: today, transportKind: 'vehicle', stayKind: 'workplace', members });
    const observed = await t.call('POST', '/api/observation/groups', { as: 'zl.admin', body: group([members[0]]) });
    expect(observed.json).toMatchObject({ code: 'OBSERVATION_OPEN', field: 'members.0.idNumber' });
    const fresh = { ...members[0]!, idNumber: makeId('230102', '19810101', '777') };
    const duplicate = await t.call('POST', '/api/observation/groups', { as: 'zl.admin', body: group([fresh, { ...fresh, name: '另一人' }]) });
    expect(duplicate.json).toMatchObject({ code: 'MEMBER_TWICE', field: 'members.1.idNumber', message: '同一身份证号在本批名单中出现了两次（第 1 行和第 2 行）' });
    // Nothing of a refused group is kept, not even its first member.
    expect((await t.call('GET', `/api/observation/arrivals?communityId=${zhonglu}&q=第二批`, { as: 'zl.admin' })).json).toEqual([]);

    const community = await t.call('GET', `/api/observation/figures?orgId=${zhonglu}`, { as: 'zl.admin' });
    const street = await t.call('GET', `/api/observation/figures?orgId=${await t.unit(CODES.liyu)}`, { as: 'zz.street' });
    const all = await t.call('GET', `/api/observation/arrivals?communityId=${zhonglu}`, { as: 'zl.admin' });
    const registeredToday = (category: string) => all.json.filter((a: { category: string; registeredAt: string }) => a.category === category && shanghaiDate(new Date(a.registeredAt)) === today).length;
    expect(community.json.registered).toEqual({ outside: 16, returnee: registeredToday('returnee') });
    const observing = await t.call('GET', `/api/observation/arrivals?communityId=${zhonglu}&status=observing`, { as: 'zl.admin' });
    expect(community.json.observing).toBe(observing.json.length);
    expect(street.json).toMatchObject({ registered: community.json.registered, observing: community.json.observing, checksDue: community.json.checksDue });
    expect((await t.call('GET', `/api/observation/figures?orgId=${zhonglu}`, { as: 'wh.street' })).statusCode).toBe(404);
  });

  it('holds its rules when requests race: one open observation per person, the address limit, one reading per id', async () => {
    // Three registrations of one person at once, each with its own id: one is stored, the others point to it.
    const same = person(20);
    const racing = await Promise.all([0, 1, 2].map(() => t.call('POST', '/api/observation/arrivals', { as: 'zl.admin', body: { ...same, id: uuid(), plan: plan() } })));
    expect(racing.filter((r) => r.statusCode === 200)).toHaveLength(1);
    for (const r of racing.filter((x) => x.statusCode !== 200)) expect(['OBSERVATION_OPEN', 'ARRIVAL_REGISTERED']).toContain(r.json.code);
    const open = await t.database.db.selectFrom('observation_plans').select('id').where('arrival_id', 'in', (await t.call('GET', `/api/observation/arrivals?communityId=${zhonglu}&q=返乡人员20`, { as: 'zl.admin' })).json.map((a: { id: string }) => a.id)).where('released_at', 'is', null).execute();
    expect(open).toHaveLength(1);

    // Fifteen declarations from one address at once: at most five get through.
    const burst = await Promise.all(Array.from({ length: 15 }, (_, i) => t.call('POST', `/api/public/declare/${zhonglu}`, {
      body: { ...person(40 + i), id: undefined, communityId: undefined, phone: `1350000${String(1000 + i)}`, consent: true }, from: '10.9.9.9',
    })));
    expect(burst.filter((r) => r.statusCode === 200).length).toBeLessThanOrEqual(5);
    expect(burst.filter((r) => r.statusCode === 429).length).toBeGreaterThanOrEqual(10);

    // One reading sent three times at once: stored once, the others answered "already stored".
    const clock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const arrival = await t.call('POST', '/api/observation/arrivals', {
      as: 'zl.admin', body: { ...person(21), plan: plan({ startAt: new Date(Date.now() - 3_600_000).toISOString(), temperatureTimes: [clock.format(new Date(Date.now() - 60_000))], testDays: [] }) },
    });
    const check = arrival.json.checks[0] as { id: string };
    const reading = { id: uuid(), checkId: check.id, at: new Date().toISOString(), temperature: 36.4 };
    const answers = await Promise.all([0, 1, 2].map(() => t.call('POST', '/api/observation/readings', { as: 'zl.team', body: { items: [reading] } })));
    expect(answers.map((a) => a.json[0].result).sort()).toEqual(['already_stored', 'already_stored', 'stored']);
    const wrongKind = await t.call('POST', '/api/observation/readings', { as: 'zl.team', body: { items: [{ ...reading, id: uuid(), testResult: 'positive' }] } });
    expect(wrongKind.json[0]).toMatchObject({ result: 'refused' });
  });

  it('does not let another phone overwrite a waiting declaration, and flags both', async () => {
    const base = { ...person(60), id: undefined, communityId: undefined, consent: true };
    const own = await t.call('POST', `/api/public/declare/${zhonglu}`, { body: { ...base, phone: '13600001111' }, from: '10.7.0.1' });
    const other = await t.call('POST', `/api/public/declare/${zhonglu}`, { body: { ...base, phone: '13600002222', stayPlace: '别处' }, from: '10.7.0.2' });
    expect(other.json.reference).not.toBe(own.json.reference);
    const queue = await t.call('GET', `/api/observation/declarations?communityId=${zhonglu}&limit=200`, { as: 'zl.admin' });
    const both = queue.json.items.filter((d: { name: string }) => d.name === '返乡人员60');
    expect(both).toHaveLength(2);
    expect(both.map((d: { conflicting: number }) => d.conflicting)).toEqual([1, 1]);
    expect(both.find((d: { reference: string }) => d.reference === own.json.reference).stayPlace).toBe('中路社区5栋302');
    expect((await t.call('GET', `/api/observation/declarations?communityId=${zhonglu}&before=garbage|x`, { as: 'zl.admin' })).statusCode).toBe(400);
  });

  it('ends the checks in their grace with an early release, and shows a worker only the communities they still work in', async () => {
    const clock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const arrival = await t.call('POST', '/api/observation/arrivals', {
      as: 'zl.admin', body: { ...person(22), plan: plan({ startAt: new Date(Date.now() - 3_600_000).toISOString(), temperatureTimes: [clock.format(new Date(Date.now() - 60_000))], testDays: [] }) },
    });
    const check = arrival.json.checks[0] as { id: string; overdueAt: string; state: string };
    expect(check.state).toBe('due');
    await t.call('POST', `/api/observation/plans/${arrival.json.plan.id}/release`, { as: 'zl.admin', body: { outcome: 'transferred', note: '送医院' } });
    await t.services.observation.checks.sweep(new Date(Date.parse(check.overdueAt) + 1000));
    const alerts = await t.call('GET', `/api/observation/alerts?communityId=${zhonglu}&open=false`, { as: 'zl.admin' });
    expect(alerts.json.filter((a: { checkId: string }) => a.checkId === check.id)).toEqual([]);
    expect(alerts.json.some((a: { handledAt: string | null }) => a.handledAt !== null)).toBe(true);

    // A check of zl.team's, overdue since an hour ago (a plan entered with its past checks).
    const late = await t.call('POST', '/api/observation/arrivals', {
      as: 'zl.admin', body: { ...person(23), plan: plan({ startAt: new Date(Date.now() - 5 * 3_600_000).toISOString(), temperatureTimes: [clock.format(new Date(Date.now() - 3 * 3_600_000))], testDays: [], pastChecks: true }) },
    });
    const overdue = (late.json.checks as { id: string; state: string }[]).find((c) => c.state === 'overdue')!;
    expect(overdue).toBeDefined();
    expect((await t.call('GET', '/api/observation/checks?list=overdue', { as: 'zl.team' })).json.map((c: { id: string }) => c.id)).toContain(overdue.id);
    // The same worker's lists as if they now worked in 船厂社区 only: none of 中路社区's people.
    const team = await t.database.db.selectFrom('users').select('id').where('username', '=', 'zl.team').executeTakeFirstOrThrow();
    const cc = await t.database.db.selectFrom('org_units').select(['id', 'path']).where('code', '=', CODES.chuanchang).executeTakeFirstOrThrow();
    const moved = { userId: team.id, username: 'zl.team', ip: null, grants: [{ assignmentId: '', role: 'team_member' as const, unitId: cc.id, path: cc.path }] };
    expect(await t.services.observation.checks.list(moved, { list: 'overdue' })).toEqual([]);
    expect(await t.services.observation.checks.list(moved, { list: 'due' })).toEqual([]);
  });

  // Last: it stops the server.
  it('tells a listening page when the community’s observation work changes', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const cookie = await t.login('zl.admin');
    const controller = new AbortController();
    const response = await fetch(`${address}/api/observation/stream?communityId=${zhonglu}`, { headers: { cookie }, signal: controller.signal });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    const count = () => text.split('event: changed').length - 1;
    while (count() < 1) text += (await reader.read()).value ?? '';
    await t.call('POST', '/api/observation/arrivals', { as: 'zl.admin', body: person(9) });
    while (count() < 2) text += (await reader.read()).value ?? '';
    controller.abort();
    const refused = await fetch(`${address}/api/observation/stream?communityId=${zhonglu}`, { headers: { cookie: await t.login('cc.admin') } });
    expect(refused.status).toBe(404);
    await t.app.close();
  });
});
