import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
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
