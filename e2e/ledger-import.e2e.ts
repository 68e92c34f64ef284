import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { makeId, withWrongCheck } from '../test/citizen-ids.ts';
import { ConsolePage } from './pages/console.page.ts';
import { chromiumAvailable, DESKTOP, screenshot, useBrowser } from './support/browser.ts';
import { E2E_PASSWORD } from './support/global-setup.ts';

/** A community's sheet as people keep it: a title row, the usual columns, a few families. */
async function sheet(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(['中路社区居民登记表（2月）']);
  ws.addRow(['姓名', '身份证号', '联系电话', '居民小组', '门牌号', '与户主关系', '人员类别', '备注']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const head = makeId('430211', '19580414', '035');
const wife = makeId('430211', '19600720', '046');
const worker = makeId('430521', '19900303', '057');
const good = [
  ['浏览器甲', head, '13907335001', '草坪组', '浏览器8号', '户主', '慢性病', ''],
  ['浏览器乙', wife, '', '草坪组', '浏览器8号', '妻子', '', ''],
  ['外来丙', worker, '13907335003', '草坪组', '浏览器9号', '户主', '外来人员', '建筑工地'],
];

describe.runIf(chromiumAvailable())('importing the resident sheet at a desk', () => {
  const browser = useBrowser();

  it('a secretary imports a file with errors, reads the report, fixes it and imports; the people are then found', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linli-e2e-import-'));
    const bad = join(dir, '居民台账-有错.xlsx');
    writeFileSync(bad, await sheet([
      ...good.slice(0, 2),
      ['外来丙', withWrongCheck(worker), '1390733500', '海洋组', '浏览器9号', '户主', '外来人员', ''],
    ]));
    const fixed = join(dir, '居民台账-已改.xlsx');
    writeFileSync(fixed, await sheet(good));

    const { page } = await browser.open(DESKTOP);
    const console_ = new ConsolePage(page);
    await console_.signIn('zl.admin', E2E_PASSWORD);
    await console_.seeScope('中路社区');
    await page.click('[data-testid="nav-residents"]');
    await page.click('text=从 Excel 导入');
    await page.setInputFiles('[data-testid="import-file"]', bad);
    await page.waitForSelector('[data-testid="import-problems"]');
    const problems = await page.locator('[data-testid="import-problem-row"]').allInnerTexts();
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toContain('身份证号校验位不正确');
    expect(problems.join('\n')).toContain('本社区没有名为“海洋组”的居民小组或网格');
    expect(problems.join('\n')).toMatch(/^5\s+联系电话/m);
    await screenshot(page, 'ledger-import-report');
    // Nothing was written by the check.
    const before = await page.request.get(`/api/residents?q=${head}`);
    expect((await before.json()).total).toBe(0);

    await page.setInputFiles('[data-testid="import-file"]', fixed);
    await page.waitForSelector('[data-testid="import-commit"]');
    expect(await page.locator('[data-testid="import-problems"]').count()).toBe(0);
    expect(await page.textContent('[data-testid="import-summary-created"]')).toContain('3');
    await page.click('[data-testid="import-commit"]');
    await page.waitForSelector('[data-testid="import-done"]');
    await screenshot(page, 'ledger-import-done');

    await page.click('[data-testid="import-to-list"]');
    // Found while typing, by pinyin initials (浏览器甲 → llqj).
    await page.locator('[data-testid="resident-search"]').locator('xpath=self::input | .//input').first().fill('llq');
    await page.locator('[data-testid="resident-row"]', { hasText: '浏览器甲' }).waitFor();
    const row = await page.locator('[data-testid="resident-row"]', { hasText: '浏览器甲' }).innerText();
    expect(row).toContain('浏览器8号');
    expect(row).toContain(`430***********${head.slice(-4)}`);
    expect(row).not.toContain(head);
    await screenshot(page, 'ledger-import-found-by-initials');
  });
});
