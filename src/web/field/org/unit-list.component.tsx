import { List, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { OrgUnit } from '../../../contract/org.ts';

interface Props {
  units: readonly OrgUnit[];
  header?: string;
  testId?: string;
}

/** Units as big tappable rows: name, level and how many units lie below; a tap opens the unit. */
export function UnitList({ units, header, testId }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <List header={header} data-testid={testId} className="field-list">
      {units.map((u) => (
        <List.Item
          key={u.id}
          data-testid="unit-item"
          onClick={() => navigate(`/units/${u.id}`)}
          // No number here: the server's childCount also counts dissolved units, which the list below leaves out.
          description={u.childCount > 0 ? t('field:unit.hasChildren') : t('field:unit.noChildrenShort')}
          extra={
            <span className="field-tags">
              {!u.current && <Tag color="default">{t('field:unit.dissolved')}</Tag>}
              <Tag color="primary" fill="outline">
                {t(`server:orgKinds.${u.kind}`)}
              </Tag>
            </span>
          }
        >
          {u.name}
        </List.Item>
      ))}
    </List>
  );
}
