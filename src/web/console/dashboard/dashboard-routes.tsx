import { Card, Skeleton } from 'antd';
import { lazy, Suspense } from 'react';
import { Route } from 'react-router-dom';
import type { Me } from '../../../contract/auth.ts';
import { hasPermission } from '../../shared/session.ts';
import { NotAllowed } from '../shared/not-found.component.tsx';

// The dashboard and its charts (ECharts) load when first opened: the rest of the console does not wait for them.
const DashboardPage = lazy(() => import('./dashboard.page.tsx').then((m) => ({ default: m.DashboardPage })));

/** Today at a glance for the user's level, live; `/dashboard/:orgId` for a unit within it. */
export function dashboardPageRoutes(me: Me) {
  const page = hasPermission(me, 'report.read') ? (
    <Suspense
      fallback={
        <Card>
          <Skeleton active paragraph={{ rows: 10 }} />
        </Card>
      }
    >
      <DashboardPage me={me} />
    </Suspense>
  ) : (
    <NotAllowed />
  );
  return (
    <>
      <Route path="dashboard" element={page} />
      <Route path="dashboard/:orgId" element={page} />
    </>
  );
}
