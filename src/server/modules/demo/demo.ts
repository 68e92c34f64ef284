import type { Database } from '../../../db/database.ts';
import { refreshStatistics } from '../../../db/dialect.ts';
import { hashPassword, oneTimePassword } from '../../security/password.ts';
import type { Actor } from '../../actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { orgRepository } from '../org/org.repository.ts';
import { createUnit } from '../org/org.service.ts';
import { usersRepository } from '../users/users.repository.ts';
import { DEMO_UNITS, DEMO_USERS } from './demo-data.ts';
import { loadDemoLedger } from './demo-ledger-load.ts';
import { demoId } from './demo-ids.ts';
import { loadDemoGates } from './demo-gates.ts';
import { loadDemoObservation } from './demo-observation.ts';
import { loadDemoRosters } from './demo-rosters.ts';
import { loadDemoReports } from './demo-reports.ts';
import type { SensitiveBox } from '../../security/sensitive.ts';

export { demoId };

export interface DemoResult {
  unitsCreated: number;
  usersCreated: number;
  residentsCreated: number;
  /** Gate registrations of 船厂社区's demo day (0 when its gates were already there). */
  gateRegistrations: number;
  /** Outside workers and returnees of 中路社区 put under observation (0 when they were already there). */
  peopleObserved: number;
  password: string;
  passwordWasGenerated: boolean;
}

/**
 * Loads the demo: the two communities' hierarchy, one user per role and
 * unit, and (given the key that seals ID numbers) their household ledgers.
 * Running it again adds only what is missing.
 */
export async function loadDemo(database: Database, actor: Actor, password?: string, box?: SensitiveBox): Promise<DemoResult> {
  const demoPassword = password ?? oneTimePassword(12);
  const hash = await hashPassword(demoPassword);
  const { db } = database;
  const result = await db.transaction().execute(async (trx) => {
    let unitsCreated = 0;
    for (const u of DEMO_UNITS) {
      if (await orgRepository.findByCode(trx, u.code)) continue;
      const parent = u.parent ? await orgRepository.findByCode(trx, u.parent) : undefined;
      await createUnit(trx, actor, {
        id: demoId(`unit:${u.code}`),
        parentId: parent?.id ?? null,
        kind: u.kind,
        code: u.code,
        name: u.name,
        validFrom: u.validFrom ?? '2000-01-01',
        validTo: u.validTo ?? null,
      });
      unitsCreated++;
    }
    let usersCreated = 0;
    const now = new Date().toISOString();
    for (const [i, u] of DEMO_USERS.entries()) {
      if (await usersRepository.findByUsername(trx, u.username)) continue;
      const unit = await orgRepository.findByCode(trx, u.unit);
      if (!unit) throw new Error(`demo unit ${u.unit} missing`);
      const id = demoId(`user:${u.username}`);
      await usersRepository.insert(trx, {
        // Numbers of the 13900000xxx series: made up, but shaped like real ones so masking shows.
        id, username: u.username, mobile: `139${String(i + 1).padStart(8, '0')}`, display_name: u.displayName, password_hash: hash,
        must_change_password: 0, locale: 'zh-CN', created_at: now, updated_at: now, disabled_at: null,
      });
      await usersRepository.insertAssignment(trx, {
        id: demoId(`role:${u.username}`), user_id: id, role: u.role, org_unit_id: unit.id, org_path: unit.path,
        valid_from: now, valid_to: null, granted_by: null,
      });
      await recordAudit(trx, actor, actor.grants[0] ?? null, {
        action: 'users.create', entityType: 'user', entityId: id, path: unit.path,
        after: { username: u.username, displayName: u.displayName, roles: [`${u.role}@${unit.path}`], demo: true },
      });
      usersCreated++;
    }
    const residentsCreated = box ? await loadDemoLedger(trx, actor, box) : 0;
    return { unitsCreated, usersCreated, residentsCreated, password: demoPassword, passwordWasGenerated: password === undefined };
  });
  // Gates after the ledger is committed: passes are issued to its households.
  const gateRegistrations = box ? await loadDemoGates(database, box) : 0;
  // Observation after the ledger too: returnees stay with its households.
  const peopleObserved = box ? await loadDemoObservation(database, box) : 0;
  // Teams, rosters and the briefing need the gates' checkpoints.
  if (box) await loadDemoRosters(database, box);
  // Reports last: their figures are counted from all of the above.
  if (box) await loadDemoReports(database);
  if (result.residentsCreated > 0 || gateRegistrations > 0 || peopleObserved > 0) await refreshStatistics(database);
  return { ...result, gateRegistrations, peopleObserved };
}
