import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { makeId, withWrongCheck } from './citizen-ids.ts';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../bin/linli.mjs');

/** Runs the real `linli` command on its own SQLite data directory. */
async function linli(dataDir: string, ...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run('node', [BIN, ...args], { env: { ...process.env, LINLI_DATA_DIR: dataDir, DATABASE_URL: '', LINLI_DEMO_PASSWORD: 'demo-pass-123', LANG: 'zh_CN.UTF-8' } });
    return { code: 0, out: stdout + stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

describe('the linli command', () => {
  const data = mkdtempSync(join(tmpdir(), 'linli-cli-'));

  it('migrates, loads the demo once, and imports org units with a per-row report', async () => {
    expect((await linli(data, 'migrate')).out).toMatch(/0001_foundation/);
    expect((await linli(data, 'migrate')).out).toMatch(/up to date/);
    const demo = await linli(data, 'demo');
    expect(demo.out).toMatch(/33 units, 55 users and 5637 residents and \d+ gate registrations and 30 people under observation added/);
    expect((await linli(data, 'demo')).out).toMatch(/0 units, 0 users and 0 residents and 0 gate registrations and 0 people under observation added/);

    const bad = join(data, 'units.csv');
    writeFileSync(bad, 'code,name,parent_code\n430211003020,新社区,430211003\n430211003021,,430211003\n');
    const refused = await linli(data, 'org', 'import', bad);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/row 3, name: 必填/);
    expect(refused.out).toMatch(/not written: 1 new/);
    const partial = await linli(data, 'org', 'import', bad, '--skip-invalid');
    expect(partial.code).toBe(0);
    expect(partial.out).toMatch(/written: 1 new/);
  }, 60_000);

  it('imports a resident sheet into a community with the same checks as the console', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(['姓名', '身份证号', '联系电话', '居民小组', '门牌号', '与户主关系', '人员类别', '备注']);
    ws.addRow(['命令行甲', makeId('430211', '19620202', '051'), '13907339001', '大海组', 'CLI1号', '户主', '独居', '']);
    ws.addRow(['命令行乙', withWrongCheck(makeId('430211', '19630303', '062')), '', '大海组', 'CLI2号', '户主', '', '']);
    const file = join(data, 'residents.xlsx');
    await wb.xlsx.writeFile(file);
    const dry = await linli(data, 'import', 'residents', file, '--community', '430211003017', '--dry-run');
    expect(dry.out).toMatch(/row 3, 身份证号: 身份证号校验位不正确/);
    expect(dry.out).toMatch(/not written: 1 new/);
    const refused = await linli(data, 'import', 'residents', file, '--community', '430211003017');
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/有 1 行存在问题/);
    const written = await linli(data, 'import', 'residents', file, '--community', '430211003017', '--skip-invalid');
    expect(written.out).toMatch(/written: 1 new, 0 updated, 0 unchanged, 1 new households/);
    const again = await linli(data, 'import', 'residents', file, '--community', '430211003017', '--skip-invalid');
    expect(again.out).toMatch(/written: 0 new, 0 updated, 1 unchanged/);
    expect((await linli(data, 'import', 'residents', file, '--community', '999999999999')).code).toBe(1);
  }, 60_000);

  it('resets a password to a new one-time password', async () => {
    const r = await linli(data, 'user', 'reset-password', 'zl.admin');
    expect(r.out).toMatch(/one-time password for zl\.admin \(shown once\): [A-Za-z2-9]{14}/);
    expect((await linli(data, 'user', 'reset-password', 'nobody')).code).toBe(1);
  }, 60_000);
});
