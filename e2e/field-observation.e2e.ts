import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Me } from '../src/contract/auth.ts';
import type { ArrivalDetail, Check } from '../src/contract/observation.ts';
import { shanghaiDate } from '../src/domain/local-date.ts';
import { checkCharacter } from '../src/domain/residents/citizen-id.ts';
import { FieldPage } from './pages/field.page.ts';
import { FieldObservationPage } from './pages/field-observation.page.ts';
import { FieldObservationDeclarePage } from './pages/field-observation-declare.page.ts';
import { chromiumAvailable, PHONE, screenshot, useBrowser } from './support/browser.ts';
import { E2E_PASSWORD } from './support/global-setup.ts';
import { apiAs } from './support/api.ts';

const zh = (ns: string) => JSON.parse(readFileSync(join(import.meta.dirname, `../src/i18n/locales/zh-CN/${ns}.json`), 'utf8')) as Record<string, Record<string, string>>;
const SERVER = zh('server');
const TEAM_MEMBER = '市残联驻社区工作队队员';
const SECRETARY = '中路社区书记';

async function json<T>(res: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  expect(res.status(), `${res.url()}: ${res.status() === 200 ? '' : await res.text()}`).toBe(200);
  return (await res.json()) as T;
}

/** A valid ID number nobody in the demo holds (Beijing, Dongcheng). */
const idNumber = (birth: string, seq: string) => `110101${birth}${seq}${checkCharacter(`110101${birth}${seq}`)}`;
/** The same number with another check character: a typo the page must catch. */
const wrongCheck = (id: string) => id.slice(0, 17) + (id[17] === '1' ? '2' : '1');

/** Shanghai clock times a few minutes before now, or just after when the day has only begun: due now, on today's list. */
function dueNowTimes(): [string, string] {
  const clock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const at = (minutes: number) => clock.format(new Date(Date.now() + minutes * 60_000));
  const [h, m] = at(0).split(':').map(Number) as [number, number];
  return h * 60 + m >= 10 ? [at(-6), at(-5)] : [at(3), at(4)];
}

async function signedIn(open: () => Promise<{ context: BrowserContext; page: Page }>, username: string) {
  const { context, page } = await open();
  await new FieldPage(page).signIn(username, E2E_PASSWORD);
  await page.waitForSelector('[data-testid="greeting"]');
  return { context, page, obs: new FieldObservationPage(page) };
}

describe.runIf(chromiumAvailable())('outside personnel and returnees on a phone: self-declaration, letter, checks offline, alerts, release', () => {
  const browser = useBrowser();
  const person = {
    category: '返乡人员' as const,
    name: '林晓雨',
    idNumber: idNumber('19920315', '246'),
    phone: '13900005555',
    origin: ['湖北省', '武汉市', '武昌区'] as [string, string, string],
    route: '武汉—长沙—株洲',
    transport: '火车',
    transportRef: 'G1234',
    stay: '居民户',
    stayPlace: '中路社区5栋302',
    reason: '返乡',
    temperature: '36.5',
  };
  const state = { communityId: '', reference: '', arrivalId: '', testCheckId: '', testOverdueAt: '', roundCheckIds: [] as string[], other: '欧阳海涛' };

  it('takes a self-declaration from someone with no account: the ID number is checked on the phone, the reference survives a reload', async () => {
    const admin = await apiAs(browser.baseUrl(), 'zl.admin');
    const me = await json<Me>(await admin.get('/api/auth/me'));
    state.communityId = me.roles.find((r) => r.unit?.kind === 'community')!.unit!.id;

    const { page } = await browser.open(PHONE);
    const declare = new FieldObservationDeclarePage(page);
    await declare.open(state.communityId);
    // No sign-in page on the way: the page is public.
    expect(new URL(page.url()).pathname).toBe(`/m/declare/${state.communityId}`);
    expect(await declare.communityShown()).toContain('中路社区');

    await declare.fill({ ...person, idNumber: wrongCheck(person.idNumber) });
    expect(await declare.fieldError('idNumber')).toBe(SERVER.validation!.idCheckDigit);
    await declare.send();
    // Nothing is sent without the consent either.
    expect(await declare.fieldError('consent')).toBe(SERVER.validation!.consent);
    await page.locator('[data-testid="error-idNumber"]').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await screenshot(page, 'field-observation-declare-errors');

    await declare.setIdNumber(person.idNumber);
    await page.locator('[data-testid="arrival-id-ok"]').waitFor();
    expect(await declare.hasFieldError('idNumber')).toBe(false);
    await declare.agree();
    await declare.send();
    state.reference = await declare.reference();
    expect(state.reference).toMatch(/^[A-Z0-9]{8}$/);
    await screenshot(page, 'field-observation-declare-receipt');

    await page.reload();
    expect(await declare.reference()).toBe(state.reference);

    const queue = await json<{ items: { reference: string; name: string; idMasked: string; origin: string }[] }>(
      await admin.get(`/api/observation/declarations?communityId=${state.communityId}`),
    );
    expect(queue.items.find((d) => d.reference === state.reference)).toMatchObject({ name: person.name, origin: '湖北省 武汉市 武昌区', idMasked: expect.stringMatching(/^110\*+\d{3}[\dX]$/) });
    await admin.dispose();
  });

  it('the secretary approves it with a 7-day home plan for the team member, and the person signs the letter on the screen', async () => {
    const { page, obs } = await signedIn(() => browser.open(PHONE), 'zl.admin');
    await obs.openFromHome();
    await obs.openDeclarations();
    await obs.declaration(state.reference).waitFor();
    await screenshot(page, 'field-observation-declarations');
    await obs.approve(state.reference, { days: '7 天', testDays: '1', testTime: '00:00', worker: TEAM_MEMBER });
    state.arrivalId = /\/observation\/arrivals\/([^/?#]+)/.exec(page.url())![1]!;
    await page.locator('[data-testid="arrival-letter"][data-signed="false"]').waitFor();

    const admin = await apiAs(browser.baseUrl(), 'zl.admin');
    const arrival = await json<ArrivalDetail>(await admin.get(`/api/observation/arrivals/${state.arrivalId}`));
    expect(arrival).toMatchObject({ name: person.name, source: 'self', stayPlace: person.stayPlace, plan: { kind: 'home', days: 7, workerName: TEAM_MEMBER, testDays: [1], releasedAt: null } });
    // The day-1 test is due at once (its time, 00:00, has passed): the team member's to do today.
    const test = arrival.checks.find((c) => c.kind === 'test' && c.dayNumber === 1)!;
    state.testCheckId = test.id;
    state.testOverdueAt = test.overdueAt;

    const signature: [number, number][][] = [
      [[0.12, 0.62], [0.2, 0.35], [0.28, 0.7], [0.36, 0.4], [0.44, 0.66]],
      [[0.52, 0.3], [0.6, 0.72], [0.7, 0.45], [0.86, 0.5]],
    ];
    await obs.signLetter(signature);
    expect(await obs.strokesDrawn()).toBe(2);
    await screenshot(page, 'field-observation-letter-signing');

    // The template is edited while the person signs: the letter is refused, the new text shown, to be read and signed again.
    const template = await json<{ title: string; body: string }>(await admin.get(`/api/observation/letter-template?communityId=${state.communityId}`));
    const clause = '五、离开居住地须提前向社区报备。';
    const edited = await admin.put(`/api/observation/letter-template?communityId=${state.communityId}`, { data: { title: template.title, body: `${template.body}\n${clause}` } });
    expect(edited.status()).toBe(200);
    try {
      expect(await obs.letterText()).not.toContain(clause);
      await page.click('[data-testid="letter-confirm"]');
      await page.locator('[data-testid="letter-changed"]', { hasText: SERVER.errors!.LETTER_CHANGED! }).waitFor();
      await page.locator('[data-testid="letter-draft"]', { hasText: clause }).waitFor();
      expect(await obs.strokesDrawn()).toBe(0);
      await screenshot(page, 'field-observation-letter-changed');
      await obs.draw(signature);
      await obs.confirmSignature();
    } finally {
      await admin.put(`/api/observation/letter-template?communityId=${state.communityId}`, { data: { title: template.title, body: template.body } });
    }
    expect(await page.textContent('[data-testid="letter-witness"]')).toBe(SECRETARY);
    // The stored signature is the image drawn: shown, with ink in it.
    const image = page.locator('[data-testid="letter-signature"]');
    await page.waitForFunction(() => (document.querySelector('[data-testid="letter-signature"]') as HTMLImageElement | null)?.complete === true);
    const inked = await image.evaluate((img: HTMLImageElement) => {
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! < 100 && data[i + 3]! > 200) dark++;
      return { width: img.naturalWidth, height: img.naturalHeight, dark };
    });
    expect(inked).toMatchObject({ width: 600, height: 300 });
    expect(inked.dark).toBeGreaterThan(500);
    await screenshot(page, 'field-observation-letter');

    const signed = await json<ArrivalDetail>(await admin.get(`/api/observation/arrivals/${state.arrivalId}`));
    const letter = await json<{ signature: string; witnessedByName: string; name: string; body: string }>(await admin.get(`/api/observation/letters/${signed.letterId}`));
    expect(letter).toMatchObject({ name: person.name, witnessedByName: SECRETARY, signature: expect.stringMatching(/^data:image\/png;base64,/) });
    // What was kept is the text signed: the new one.
    expect(letter.body).toContain(clause);
    expect(letter.signature.length * 0.75).toBeLessThan(200_000);
    await admin.dispose();
  });

  it('the team member records a check online, another offline that is corrected before it goes, survives a reload and is stored once', { timeout: 120_000 }, async () => {
    // Someone observed on paper since yesterday: two temperature checks due now, and yesterday's missed ones.
    const admin = await apiAs(browser.baseUrl(), 'zl.admin');
    const workers = await json<{ userId: string; name: string }[]>(await admin.get(`/api/observation/workers?communityId=${state.communityId}`));
    const registered = await admin.post('/api/observation/arrivals', {
      data: {
        id: crypto.randomUUID(), communityId: state.communityId, category: 'outside', name: state.other, idNumber: idNumber('19850720', '135'), phone: '13900006666', originCode: '230102',
        arrivedOn: shanghaiDate(new Date(Date.now() - 86_400_000)), transportKind: 'vehicle', transportRef: '黑A12345', stayKind: 'workplace', stayPlace: '中路物流园 停车场',
        plan: {
          kind: 'workplace', startAt: new Date(Date.now() - 25 * 3_600_000).toISOString(), days: 7, temperatureTimes: dueNowTimes(), testDays: [],
          workerId: workers.find((w) => w.name === TEAM_MEMBER)!.userId, pastChecks: true,
        },
      },
    });
    const other = await json<ArrivalDetail>(registered);
    state.roundCheckIds = other.checks.filter((c) => c.day === shanghaiDate() && c.state !== 'done').map((c) => c.id);
    expect(state.roundCheckIds).toHaveLength(2);
    const [online, offline] = state.roundCheckIds as [string, string];
    // One of yesterday's missed checks: a reading recorded for it by mistake is discarded before it goes.
    const missed = other.checks.find((c) => c.day < shanghaiDate() && c.state === 'overdue')!.id;

    const { context, page, obs } = await signedIn(() => browser.open(PHONE), 'zl.team');
    // The shell must open with no network before the worker loses it.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await obs.openChecks();
    await obs.row(online).waitFor();
    await screenshot(page, 'field-observation-checks');

    await obs.record(online, { temperature: '36.6' });
    await obs.showTab('done');
    await obs.waitForRowState(online, 'done');
    await obs.showTab('due');

    await context.setOffline(true);
    await page.waitForSelector('[data-testid="offline-banner"]');
    // Misread: 38.5 instead of 36.7. Kept on the phone, it leaves the due tab and waits in the done tab.
    await obs.record(offline, { temperature: '38.5' });
    expect(await obs.row(offline).count()).toBe(0);
    await obs.showTab('done');
    await obs.waitForRowState(offline, 'waiting');
    await page.locator('[data-testid="obs-outbox-line"][data-waiting="1"]').waitFor();
    await obs.row(offline).evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await screenshot(page, 'field-observation-offline-waiting');

    // Corrected before it is sent, under the same reading: no fever alert will be raised.
    expect(await obs.correctWaiting(offline, '36.7')).toContain('38.5');
    await obs.waitForRowState(offline, 'waiting');
    expect(await obs.row(offline).textContent()).toContain('36.7');
    await page.locator('[data-testid="obs-outbox-line"][data-waiting="1"]').waitFor();

    // Yesterday's missed check recorded by mistake, then discarded from the outbox: it is missed again.
    await obs.showTab('overdue');
    await obs.record(missed, { temperature: '36.8' });
    await page.locator('[data-testid="obs-outbox-line"][data-waiting="2"]').waitFor();
    await obs.openOutbox();
    const mistaken = obs.outboxItems().filter({ hasText: '36.8' });
    expect(await mistaken.getAttribute('data-status')).toBe('waiting');
    await screenshot(page, 'field-observation-outbox-waiting-actions');
    await obs.discard(mistaken);
    await obs.openChecks();
    await obs.showTab('overdue');
    await obs.waitForRowState(missed, 'overdue');
    await page.locator('[data-testid="obs-outbox-line"][data-waiting="1"]').waitFor();

    // The phone restarts, still offline: the lists and the corrected reading are still there.
    await page.reload();
    await page.waitForSelector('[data-testid="offline-banner"]');
    await obs.showTab('done');
    await obs.waitForRowState(offline, 'waiting');
    await obs.openOutbox();
    expect(await obs.outboxItems().count()).toBe(1);
    expect(await obs.outboxItems().first().getAttribute('data-status')).toBe('waiting');
    expect(await obs.outboxItems().first().textContent()).toContain('36.7');
    await screenshot(page, 'field-observation-outbox-offline');

    // Back online, the first upload reaches the server but its answer is lost: sent again, the server already has it.
    let posts = 0;
    const answers: string[] = [];
    await context.route('**/api/observation/readings', async (route) => {
      posts += 1;
      const response = await route.fetch();
      if (posts === 1) return route.abort('failed');
      answers.push(...((await response.json()) as { result: string }[]).map((a) => a.result));
      return route.fulfill({ response });
    });
    await context.setOffline(false);
    await page.waitForFunction(() => document.querySelector('[data-testid="obs-sync-error"]') !== null || document.querySelector('[data-testid="obs-outbox-item"]') === null, null, { timeout: 30_000 });
    // Ask for the retry now; the app may be retrying by itself already (then the button is busy, or gone once it went through).
    if (await obs.outboxItems().count()) await page.click('[data-testid="obs-sync-now"]', { timeout: 5_000 }).catch(() => undefined);
    // Otherwise the next retry comes by itself, at most half a minute later.
    await obs.outboxItems().first().waitFor({ state: 'detached', timeout: 45_000 });
    await context.unroute('**/api/observation/readings');
    expect(posts).toBeGreaterThanOrEqual(2);
    expect(answers).toContain('already_stored');

    await obs.openChecks();
    await obs.showTab('done');
    await obs.waitForRowState(offline, 'done');
    await screenshot(page, 'field-observation-synced');

    const team = await apiAs(browser.baseUrl(), 'zl.team');
    const done = await json<Check[]>(await team.get('/api/observation/checks?list=done'));
    expect(done.filter((c) => c.id === offline)).toMatchObject([{ temperature: 36.7, recordedByName: TEAM_MEMBER }]);
    expect(done.filter((c) => c.id === online)).toMatchObject([{ temperature: 36.6 }]);
    // The typo never reached the server, nor did the discarded reading.
    const alerts = await json<{ kind: string; name: string }[]>(await admin.get(`/api/observation/alerts?communityId=${state.communityId}&open=true`));
    expect(alerts.filter((a) => a.name === state.other && a.kind === 'fever')).toEqual([]);
    const overdue = await json<Check[]>(await team.get('/api/observation/checks?list=overdue'));
    expect(overdue.map((c) => c.id)).toContain(missed);
    await team.dispose();
    await admin.dispose();
  });

  it('a missed check alerts the secretary on her phone', async () => {
    const { page, obs } = await signedIn(() => browser.open(PHONE), 'zl.admin');
    await obs.openHub();
    await obs.alert(state.other, 'overdue').first().waitFor();
    await screenshot(page, 'field-observation-alerts');
  });

  it('released early with a note, a reading taken afterwards is refused with the server’s reason', { timeout: 120_000 }, async () => {
    // The team member's phone holds the person's test check, and the round goes on without network.
    const worker = await signedIn(() => browser.open(PHONE), 'zl.team');
    await worker.page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await worker.page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await worker.obs.openChecks();
    // The test is due from 00:00 and overdue ten hours later: it is in the tab of its state now.
    await worker.obs.showTab(Date.now() < Date.parse(state.testOverdueAt) ? 'due' : 'overdue');
    await worker.obs.row(state.testCheckId).waitFor();
    await worker.context.setOffline(true);
    await worker.page.waitForSelector('[data-testid="offline-banner"]');

    // Meanwhile the person is taken to a centralised site: 7 days have not passed, so it is a transfer, with a note.
    const lead = await signedIn(() => browser.open(PHONE), 'zl.admin');
    await lead.obs.openArrival(state.arrivalId);
    await lead.obs.release('转出', '转至集中隔离点');
    await screenshot(lead.page, 'field-observation-released');
    const admin = await apiAs(browser.baseUrl(), 'zl.admin');
    const released = await json<ArrivalDetail>(await admin.get(`/api/observation/arrivals/${state.arrivalId}`));
    expect(released.plan).toMatchObject({ releaseOutcome: 'transferred', releaseNote: '转至集中隔离点', releasedByName: SECRETARY });

    await worker.obs.record(state.testCheckId, { testResult: '阴性' });
    await worker.obs.showTab('done');
    await worker.obs.waitForRowState(state.testCheckId, 'waiting');
    await worker.context.setOffline(false);
    // Sent by itself once online; the server's answer stays on the phone with the reason, to be discarded.
    await worker.page.locator('[data-testid="obs-outbox-line"][data-refused="1"]').waitFor({ timeout: 30_000 });
    // Refused, it needs the worker again: out of the done tab.
    await worker.obs.row(state.testCheckId).waitFor({ state: 'detached' });
    await screenshot(worker.page, 'field-observation-refused-list');
    await worker.obs.openOutbox();
    const refused = worker.obs.outboxItems().first();
    expect(await refused.getAttribute('data-status')).toBe('refused');
    expect(await refused.getAttribute('data-code')).toBe('PERSON_RELEASED');
    expect(await refused.locator('[data-testid="obs-refusal-message"]').textContent()).toBe(SERVER.errors!.PERSON_RELEASED);
    // Nothing to correct for a released person: the reading can only be discarded.
    expect(await refused.locator('[data-testid="obs-outbox-fix"]').count()).toBe(0);
    await screenshot(worker.page, 'field-observation-refused');
    await worker.obs.discard(refused);
    await worker.page.locator('[data-testid="obs-outbox-summary"]', { hasText: zh('observation-field').outbox!.allSent! }).waitFor();
    await admin.dispose();
  });
});
