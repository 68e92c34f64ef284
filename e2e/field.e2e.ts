import { describe, expect, it } from 'vitest';
import { demoId } from '../src/server/modules/demo/demo.ts';
import { FieldPage } from './pages/field.page.ts';
import { chromiumAvailable, PHONE, screenshot, useBrowser } from './support/browser.ts';
import { E2E_PASSWORD } from './support/global-setup.ts';

const unit = (code: string) => demoId(`unit:${code}`);

describe.runIf(chromiumAvailable())('the field app on a phone', () => {
  const browser = useBrowser();

  it('a grid worker signs in, sees their group in its hierarchy, and switches language', async () => {
    const { page } = await browser.open(PHONE);
    const field = new FieldPage(page);
    await field.signIn('zl.g01', E2E_PASSWORD);
    await field.seeScope('大海组');
    await field.seeScope('中路社区');
    await screenshot(page, 'field-home-zh');
    await field.openMe();
    await field.switchLanguage('English');
    await page.getByText('Grid worker').first().waitFor();
    await screenshot(page, 'field-me-en');
    await field.switchLanguage('中文');
  });

  it('a grid worker cannot open another group', async () => {
    const { page } = await browser.open(PHONE);
    const field = new FieldPage(page);
    await field.signIn('zl.g01', E2E_PASSWORD);
    await field.seeScope('大海组');
    await field.openUnit(unit('430211003017-02'));
    expect(await field.notFoundMessage()).toContain('未找到，或不在您的管辖范围内');
    await screenshot(page, 'field-denied');
  });

  it('loads its shell with no network after one visit', async () => {
    const { context, page } = await browser.open(PHONE);
    const field = new FieldPage(page);
    await field.signIn('cc.gate', E2E_PASSWORD);
    await field.seeScope('船厂社区');
    // Wait until the service worker is installed and controls the page (waitForFunction does not await promises).
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('[data-testid="offline-banner"]');
    await screenshot(page, 'field-offline-shell');
    expect(await page.locator('#root').innerHTML()).not.toBe('');
    await context.setOffline(false);
  });
});
