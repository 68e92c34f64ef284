import { Route } from 'react-router-dom';
import type { Me } from '../../../contract/auth.ts';
import { hasPermission } from '../../shared/session.ts';
import { NotAllowed } from '../shared/not-found.component.tsx';
import { IssuesPage } from './office/issues.page.tsx';
import { LevelPage } from './office/level.page.tsx';
import { LevelPrintPage } from './office/level-print.page.tsx';

/**
 * The offices' view of a level's reports and totals, the issues sent up and
 * their answers, the rules. Whoever reads reports may open them (the server
 * keeps each reader to their area); answering and the rule need more.
 */
export function reportOfficePageRoutes(me: Me) {
  const ok = hasPermission(me, 'report.read');
  return (
    <>
      <Route path="reports" element={ok ? <LevelPage me={me} /> : <NotAllowed />} />
      <Route path="reports/issues" element={ok ? <IssuesPage me={me} /> : <NotAllowed />} />
      <Route path="reports/:orgId" element={ok ? <LevelPage me={me} /> : <NotAllowed />} />
    </>
  );
}

/** The level's totals on A4 landscape, outside the console's frame. */
export function reportOfficePrintRoutes(me: Me) {
  return <Route path="reports/level/print" element={hasPermission(me, 'report.read') ? <LevelPrintPage /> : <NotAllowed />} />;
}
