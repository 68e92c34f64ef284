import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2E_PASSWORD } from './global-setup.ts';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/linli.mjs');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface OwnServer {
  baseUrl: string;
  /** Kills the process at once, as a crash or a redeploy would (no graceful close of open streams). */
  kill(): Promise<void>;
  /** Starts it again on the same port and data, and waits until it answers. */
  start(): Promise<void>;
  /** Kills it and removes its data. */
  dispose(): Promise<void>;
}

/**
 * A server of the test's own (the shared one must stay up for other tests):
 * the real `linli serve` on an empty SQLite folder with the demo loaded, on a
 * port that stays the same across restarts, serving the web app the global
 * setup built.
 */
export async function ownServer(): Promise<OwnServer> {
  const data = mkdtempSync(join(tmpdir(), 'linli-e2e-own-'));
  const env = { ...process.env, LINLI_DATA_DIR: data, LINLI_DEMO_PASSWORD: E2E_PASSWORD, DATABASE_URL: '', HOST: '127.0.0.1' };
  execFileSync('node', [BIN, 'demo'], { env, stdio: 'ignore' });
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let output = '';

  const start = async () => {
    output = '';
    const proc = spawn('node', [BIN, 'serve'], { env: { ...env, PORT: String(port), LINLI_LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] });
    proc.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    proc.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    child = proc;
    for (let i = 0; i < 120; i++) {
      try {
        if ((await fetch(`${baseUrl}/api/health`)).ok) return;
      } catch {
        // not up yet
      }
      if (proc.exitCode !== null) throw new Error(`server exited:\n${output}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`server did not start:\n${output}`);
  };

  const kill = async () => {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGKILL');
    await exited;
  };

  await start();
  return {
    baseUrl,
    kill,
    start,
    async dispose() {
      await kill();
      rmSync(data, { recursive: true, force: true });
    },
  };
}
