import { Breadcrumb } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../contract/auth.ts';
import { useOrgUnit } from '../../org/org.resource.ts';
import { firstOwnIndex } from './office-format.ts';

interface Props {
  me: Me;
  unit: { id: string; name: string; kind: string };
  onOpen: (unitId: string) => void;
}

/** The way back up from a drilled-down level, starting where the user's own area starts. */
export function OfficeBreadcrumb({ me, unit, onOpen }: Props) {
  const { t } = useTranslation();
  const detail = useOrgUnit(unit.id);
  const chain = detail.data ? [...detail.data.ancestors, { id: unit.id, name: unit.name, kind: unit.kind }] : [unit];
  const shown = chain.slice(firstOwnIndex(me, chain));
  return (
    <Breadcrumb
      data-testid="level-breadcrumb"
      items={shown.map((c, i) => ({
        key: c.id,
        title:
          i < shown.length - 1 ? (
            <a onClick={() => onOpen(c.id)} data-testid="level-crumb" data-name={c.name}>
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
