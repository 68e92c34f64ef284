import { describe, expect, it } from 'vitest';
import { shanghaiDate } from '../src/domain/local-date.ts';
import { checkCharacter } from '../src/domain/residents/citizen-id.ts';
import { nameSearchKeys } from '../src/domain/residents/search-keys.ts';
import { demoId } from '../src/server/modules/demo/demo.ts';
import { demoLedger } from '../src/server/modules/demo/demo-ledger.ts';
import { demoScreening } from '../src/server/modules/demo/demo-screening.ts';
import { FieldPage } from './pages/field.page.ts';
import { FieldScreeningPage } from './pages/field-screening.page.ts';
import { chromiumAvailable, PHONE, screenshot, useBrowser } from './support/browser.ts';
import { E2E_PASSWORD } from './support/global-setup.ts';
import { apiAs } from './support/api.ts';

const DAHAI = '430211003017-01';
const ROUND = demoId('round:zhonglu:1');

/**
 * A household of 大海组 the demo round has not visited yet, with two people or
 * more, and one of them whose pinyin initials nobody else in the group starts with.
 */
function pickHousehold() {
  const zhonglu = demoLedger(shanghaiDate()).find((c) => c.communityCode === DAHAI.slice(0, 12))!;
  const visited = new Set(demoScreening(zhonglu).map((v) => v.householdKey));
  const group = zhonglu.households.filter((h) => h.groupCode === DAHAI);
  const people = group.flatMap((h) => h.members.map((m) => ({ h, m, initials: nameSearchKeys(m.name).initials })));
  const unique = people.find(({ h, initials }) => !visited.has(h.key) && h.members.length >= 2 && initials.length >= 3 && people.filter((p) => p.initials.startsWith(initials)).length === 1)!;
  const taken = new Set(zhonglu.households.flatMap((h) => h.members.map((m) => m.idNumber)));
  return { household: unique.h, person: unique.m, initials: unique.initials, taken };
}

/** A valid ID number nobody in the demo holds: a returnee born 1996-03-08. */
function returneeId(taken: ReadonlySet<string>): string {
  for (let seq = 357; ; seq += 2) {
    const first17 = `431081${'19960308'}${seq}`;
    const id = first17 + checkCharacter(first17);
    if (!taken.has(id)) return id;
  }
}

interface VisitSummary { id: string; outcome: string; arrivals: number; present: string[]; health: { cough: boolean; fever: boolean } | null }

describe.runIf(chromiumAvailable())('door-to-door screening on a phone, offline first', () => {
  const browser = useBrowser();

  it('a grid worker finds a resident by initials, records a visit offline, and it syncs once', async () => {
    const { household, person, initials, taken } = pickHousehold();
    const householdId = demoId(`household:${household.key}`);
    const away = household.members.find((m) => m.key !== person.key)!;
    const returnee = { name: '周志远', idNumber: returneeId(taken), category: '返乡人员', relation: '子女' };

    const admin = await apiAs(browser.baseUrl(), 'zl.admin');
    const visitsOf = async () => (await (await admin.get(`/api/screening/rounds/${ROUND}/visits?householdId=${householdId}`)).json()) as VisitSummary[];
    expect(await visitsOf()).toEqual([]);

    const { context, page } = await browser.open(PHONE);
    const field = new FieldPage(page);
    const screening = new FieldScreeningPage(page);
    await field.signIn('zl.g01', E2E_PASSWORD);
    await field.seeScope('大海组');
    // The shell must be able to open with no network before the user walks out of coverage.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

    // Found by pinyin initials, from the ledger on the phone.
    await screening.openSearch();
    await screening.search(initials);
    const hits = await screening.hitsOf(householdId);
    expect(await hits.count()).toBe(1);
    expect(await hits.first().textContent()).toContain(person.name);
    await screenshot(page, 'field-screening-search');
    await hits.first().click();
    expect(await screening.householdAddress()).toBe(household.address);
    expect(await screening.roundStatus()).toBe('none');
    await screenshot(page, 'field-screening-household');

    // Out of coverage: the visit is recorded all the same.
    await context.setOffline(true);
    await page.waitForSelector('[data-testid="offline-banner"]');
    await screening.startVisit();
    await screening.markAway(away.name);
    await screening.toggleSymptom('咳嗽');
    await screening.addArrival(returnee);
    await screenshot(page, 'field-screening-visit-form');
    await screening.saveVisit();
    await screening.waitForRoundStatus('waiting');
    await screenshot(page, 'field-screening-household-waiting');

    await screening.openOutbox();
    await page.locator('.adm-toast-mask').waitFor({ state: 'detached' });
    expect(await screening.outboxItems().count()).toBe(1);
    expect(await screening.outboxItems().first().getAttribute('data-status')).toBe('waiting');
    await screenshot(page, 'field-screening-outbox-offline');

    // The phone restarts, still offline: the visit is still there.
    await page.reload();
    await page.waitForSelector('[data-testid="offline-banner"]');
    await screening.outboxItems().first().waitFor();
    expect(await screening.outboxItems().count()).toBe(1);

    // Back in coverage, the first upload reaches the server but its answer is lost on the way back:
    // the phone keeps the visit and sends it again, and the server must not store it twice.
    const posts: string[] = [];
    const answers: { result: string }[][] = [];
    await context.route('**/api/screening/visits', async (route) => {
      posts.push(route.request().postData() ?? '');
      if (posts.length === 1) {
        await route.fetch();
        return route.abort('failed');
      }
      const response = await route.fetch();
      answers.push((await response.json()) as { result: string }[]);
      return route.fulfill({ response });
    });
    await context.setOffline(false);
    // The retry comes by itself (the connectivity probe); "upload now" only saves the test some seconds.
    await page.waitForFunction(() => document.querySelector('[data-testid="sync-error"]') !== null || document.querySelector('[data-testid="outbox-item"]') === null, null, { timeout: 20_000 });
    if (await screening.outboxItems().count()) await page.click('[data-testid="sync-now"]');
    await screening.outboxItems().first().waitFor({ state: 'detached', timeout: 30_000 });
    await screenshot(page, 'field-screening-outbox-synced');
    expect(posts.length).toBeGreaterThanOrEqual(2);
    expect(answers.flat().map((a) => a.result)).toContain('already_stored');

    // Exactly one visit, as recorded, and the returnee is in the ledger.
    const visits = await visitsOf();
    expect(visits).toHaveLength(1);
    expect(visits[0]).toMatchObject({ outcome: 'visited', arrivals: 1, health: { cough: true, fever: false } });
    expect(visits[0]!.present).not.toContain(away.name);
    expect(visits[0]!.present).toContain(person.name);
    const found = (await (await admin.get(`/api/residents?q=${returnee.idNumber}`)).json()) as { items: { name: string; householdId: string; categories: { category: string }[] }[] };
    expect(found.items).toHaveLength(1);
    expect(found.items[0]).toMatchObject({ name: returnee.name, householdId, categories: [{ category: 'returnee' }] });

    // The same outbox item sent once more, by hand: still one visit.
    const again = await page.request.post('/api/screening/visits', { data: JSON.parse(posts[0]!) as unknown });
    expect(((await again.json()) as { result: string }[]).map((r) => r.result)).toEqual(['already_stored']);
    expect(await visitsOf()).toHaveLength(1);

    // The round's list knows it too (from the ledger downloaded again after the sync).
    await context.unroute('**/api/screening/visits');
    await screening.openRound();
    expect(await screening.roundHouseholdStatus(householdId)).toBe('visited');
    await screenshot(page, 'field-screening-round');
    await admin.dispose();
  });
});
