import { describe, expect, it } from 'vitest';
import { demoId } from '../src/server/modules/demo/demo.ts';
import { ConsolePage } from './pages/console.page.ts';
import { chromiumAvailable, DESKTOP, screenshot, useBrowser } from './support/browser.ts';
import { E2E_PASSWORD } from './support/global-setup.ts';

describe.runIf(chromiumAvailable())('editing the hierarchy at a desk', () => {
  const browser = useBrowser();

  it('the secretary adds a residential group, renames it, and finds both changes in the audit log', async () => {
    const { page } = await browser.open(DESKTOP);
    const console_ = new ConsolePage(page);
    await console_.signIn('zl.admin', E2E_PASSWORD);
    await console_.seeScope('中路社区');
    await console_.openUnit(demoId('unit:430211003017'));
    await page.click('[data-testid="unit-add-child"]');
    await page.fill('#code', '430211003017-20');
    await page.fill('#name', '安置组');
    await page.click('.ant-modal-footer .ant-btn-primary');
    await page.locator('[data-testid="org-tree"]').getByText('安置组').waitFor();

    await page.locator('[data-testid="org-tree"]').getByText('安置组').click();
    expect(await console_.unitTitle()).toContain('安置组');
    await page.click('[data-testid="unit-rename"]');
    await page.fill('#name', '安置小区组');
    await page.click('.ant-modal-footer .ant-btn-primary');
    await page.waitForFunction(() => document.querySelector('[data-testid="unit-title"]')?.textContent?.includes('安置小区组'));
    await screenshot(page, 'console-unit-added-renamed');

    await page.click('[data-testid="nav-audit"]');
    const row = page.locator('.ant-table-row', { hasText: '安置小区组' }).first();
    await row.waitFor();
    expect(await row.textContent()).toContain('zl.admin');
    await screenshot(page, 'console-audit-after-edits');
  });
});
