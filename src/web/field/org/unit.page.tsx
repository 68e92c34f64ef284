import { Button, NavBar, Result, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import type { OrgUnitDetail } from '../../../contract/org.ts';
import type { ApiRequestError } from '../../shared/api.ts';
import { QueryView } from '../shared/query-view.component.tsx';
import { Breadcrumb } from './breadcrumb.component.tsx';
import { useOrgUnit, useOrgUnits } from './org.resource.ts';
import { UnitList } from './unit-list.component.tsx';

/** One unit: where it sits (breadcrumb), what it is, and the units below it to tap into. */
export function UnitPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const unit = useOrgUnit(id);
  // Opened from a link or typed in: there is no page to go back to, so "back" goes home.
  const back = () => (location.key === 'default' ? navigate('/') : navigate(-1));

  return (
    <div className="field-page">
      <NavBar onBack={back} back={t('field:common.back')}>
        {unit.data?.name ?? t('field:unit.title')}
      </NavBar>
      <QueryView result={unit} renderRefusal={(e) => <Refused error={e} />}>
        {(u) => <UnitDetail unit={u} />}
      </QueryView>
    </div>
  );
}

function UnitDetail({ unit }: { unit: OrgUnitDetail }) {
  const { t } = useTranslation();
  const children = useOrgUnits(unit.id);
  return (
    <>
      <section className="field-unit-head">
        {/* The unit's own name is the title just below, so the trail stops at its parent. */}
        <Breadcrumb trail={unit.ancestors} endsAtUnit={false} testId="unit-breadcrumb" />
        <h1 data-testid="unit-title">{unit.name}</h1>
        <div className="field-tags">
          <Tag color="primary" fill="outline">
            {t(`server:orgKinds.${unit.kind}`)}
          </Tag>
          {!unit.current && <Tag color="default">{t('field:unit.dissolved')}</Tag>}
          <span className="field-muted">{t('field:unit.code', { code: unit.code })}</span>
        </div>
      </section>
      <section aria-labelledby="unit-children-title">
        <h2 id="unit-children-title" className="field-section-title">
          {t('field:unit.children')}
        </h2>
        <QueryView result={children}>
          {(list) =>
            list.length > 0 ? (
              <UnitList units={list} testId="unit-children" />
            ) : (
              <p className="field-muted field-pad" data-testid="no-children">
                {t('field:unit.noChildren')}
              </p>
            )
          }
        </QueryView>
      </section>
    </>
  );
}

/** Outside the user's area (or gone): the server's own words, and a way home. */
function Refused({ error }: { error: ApiRequestError }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div data-testid="not-found" className="field-state">
      <Result status="warning" title={error.message} />
      <Button block size="large" color="primary" fill="outline" onClick={() => navigate('/', { replace: true })}>
        {t('field:common.backHome')}
      </Button>
    </div>
  );
}
