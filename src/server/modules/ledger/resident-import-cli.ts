import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { userInfo } from 'node:os';
import type { Database } from '../../../db/database.ts';
import type { Locale } from '../../../contract/common.ts';
import type { ImportReport } from '../../../contract/ledger.ts';
import { translate } from '../../../i18n/messages.ts';
import type { Actor } from '../../actor.ts';
import { AppError } from '../../errors.ts';
import type { SensitiveBox } from '../../security/sensitive.ts';
import { orgRepository } from '../org/org.repository.ts';
import { residentImportService } from './resident-import.service.ts';

/**
 * `linli import residents FILE --community CODE`: the same checks and writes
 * as the console's import, by the operator at the server, who acts as the
 * community's administrator (the audit trail names them cli:<os user>).
 */
export async function importResidentsFromCli(
  database: Database,
  box: SensitiveBox,
  opts: { file: string; communityCode: string; dryRun: boolean; skipInvalid: boolean; locale: Locale; maxBytes?: number },
): Promise<ImportReport | { error: string }> {
  const community = await orgRepository.findByCode(database.db, opts.communityCode);
  if (!community || community.kind !== 'community') return { error: translate(opts.locale, 'errors.NOT_FOUND') + ` (${opts.communityCode})` };
  const actor: Actor = {
    userId: '',
    username: `cli:${userInfo().username}`,
    grants: [{ assignmentId: '', role: 'community_admin', unitId: community.id, path: community.path }],
    ip: null,
  };
  try {
    if (extname(opts.file).toLowerCase() !== '.xlsx') throw new AppError('FILE_NOT_XLSX');
    const max = opts.maxBytes ?? 200 * 1_048_576;
    if (statSync(opts.file).size > max) throw new AppError('FILE_TOO_LARGE', { params: { limit: `${max / 1_048_576} MB` } });
    return await residentImportService(database, box).run(actor, community.id, readFileSync(opts.file), {
      commit: !opts.dryRun, skipInvalid: opts.skipInvalid, locale: opts.locale,
    });
  } catch (e) {
    if (e instanceof AppError) {
      const params = Object.fromEntries(Object.entries(e.options.params ?? {}).map(([k, v]) => [k, typeof v === 'string' && v.includes('.') ? translate(opts.locale, v) : v]));
      return { error: translate(opts.locale, `errors.${e.code}`, params) };
    }
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { error: `${opts.file}: no such file` };
    throw e;
  }
}
