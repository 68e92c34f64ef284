import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, rejectUnauthorized: false }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serving HTTPS itself', () => {
  it('answers over TLS with LINLI_TLS_CERT and LINLI_TLS_KEY', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linli-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    const port = 40000 + Math.floor(Math.random() * 20000);
    const server = spawn('node', [join(import.meta.dirname, '../bin/linli.mjs'), 'serve'], {
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LINLI_DATA_DIR: dir, DATABASE_URL: '', LINLI_TLS_CERT: join(dir, 'cert.pem'), LINLI_TLS_KEY: join(dir, 'key.pem'), LINLI_LOG_LEVEL: 'warn' },
      stdio: 'ignore',
    });
    try {
      let health: { status: number; body: string } | undefined;
      for (let i = 0; i < 60 && !health; i++) {
        health = await get(port, '/api/health').catch(() => undefined);
        if (!health) await new Promise((r) => setTimeout(r, 500));
      }
      expect(health?.status).toBe(200);
      expect(JSON.parse(health!.body)).toEqual({ status: 'ok', database: 'sqlite' });
    } finally {
      server.kill('SIGTERM');
    }
  }, 60_000);
});
