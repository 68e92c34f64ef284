import { randomUUID } from 'node:crypto';
import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays, shanghaiDate } from '../src/domain/local-date.ts';
import { ConsolePage } from './pages/console.page.ts';
import { chromiumAvailable, DESKTOP, screenshot, settleAnimations, useBrowser } from './support/browser.ts';
import { E2E_PASSWORD } from './support/global-setup.ts';
import { ownServer } from './support/own-server.ts';
import { signInAt } from './pages/sign-in.ts';
import { apiAs } from './support/api.ts';

const MAIN_GATE = '船厂路正门';

/** A visitor let in at 船厂社区's main gate, as the checkpoint volunteer's phone sends it. */
async function registerVisitor(api: APIRequestContext): Promise<void> {
  const kit = (await (await api.get('/api/field/gate')).json()) as { entrances: { id: string; name: string }[] };
  const gate = kit.entrances.find((e) => e.name === MAIN_GATE)!;
  const res = await api.post('/api/gates/passages', {
    data: {
      items: [{
        id: randomUUID(), entranceId: gate.id, at: new Date().toISOString(), direction: 'in', kind: 'visitor', temperature: 36.5, healthCode: 'green',
        visitor: { name: `看板${Date.now().toString(36).slice(-4)}`, phone: `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`, fromPlace: '武汉市洪山区', purpose: '送药', visiting: '5栋' },
      }],
    },
  });
  expect(res.status()).toBe(200);
  expect(((await res.json()) as { result: string }[])[0]).toMatchObject({ result: 'stored' });
}

/** The dashboard as someone reads it: its unit, its numbers, its charts, the units below. */
class DashboardView {
  constructor(readonly page: Page) {}

  async open(path = '/dashboard', baseUrl = ''): Promise<void> {
    await this.page.goto(`${baseUrl}${path}`);
    await this.waitReady();
  }

  /** Figures on screen and the stream connected. */
  async waitReady(): Promise<void> {
    await this.page.locator('[data-testid="dashboard"][data-loading="false"]').waitFor({ timeout: 30_000 });
    await this.waitForLink('live');
  }

  async waitForLink(state: 'live' | 'reconnecting'): Promise<void> {
    await this.page.locator(`[data-testid="dash-link"][data-link="${state}"]`).waitFor({ timeout: 30_000 });
  }

  kind(): Promise<string | null> {
    return this.page.locator('[data-testid="dashboard"]').getAttribute('data-kind');
  }

  unitName(): Promise<string> {
    return this.page.locator('[data-testid="dash-crumb-current"]').innerText();
  }

  async figure(key: string): Promise<number> {
    return Number(await this.page.locator(`[data-testid="dash-cards"] [data-testid="figure-${key}"]`).getAttribute('data-value'));
  }

  async waitForFigure(key: string, value: number): Promise<void> {
    await this.page.locator(`[data-testid="dash-cards"] [data-testid="figure-${key}"][data-value="${value}"]`).waitFor({ timeout: 20_000 });
  }

  async unitRows(): Promise<string[]> {
    return this.page.locator('[data-testid="dash-unit"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name') ?? ''));
  }

  async unitFigure(name: string, key: string): Promise<number> {
    return Number(await this.page.locator(`[data-testid="dash-unit"][data-name="${name}"] [data-testid="unit-${key}"]`).getAttribute('data-value'));
  }

  /** A chart's canvas, drawn at a size: ECharts draws nothing into a box of no size. */
  async canvasSize(chart: string): Promise<{ width: number; height: number }> {
    const canvas = this.page.locator(`[data-testid="${chart}"] canvas`).first();
    await canvas.waitFor();
    return canvas.evaluate((c: HTMLCanvasElement) => ({ width: c.width, height: c.height }));
  }

  async mark(): Promise<void> {
    await this.page.evaluate(() => ((window as unknown as { linliMark: number }).linliMark = 1));
  }

  sameDocument(): Promise<boolean> {
    return this.page.evaluate(() => (window as unknown as { linliMark?: number }).linliMark === 1);
  }

  async shot(name: string): Promise<void> {
    await settleAnimations(this.page);
    // ECharts grows its bars on the canvas for a second, out of reach of the page's animations.
    await this.page.waitForTimeout(1200);
    await this.page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(this.page, name);
  }
}

describe.runIf(chromiumAvailable())('today at a glance, at every level', () => {
  const browser = useBrowser();

  async function signedIn(username: string): Promise<{ page: Page; view: DashboardView; console_: ConsolePage }> {
    const { page } = await browser.open(DESKTOP);
    const console_ = new ConsolePage(page);
    await console_.signIn(username, E2E_PASSWORD);
    await page.locator('[data-testid="my-scope"]').waitFor();
    return { page, view: new DashboardView(page), console_ };
  }

  it('the community sees its day in numbers and charts, and a number opens the list behind it', { timeout: 120_000 }, async () => {
    const { page, view } = await signedIn('cc.admin');
    await page.click('[data-testid="nav-dashboard"]');
    await view.waitReady();
    expect(await view.kind()).toBe('community');
    expect(await view.unitName()).toBe('船厂社区');
    expect(await view.figure('passages')).toBeGreaterThan(0);
    const size = await view.canvasSize('chart-passages');
    expect(size.width).toBeGreaterThan(100);
    expect(size.height).toBeGreaterThan(100);
    expect((await view.canvasSize('chart-fevers')).width).toBeGreaterThan(100);
    // A community has no table of units below: its numbers lead to its own lists.
    expect(await page.locator('[data-testid="dash-units"]').count()).toBe(0);
    await view.shot('console-dashboard-community');

    // Fevers: the gate register of the day, fevers only.
    await page.click('[data-testid="dash-cards"] [data-testid="figure-fevers"]');
    await page.waitForURL(/\/gates\/register\?/);
    expect(new URL(page.url()).searchParams.get('fever')).toBe('1');
    await page.locator('[data-testid="register"]').waitFor();
    const feverOnly = page.locator('[data-testid="register-fever-only"]');
    expect(await feverOnly.evaluate((el) => (el instanceof HTMLInputElement ? el : el.querySelector('input'))?.checked)).toBe(true);
  });

  it('the street and the city show the community’s passages, summed up the levels, with the units below', { timeout: 150_000 }, async () => {
    const community = await signedIn('cc.admin');
    await community.view.open();
    const passages = await community.view.figure('passages');
    const fevers = await community.view.figure('fevers');

    const street = await signedIn('wh.street');
    await street.view.open();
    expect(await street.view.kind()).toBe('street');
    expect(await street.view.unitRows()).toContain('船厂社区');
    expect(await street.view.figure('passages')).toBe(passages);
    expect(await street.view.unitFigure('船厂社区', 'passages')).toBe(passages);

    const city = await signedIn('wh.city');
    await city.view.open();
    expect(await city.view.kind()).toBe('city');
    expect(await city.view.figure('passages')).toBe(passages);
    expect(await city.view.figure('fevers')).toBe(fevers);
    expect(await city.view.unitRows()).toEqual(['青山区']);
    expect(await city.view.unitFigure('青山区', 'passages')).toBe(passages);
    // A card selects its figure in the table below; a row leads down a level, with the figure still selected.
    await city.page.click('[data-testid="dash-cards"] [data-testid="figure-passages"]');
    await city.page.waitForURL(/figure=passages/);
    await city.page.locator('thead [data-testid="dash-column-passages"][data-selected="true"]').waitFor();
    expect(await city.page.locator('thead [data-testid="dash-column-fevers"]').getAttribute('data-selected')).toBe('false');
    await city.view.shot('console-dashboard-city');
    await city.page.locator('[data-testid="dash-unit"][data-name="青山区"]').click();
    await city.page.waitForURL(/\/dashboard\/[^?]+\?figure=passages/);
    // The district's own figures, not the city's still on screen while they load.
    await city.page.locator('[data-testid="dashboard"][data-kind="district"][data-loading="false"]').waitFor();
    expect(await city.view.figure('passages')).toBe(passages);
    expect(await city.page.locator('[data-testid="dash-crumb"]').allInnerTexts()).toEqual(['武汉市']);
  });

  it('the street’s dashboard counts a passage registered at the gate without a reload', { timeout: 120_000 }, async () => {
    const { view } = await signedIn('wh.street');
    await view.open();
    const before = await view.figure('passages');
    const visitors = await view.figure('visitors');
    await view.mark();

    await registerVisitor(await apiAs(browser.baseUrl(), 'cc.gate'));

    await view.waitForFigure('passages', before + 1);
    expect(await view.figure('visitors')).toBe(visitors + 1);
    expect(await view.unitFigure('船厂社区', 'passages')).toBe(before + 1);
    expect(await view.sameDocument()).toBe(true);
    await view.shot('console-dashboard-street-live');
  });

  it('reads in English too', { timeout: 120_000 }, async () => {
    const { page, view, console_ } = await signedIn('wh.street');
    await console_.switchLanguage('English');
    try {
      await view.open();
      expect(await page.locator('[data-testid="dash-title"]').innerText()).toContain('today');
      await view.shot('console-dashboard-street-en');
      // Weeks start on Monday in English too; no day after today can be picked.
      await page.click('[data-testid="dash-day"]');
      const calendar = page.locator('.ant-picker-dropdown:visible');
      expect(await calendar.locator('thead th').first().innerText()).toBe('Mo');
      const tomorrow = addDays(shanghaiDate(), 1);
      expect(await calendar.locator(`td[title="${tomorrow}"]`).getAttribute('class')).toContain('ant-picker-cell-disabled');
      await page.keyboard.press('Escape');
    } finally {
      await console_.switchLanguage('中文');
    }
  });

  it('says when the live link is down, and catches up by itself when it is back', { timeout: 150_000 }, async () => {
    const server = await ownServer();
    try {
      const { page } = await browser.open(DESKTOP);
      const view = new DashboardView(page);
      await signInAt(page, `${server.baseUrl}/login`, 'wh.street', E2E_PASSWORD);
      await page.locator('[data-testid="my-scope"]').waitFor();
      await view.open('/dashboard', server.baseUrl);
      const before = await view.figure('passages');
      await view.mark();

      await server.kill();
      await view.waitForLink('reconnecting');
      await page.locator('[data-testid="dash-reconnecting"]').waitFor();
      // The last figures stay on screen meanwhile.
      expect(await view.figure('passages')).toBe(before);
      await view.shot('console-dashboard-reconnecting');

      // Back: a passage registered there shows up with no reload.
      await server.start();
      await registerVisitor(await apiAs(server.baseUrl, 'cc.gate'));
      await view.waitForLink('live');
      await view.waitForFigure('passages', before + 1);
      expect(await page.locator('[data-testid="dash-reconnecting"]').count()).toBe(0);
      expect(await view.sameDocument()).toBe(true);
    } finally {
      await server.dispose();
    }
  });
});
