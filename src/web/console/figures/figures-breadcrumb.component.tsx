import { Breadcrumb } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../contract/auth.ts';
import { roleAllows } from '../../../domain/access/roles.ts';
import { useOrgUnit } from '../org/org.resource.ts';

interface Props {
  me: Me;
  unit: { id: string; name: string; kind: string };
  /** Opens another unit's figures (one above, on the way back up). */
  onOpen: (unitId: string) => void;
}

/**
 * The way back up: the unit's ancestors from the top of the user's own area
 * down to it. Units above that area are left out (their figures are not the
 * user's to see).
 */
export function FiguresBreadcrumb({ me, unit, onOpen }: Props) {
  const { t } = useTranslation();
  const detail = useOrgUnit(unit.id);
  const chain = detail.data ? [...detail.data.ancestors, { id: unit.id, name: unit.name, kind: unit.kind }] : [unit];
  const start = firstOwn(me, chain);
  const shown = chain.slice(start);
  return (
    <Breadcrumb
      data-testid="figures-breadcrumb"
      items={shown.map((c, i) => ({
        key: c.id,
        title:
          i < shown.length - 1 ? (
            <a onClick={() => onOpen(c.id)} data-testid="figures-crumb">
              {c.name}
            </a>
          ) : (
            <span>
              {c.name} · {t(`server:orgKinds.${c.kind}`)}
            </span>
          ),
      }))}
    />
  );
}

/** The index of the first unit in the chain where one of the user's roles sees figures. */
function firstOwn(me: Me, chain: readonly { id: string }[]): number {
  if (me.roles.some((r) => r.role === 'system_admin')) return 0;
  const own = new Set(me.roles.filter((r) => r.unit && roleAllows(r.role, 'ledger.figures')).map((r) => r.unit!.id));
  const i = chain.findIndex((c) => own.has(c.id));
  return i === -1 ? chain.length - 1 : i;
}
