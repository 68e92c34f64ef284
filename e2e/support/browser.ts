import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { CHROMIUM } from './chromium.ts';

export { chromiumAvailable } from './chromium.ts';
export const SHOTS = join(import.meta.dirname, '../../test-results');

export const DESKTOP: BrowserContextOptions = { viewport: { width: 1366, height: 768 }, locale: 'zh-CN' };
export const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' };

/** A browser for one test file, and a fresh context (cookies, storage) per call of `open`. */
export function useBrowser() {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
  });
  return {
    baseUrl: () => inject('baseUrl'),
    adminPassword: () => inject('adminPassword'),
    async open(options: BrowserContextOptions): Promise<{ context: BrowserContext; page: Page }> {
      const context = await browser!.newContext({ ...options, baseURL: inject('baseUrl') });
      contexts.push(context);
      const page = await context.newPage();
      return { context, page };
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/**
 * Waits for the page's animations to end (a dialog opening, a message
 * appearing) before a screenshot. Endless ones (a spinner, a pulsing badge)
 * are not waited for, and nothing is waited for longer than three seconds.
 */
export async function settleAnimations(page: Page): Promise<void> {
  await page.evaluate(() => {
    const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
    return Promise.race([Promise.all(finite.map((a) => a.finished.catch(() => undefined))), new Promise((r) => setTimeout(r, 3000))]);
  });
}

/** A full-page screenshot from the top, once the page has stopped moving. */
export async function topShot(page: Page, name: string): Promise<void> {
  await settleAnimations(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

/**
 * Waits until the element has stopped moving: antd's motion classes (ant-zoom-appear-active …)
 * gone and its finite animations over (a modal zoomed in, a box ticked). A click on a dialog
 * still zooming in can land where its button was a frame earlier, beside it.
 */
export async function settled(locator: Locator): Promise<void> {
  await locator.evaluate(async (el) => {
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    const motion = /-(appear|enter|leave)(-|\s|$)/;
    // Three quiet frames in a row; at most some 5 s (a looping spinner never stops).
    for (let quiet = 0, n = 0; quiet < 3 && n < 300; n++) {
      await frame();
      const moving = [el, ...Array.from(el.querySelectorAll('*'))].some((e) => motion.test(e.getAttribute('class') ?? ''))
        || el.getAnimations({ subtree: true }).some((a) => a.playState === 'running' && a.effect?.getComputedTiming().endTime !== Infinity);
      quiet = moving ? 0 : quiet + 1;
    }
  });
}

/** Clicks `option` (a selector, narrowed by `hasText`) in the open select list, once the list has stopped sliding in. */
export async function clickOption(page: Page, option: string, hasText?: string): Promise<void> {
  const target = page.locator(`.ant-select-dropdown:visible ${option}`, hasText ? { hasText } : {}).first();
  await target.waitFor();
  await settled(target.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " ant-select-dropdown ")]'));
  await target.click();
}
