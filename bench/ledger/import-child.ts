/**
 * Runs one resident import in its own process, so that its peak memory
 * (maxRSS) is the import's alone. Arguments: a JSON of
 * { connection, file, communityCode }; prints a JSON line with the result.
 */
import { openDatabase } from '../../src/db/database.ts';
import { importResidentsFromCli } from '../../src/server/modules/ledger/resident-import-cli.ts';
import { sensitiveBox } from '../../src/server/security/sensitive.ts';

const args = JSON.parse(process.argv[2]!) as { connection: { databaseUrl?: string; sqliteFile: string }; file: string; communityCode: string };
const database = openDatabase(args.connection);
const started = performance.now();
const report = await importResidentsFromCli(database, sensitiveBox(Buffer.alloc(32, 7)), {
  file: args.file, communityCode: args.communityCode, dryRun: false, skipInvalid: false, locale: 'en',
});
const ms = performance.now() - started;
await database.destroy();
console.log(JSON.stringify({ ms, maxRssMiB: process.resourceUsage().maxRSS / 1024, report: 'error' in report ? report : { ...report, problems: report.problems.slice(0, 5) } }));
