import { Card } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../contract/auth.ts';
import { Breadcrumb } from '../org/breadcrumb.component.tsx';

/** "My scope": each role the user holds, the unit it is held at and where that unit sits in the hierarchy. */
export function ScopeCard({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <Card title={t('field:home.myScope')} data-testid="my-scope" className="field-card">
      {me.roles.length === 0 && <p className="field-muted">{t('field:home.noRoles')}</p>}
      <ul className="field-scope-list">
        {me.roles.map((grant) => (
          <li key={grant.assignmentId} className="field-scope-item" data-testid="scope-role">
            <div className="field-scope-role">
              <strong>{t(`server:roles.${grant.role}`)}</strong>
              {grant.unit && <span className="field-muted">{t(`server:orgKinds.${grant.unit.kind}`)}</span>}
            </div>
            {grant.unit ? (
              <Breadcrumb trail={[...grant.unit.ancestors, grant.unit]} testId="scope-breadcrumb" />
            ) : (
              <div className="field-muted">{t('field:home.everywhere')}</div>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
