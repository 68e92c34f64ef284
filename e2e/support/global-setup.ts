import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { chromiumAvailable } from './chromium.ts';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/linli.mjs');
export const E2E_PASSWORD = 'demo-pass-123';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    adminPassword: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * Starts the real server, as `npm start` does, on an empty SQLite data folder
 * with the demo loaded; hands its address and the first administrator's
 * one-time password to the tests.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!chromiumAvailable()) {
    console.warn('Browser tests skipped: no Chromium at /usr/bin/chromium (apt-get install chromium fonts-wqy-microhei).');
    return async () => undefined;
  }
  // The server serves the built web app; build it if the sources changed.
  execFileSync('node', [join(ROOT, 'scripts/build-web-if-stale.mjs')], { stdio: 'inherit' });
  const data = mkdtempSync(join(tmpdir(), 'linli-e2e-'));
  const env = { ...process.env, LINLI_DATA_DIR: data, LINLI_DEMO_PASSWORD: E2E_PASSWORD, DATABASE_URL: '', HOST: '127.0.0.1' };
  execFileSync('node', [BIN, 'demo'], { env, stdio: 'ignore' });
  const port = await freePort();
  const server: ChildProcess = spawn('node', [BIN, 'serve'], { env: { ...env, PORT: String(port), LINLI_LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  server.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  server.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not up yet
    }
    if (server.exitCode !== null) throw new Error(`server exited:\n${output}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  const adminPassword = /one-time password: (\S+)/.exec(output)?.[1];
  if (!adminPassword) throw new Error(`no first administrator password printed:\n${output}`);
  project.provide('baseUrl', baseUrl);
  project.provide('adminPassword', adminPassword);
  return async () => {
    server.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    rmSync(data, { recursive: true, force: true });
  };
}
