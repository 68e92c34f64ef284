import { Breadcrumb } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../contract/auth.ts';
import type { Permission } from '../../../domain/access/roles.ts';
import { useOrgUnit } from '../org/org.resource.ts';
import { firstOwnIndex } from './own-area.ts';

interface Props {
  me: Me;
  unit: { id: string; name: string; kind: string };
  /** What the page shows at each unit: the way up starts at the first unit where one of the user's roles has it. */
  permission: Permission;
  /** Opens the page at another unit (one above, on the way back up). */
  onOpen: (unitId: string) => void;
  /** Test ids: `${testId}-breadcrumb`, and `${testId}-crumb` for each unit above. */
  testId: string;
}

/**
 * The way back up from a unit drilled down to: its ancestors from the top of
 * the user's own area down to it. Units above that area are left out (what
 * the page shows there is not the user's to see).
 */
export function UnitBreadcrumb({ me, unit, permission, onOpen, testId }: Props) {
  const { t } = useTranslation();
  const detail = useOrgUnit(unit.id);
  const chain = detail.data ? [...detail.data.ancestors, { id: unit.id, name: unit.name, kind: unit.kind }] : [unit];
  const shown = chain.slice(firstOwnIndex(me, chain, permission));
  return (
    <Breadcrumb
      data-testid={`${testId}-breadcrumb`}
      items={shown.map((c, i) => ({
        key: c.id,
        title:
          i < shown.length - 1 ? (
            <a onClick={() => onOpen(c.id)} data-testid={`${testId}-crumb`} data-name={c.name}>
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
