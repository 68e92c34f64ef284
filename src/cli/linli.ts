import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { translate } from '../i18n/messages.ts';
import { serve } from '../server/main.ts';
import { loadDemo } from '../server/modules/demo/demo.ts';
import { DEMO_USERS } from '../server/modules/demo/demo-data.ts';
import { importOrgUnits } from '../server/modules/org/org-import.service.ts';
import { resetPasswordByUsername } from '../server/modules/users/users-cli.ts';
import { systemActor } from './system-actor.ts';
import { importResidentsFromCli } from '../server/modules/ledger/resident-import-cli.ts';
import { loadMasterKey, sensitiveBox } from '../server/security/sensitive.ts';

const HELP = `linli — community epidemic prevention and grid management

Usage:
  linli serve                         start the server (PORT, LINLI_DATA_DIR, DATABASE_URL…)
  linli migrate                       bring the database schema up to date
  linli demo                          load the demo communities and users
  linli org import FILE [--dry-run] [--skip-invalid]
                                      load org units from .csv/.xlsx (code, name, parent code)
  linli import residents FILE --community CODE [--dry-run] [--skip-invalid]
                                      load a resident sheet (.xlsx, the template's columns)
                                      into a community; a person is matched by ID number
  linli user reset-password USERNAME  give a user a new one-time password
  linli help                          this text
`;

async function withDatabase<T>(fn: (db: Database) => Promise<T>, opts: { migrate?: boolean } = {}): Promise<T> {
  const database = openDatabase(loadConfig());
  try {
    if (opts.migrate !== false) await migrateToLatest(database);
    return await fn(database);
  } finally {
    await database.destroy();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve':
    case undefined:
      await serve(loadConfig());
      return -1;
    case 'migrate': {
      const applied = await withDatabase((db) => migrateToLatest(db), { migrate: false });
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date');
      return 0;
    }
    case 'demo':
      return withDatabase(async (db) => {
        const config = loadConfig();
        if (config.demoPassword && config.demoPassword.length < 8) {
          console.error('LINLI_DEMO_PASSWORD must have at least 8 characters');
          return 1;
        }
        const box = sensitiveBox(loadMasterKey({ dataDir: config.dataDir, envKey: config.key }));
        const r = await loadDemo(db, systemActor(), config.demoPassword, box);
        console.log(`demo loaded: ${r.unitsCreated} units, ${r.usersCreated} users and ${r.residentsCreated} residents and ${r.gateRegistrations} gate registrations and ${r.peopleObserved} people under observation added`);
        if (r.usersCreated > 0) {
          console.log(`demo users: ${DEMO_USERS.map((u) => u.username).join(', ')}`);
          console.log(r.passwordWasGenerated ? `their password (random, shown once): ${r.password}` : 'their password: LINLI_DEMO_PASSWORD');
        }
        return 0;
      });
    case 'org': {
      const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { 'dry-run': { type: 'boolean' }, 'skip-invalid': { type: 'boolean' } } });
      if (positionals[0] !== 'import' || !positionals[1]) break;
      const file = positionals[1];
      return withDatabase(async (db) => {
        const r = await importOrgUnits(db, systemActor(), file, { dryRun: values['dry-run'], skipInvalid: values['skip-invalid'] });
        const locale = cliLocale();
        for (const p of r.problems) {
          const params = Object.fromEntries(Object.entries(p.params ?? {}).map(([k, v]) => [k, typeof v === 'string' && v.includes('.') ? translate(locale, v) : v]));
          console.log(`row ${p.row}, ${p.column}: ${translate(locale, p.key, params)}`);
        }
        console.log(`${r.written ? 'written' : 'not written'}: ${r.created} new, ${r.updated} updated, ${r.unchanged} unchanged, ${r.problems.length} problem(s)`);
        if (!r.written && r.problems.length > 0) console.log('Fix the rows above, or use --skip-invalid to load the good rows only.');
        return r.problems.length > 0 && !r.written ? 1 : 0;
      });
    }
    case 'import': {
      const { values, positionals } = parseArgs({
        args: rest, allowPositionals: true,
        options: { community: { type: 'string' }, 'dry-run': { type: 'boolean' }, 'skip-invalid': { type: 'boolean' } },
      });
      if (positionals[0] !== 'residents' || !positionals[1] || !values.community) break;
      const file = positionals[1];
      const code = values.community;
      return withDatabase(async (db) => {
        const config = loadConfig();
        const locale = cliLocale();
        const r = await importResidentsFromCli(db, sensitiveBox(loadMasterKey({ dataDir: config.dataDir, envKey: config.key })), {
          file, communityCode: code, dryRun: values['dry-run'] ?? false, skipInvalid: values['skip-invalid'] ?? false, locale,
        });
        if ('error' in r) {
          console.error(r.error);
          return 1;
        }
        for (const p of r.problems) console.log(`row ${p.row}, ${p.column}: ${p.message}`);
        console.log(`${r.written ? 'written' : 'not written'}: ${r.created} new, ${r.updated} updated, ${r.unchanged} unchanged, ${r.newHouseholds} new households, ${r.invalidRows} row(s) with problems`);
        if (!r.written && r.problems.length > 0 && !values['dry-run']) console.log('Fix the rows above, or use --skip-invalid to load the good rows only.');
        return r.problems.length > 0 && !r.written ? 1 : 0;
      });
    }
    case 'user': {
      if (rest[0] !== 'reset-password' || !rest[1]) break;
      const username = rest[1];
      return withDatabase(async (db) => {
        const password = await resetPasswordByUsername(db, systemActor(), username);
        if (!password) {
          console.error(`no user ${username}`);
          return 1;
        }
        console.log(`one-time password for ${username} (shown once): ${password}`);
        return 0;
      });
    }
    case 'help':
    case '--help':
      console.log(HELP);
      return 0;
  }
  console.error(HELP);
  return 2;
}

/** Messages in the operator's language: English when LANG says so, else Chinese. */
function cliLocale(): 'en' | 'zh-CN' {
  return (process.env.LANG ?? '').startsWith('en') ? 'en' : 'zh-CN';
}

const code = await main(process.argv.slice(2));
if (code >= 0) process.exit(code);
