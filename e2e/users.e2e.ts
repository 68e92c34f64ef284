import { describe, expect, it } from 'vitest';
import { ConsolePage } from './pages/console.page.ts';
import { FieldPage } from './pages/field.page.ts';
import { chromiumAvailable, DESKTOP, PHONE, screenshot, useBrowser } from './support/browser.ts';
import { E2E_PASSWORD } from './support/global-setup.ts';

describe.runIf(chromiumAvailable())('a new grid worker, from the console to the phone', () => {
  const browser = useBrowser();

  it('the secretary creates a grid worker for 草塘组; the worker signs in on a phone with the one-time password, must change it, and sees their group', async () => {
    const desk = await browser.open(DESKTOP);
    const console_ = new ConsolePage(desk.page);
    await console_.signIn('zl.admin', E2E_PASSWORD);
    await console_.seeScope('中路社区');
    await desk.page.click('[data-testid="nav-users"]');
    await desk.page.click('[data-testid="user-create"]');
    await desk.page.fill('#username', 'ct.worker');
    await desk.page.fill('#displayName', '草塘组新网格员');
    await desk.page.click('#roles_0_unitId');
    await desk.page.locator('.ant-select-tree-treenode', { hasText: '中路社区' }).locator('.ant-select-tree-switcher').click();
    await desk.page.locator('.ant-select-tree-node-content-wrapper', { hasText: '草塘组' }).click();
    await desk.page.click('#roles_0_role');
    await desk.page.locator('.ant-select-item-option', { hasText: '网格员' }).click();
    // The list closes after its animation; under load it can still cover the dialog's button for a moment.
    await desk.page.waitForFunction(() => Array.from(document.querySelectorAll<HTMLElement>('.ant-select-dropdown'))
      .every((d) => d.classList.contains('ant-select-dropdown-hidden') || d.offsetParent === null));
    await screenshot(desk.page, 'console-user-create');
    await desk.page.click('.ant-modal-footer .ant-btn-primary');
    const otp = ((await desk.page.locator('[data-testid="one-time-password"]').textContent()) ?? '').trim();
    expect(otp).toMatch(/^[A-Za-z2-9]{14}$/);
    await screenshot(desk.page, 'console-user-one-time-password');

    const phone = await browser.open(PHONE);
    const field = new FieldPage(phone.page);
    await field.signIn('ct.worker', otp);
    await phone.page.waitForSelector('#newPassword');
    await phone.page.fill('#currentPassword', otp);
    await phone.page.fill('#newPassword', 'caotang-2020');
    await phone.page.fill('#confirm', 'caotang-2020');
    await phone.page.click('[data-testid="password-submit"]');
    await field.seeScope('草塘组');
    await screenshot(phone.page, 'field-new-worker-home');
  });
});
