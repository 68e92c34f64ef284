import { describe, expect, it } from 'vitest';
import { demoId } from '../src/server/modules/demo/demo.ts';
import { ConsolePage } from './pages/console.page.ts';
import { chromiumAvailable, DESKTOP, screenshot, useBrowser } from './support/browser.ts';
import { E2E_PASSWORD } from './support/global-setup.ts';

const unit = (code: string) => demoId(`unit:${code}`);

describe.runIf(chromiumAvailable())('the console at a desk', () => {
  const browser = useBrowser();

  it('a community secretary signs in, sees their scope and the 16 groups, and switches to English', async () => {
    const { page } = await browser.open(DESKTOP);
    const console_ = new ConsolePage(page);
    await console_.signIn('zl.admin', E2E_PASSWORD);
    await console_.seeScope('中路社区');
    await screenshot(page, 'console-overview-zh');
    expect(await console_.hasNav('nav-users')).toBe(true);

    await console_.openUnit(unit('430211003017'));
    expect(await console_.unitTitle()).toContain('中路社区');
    await page.getByText('杨家组').first().waitFor();
    await page.getByText('大海组').first().waitFor();
    await screenshot(page, 'console-hierarchy-zh');

    await console_.switchLanguage('English');
    await page.getByText('Community administrator').first().waitFor();
    await screenshot(page, 'console-hierarchy-en');
    await console_.switchLanguage('中文');
  });

  it('a grid worker cannot open the page of another group, and has no admin pages', async () => {
    const { page } = await browser.open(DESKTOP);
    const console_ = new ConsolePage(page);
    await console_.signIn('zl.g01', E2E_PASSWORD);
    await console_.seeScope('大海组');
    expect(await console_.hasNav('nav-users')).toBe(false);
    expect(await console_.hasNav('nav-audit')).toBe(false);
    await console_.openUnit(unit('430211003017-02'));
    expect(await console_.notFoundMessage()).toContain('未找到，或不在您的管辖范围内');
    await screenshot(page, 'console-grid-worker-denied');
    await console_.openUnit(unit('430211003017-01'));
    expect(await console_.unitTitle()).toContain('大海组');
  });

  it('the first administrator signs in with the printed one-time password, must choose a new one, and then sees the whole tree and the audit log', async () => {
    const { page } = await browser.open(DESKTOP);
    const console_ = new ConsolePage(page);
    await console_.signIn('admin', browser.adminPassword());
    await page.waitForSelector('#newPassword');
    await page.fill('#currentPassword', browser.adminPassword());
    await page.fill('#newPassword', 'admin-new-password-1');
    await page.fill('#confirm', 'admin-new-password-1');
    await screenshot(page, 'console-first-admin-password');
    await page.click('[data-testid="password-submit"]');
    await console_.seeScope('');
    await page.click('[data-testid="nav-org"]');
    await page.getByText('湖南省').first().waitFor();
    await page.getByText('湖北省').first().waitFor();
    await page.click('[data-testid="nav-audit"]');
    await page.getByText('admin').first().waitFor();
    await screenshot(page, 'console-audit-zh');
  });
});
