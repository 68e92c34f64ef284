import { Breadcrumb } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import type { Me } from '../../../contract/auth.ts';
import { roleAllows } from '../../../domain/access/roles.ts';
import { useOrgUnit } from '../org/org.resource.ts';
import { crumbsOf, dashboardPath } from './dashboard-links.ts';

interface Props {
  me: Me;
  unit: { id: string; name: string };
  day: string | undefined;
}

/** The units from the top down to the one shown; those within the user's reach open their dashboard. */
export function UnitCrumbs({ me, unit, day }: Props) {
  const detail = useOrgUnit(unit.id);
  const reachFrom = useMemo(() => {
    const grants = me.roles.filter((g) => roleAllows(g.role, 'report.read'));
    return grants.some((g) => g.unit === null) ? null : new Set(grants.map((g) => g.unit!.id));
  }, [me]);
  const crumbs = crumbsOf(detail.data?.ancestors ?? [], unit, reachFrom);
  return (
    <Breadcrumb
      data-testid="dash-crumbs"
      items={crumbs.map((c, i) => ({
        key: c.id,
        title:
          c.reachable && i < crumbs.length - 1 ? (
            <Link to={dashboardPath(c.id, { day })} data-testid="dash-crumb">
              {c.name}
            </Link>
          ) : (
            <span data-testid={i === crumbs.length - 1 ? 'dash-crumb-current' : undefined}>{c.name}</span>
          ),
      }))}
    />
  );
}
