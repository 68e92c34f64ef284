import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  sqliteFile: string;
  databaseUrl: string | undefined;
  tls: { cert: string; key: string } | undefined;
  /** Trust X-Forwarded-* from a reverse proxy in front (nginx, Caddy). */
  trustProxy: boolean;
  sessionHours: number;
  logLevel: string;
  demoPassword: string | undefined;
  /** Master key for sensitive values (base64, 32 bytes); else linli.key in the data directory. */
  key: string | undefined;
  /** The largest spreadsheet accepted for import, in bytes (LINLI_IMPORT_MAX_MB, default 20). */
  importMaxBytes: number;
}

/** Reads the configuration from the environment; every setting has a safe default. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = resolve(env.LINLI_DATA_DIR ?? './data');
  const cert = env.LINLI_TLS_CERT;
  const key = env.LINLI_TLS_KEY;
  if (Boolean(cert) !== Boolean(key)) throw new Error('Set both LINLI_TLS_CERT and LINLI_TLS_KEY, or neither.');
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    sqliteFile: resolve(dataDir, 'linli.sqlite'),
    databaseUrl: env.DATABASE_URL || undefined,
    tls: cert && key ? { cert, key } : undefined,
    trustProxy: env.LINLI_TRUST_PROXY === '1' || env.LINLI_TRUST_PROXY === 'true',
    sessionHours: Number(env.LINLI_SESSION_HOURS ?? 24 * 7),
    logLevel: env.LINLI_LOG_LEVEL ?? 'info',
    demoPassword: env.LINLI_DEMO_PASSWORD || undefined,
    key: env.LINLI_KEY || undefined,
    importMaxBytes: Math.round(Number(env.LINLI_IMPORT_MAX_MB ?? 20) * 1_048_576),
  };
}
