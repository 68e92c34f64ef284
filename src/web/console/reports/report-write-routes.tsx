import { Route } from 'react-router-dom';
import type { Me } from '../../../contract/auth.ts';
import { hasPermission } from '../../shared/session.ts';
import { NotAllowed } from '../shared/not-found.component.tsx';
import { ReportPrintPage } from './write/report-print.page.tsx';
import { ReportWritePage } from './write/report-write.page.tsx';

/** A community's (or its work team's) daily report: write, submit, correct; its print view. */
export function reportWritePageRoutes(me: Me) {
  const ok = hasPermission(me, 'report.write') || hasPermission(me, 'report.team');
  return (
    <>
      <Route path="reports/write" element={ok ? <ReportWritePage me={me} /> : <NotAllowed />} />
      <Route path="reports/write/:communityId/:day" element={ok ? <ReportWritePage me={me} /> : <NotAllowed />} />
    </>
  );
}

/** Any version of a report on A4, outside the console's frame (offices above read it too). */
export function reportWritePrintRoutes(me: Me) {
  return <Route path="reports/print/:reportId" element={hasPermission(me, 'report.read') ? <ReportPrintPage /> : <NotAllowed />} />;
}
