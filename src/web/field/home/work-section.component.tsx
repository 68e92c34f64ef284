import { Badge, Card, List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { hasPermission, useMe } from '../../shared/session.ts';
import { GateIcon, PatrolIcon } from '../gate/gate-icons.component.tsx';
import { useGateTools } from '../gate/gate-tools.ts';
import { ObservationIcon } from '../observation/observation-icon.component.tsx';
import { mayObserve, useObservationAlertCount, useObservationOnPhone } from '../observation/observation-tools.ts';
import { useMyOutbox } from '../offline/outbox.ts';
import { ScreeningIcon, SearchIcon } from '../screening/tab-icons.component.tsx';
import '../ledger/ledger.css';

/**
 * The field tools the user's roles switch on: for those who record visits,
 * finding a resident and door-to-door screening (with what still waits on the
 * phone); for those with an entrance or a patrol group, the gate desk and the
 * patrol; for those who follow outside personnel and returnees, their checks
 * and lists. Others see that their tools are still to come, rather than tiles
 * that lead nowhere.
 */
export function WorkSection() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { items } = useMyOutbox();
  const gates = useGateTools();
  const visits = hasPermission(me.data, 'screening.visit');
  const observation = mayObserve(me.data);
  const readings = useObservationOnPhone();
  const alerts = useObservationAlertCount();
  if (!visits && !gates.gate && !gates.patrol && !observation) {
    return (
      <Card title={t('field:home.work')} data-testid="work-section" className="field-card">
        <div className="field-empty" data-testid="work-empty">
          <p>{t('field:home.workEmpty')}</p>
          <p className="field-muted">{t('field:home.workEmptyHint')}</p>
        </div>
      </Card>
    );
  }
  return (
    <section aria-labelledby="work-title" data-testid="work-section">
      <h2 id="work-title" className="field-section-title">
        {t('field:home.work')}
      </h2>
      <List className="field-list field-work-list">
        {visits && (
          <List.Item prefix={<SearchIcon />} onClick={() => navigate('/search')} description={t('field:ledger.entryHint')} data-testid="work-search">
            {t('field:ledger.entry')}
          </List.Item>
        )}
        {visits && (
          <List.Item
            prefix={<ScreeningIcon />}
            onClick={() => navigate('/screening')}
            description={items.length > 0 ? t('field:outbox.onPhone', { count: items.length }) : t('field:screening.entryHint')}
            extra={items.length > 0 ? <Badge content={items.length} /> : null}
            data-testid="work-screening"
          >
            {t('field:screening.entry')}
          </List.Item>
        )}
        {gates.gate && (
          <List.Item
            prefix={<GateIcon />}
            onClick={() => navigate('/gate')}
            description={gates.onPhone > 0 ? t('gate-field:outbox.onPhone', { count: gates.onPhone }) : t('gate-field:entryHint')}
            extra={gates.onPhone > 0 ? <Badge content={gates.onPhone} /> : null}
            data-testid="work-gate"
          >
            {t('gate-field:entry')}
          </List.Item>
        )}
        {gates.patrol && (
          <List.Item prefix={<PatrolIcon />} onClick={() => navigate('/patrol')} description={t('gate-field:patrol.entryHint')} data-testid="work-patrol">
            {t('gate-field:patrol.entry')}
          </List.Item>
        )}
        {observation && (
          <List.Item
            prefix={<ObservationIcon />}
            onClick={() => navigate('/observation')}
            description={
              alerts > 0 ? (
                <span className="field-error">{t('observation-field:alerts.title', { count: alerts })}</span>
              ) : readings > 0 ? (
                t('observation-field:outbox.onPhone', { count: readings })
              ) : (
                t('observation-field:entryHint')
              )
            }
            extra={alerts + readings > 0 ? <Badge content={alerts > 0 ? alerts : readings} /> : null}
            data-testid="work-observation"
          >
            {t('observation-field:entry')}
          </List.Item>
        )}
      </List>
    </section>
  );
}
