import { CapsuleTabs, ErrorBlock, List, NavBar, PullToRefresh, SearchBar } from 'antd-mobile';
import { useDeferredValue } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import type { ArrivalSummary } from '../../../contract/observation.ts';
import { useMe } from '../../shared/session.ts';
import { QueryView } from '../shared/query-view.component.tsx';
import { useObservationCommunity } from './observation-community.ts';
import { useArrivals, type ArrivalStatus } from './observation.resource.ts';
import { PlanStatusTag } from './plan-status.component.tsx';
import '../screening/screening.css';
import './observation.css';

const STATUSES: readonly ArrivalStatus[] = ['observing', 'none', 'released', 'all'];

/** The community's arrivals (/observation/arrivals): search by name, ID or phone digits; under observation, not yet, released, all. */
export function ArrivalsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const me = useMe();
  const { community } = useObservationCommunity(me.data);
  const [params, setParams] = useSearchParams();
  const status = (STATUSES as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as ArrivalStatus) : 'observing';
  const q = params.get('q') ?? '';
  const deferred = useDeferredValue(q.trim());
  const arrivals = useArrivals(community?.id, status, deferred);
  const set = (patch: Record<string, string>) =>
    setParams(
      (prev) => {
        const p = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v) p.set(k, v);
          else p.delete(k);
        }
        return p;
      },
      { replace: true },
    );
  const back = () => (location.key === 'default' ? navigate('/observation') : navigate(-1));

  return (
    <div className="field-page" data-testid="arrivals-page">
      <NavBar onBack={() => void back()} back={t('field:common.back')}>
        {t('observation-field:arrivals.title')}
      </NavBar>
      <div className="obs-search">
        <SearchBar placeholder={t('observation-field:arrivals.searchPlaceholder')} value={q} onChange={(v) => set({ q: v })} data-testid="arrivals-search" />
      </div>
      <CapsuleTabs activeKey={status} onChange={(key) => set({ status: key })} className="obs-capsules">
        {STATUSES.map((s) => (
          <CapsuleTabs.Tab key={s} title={t(`observation:listStatus.${s}`)} />
        ))}
      </CapsuleTabs>
      <PullToRefresh onRefresh={() => arrivals.refetch()}>
        <QueryView result={arrivals}>
          {(list) =>
            list.length === 0 ? (
              <div className="field-state" data-testid="arrivals-empty">
                <ErrorBlock status="empty" title={q ? t('observation-field:arrivals.noMatch', { text: q }) : t('observation-field:arrivals.empty')} description={null} />
              </div>
            ) : (
              <List className="field-list field-card-list obs-arrivals" data-testid="arrival-list">
                {list.map((a) => (
                  <ArrivalRow key={a.id} arrival={a} />
                ))}
              </List>
            )
          }
        </QueryView>
      </PullToRefresh>
    </div>
  );
}

function ArrivalRow({ arrival: a }: { arrival: ArrivalSummary }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <List.Item
      onClick={() => void navigate(`/observation/arrivals/${a.id}`)}
      data-testid="arrival-row"
      data-name={a.name}
      description={
        <span className="obs-arrival-sub">
          <span>{[t(`observation:category.${a.category}`), a.origin, t('observation-field:arrivals.arrived', { day: a.arrivedOn })].join(' · ')}</span>
          {a.groupName && <span>{a.groupName}</span>}
          {a.plan && (
            <span>
              {t(`observation:planKind.${a.plan.kind}`)} · {t('observation-field:arrivals.checks', { done: a.plan.checksDone, total: a.plan.checksTotal })}
              {a.plan.checksOverdue > 0 && <strong className="obs-danger"> · {t('observation-field:arrivals.overdue', { count: a.plan.checksOverdue })}</strong>}
            </span>
          )}
        </span>
      }
      extra={
        <span className="obs-row-tags">
          <PlanStatusTag plan={a.plan} />
          {!a.letterSigned && <span className="obs-tag obs-tag-warning">{t('observation-field:arrivals.noLetter')}</span>}
        </span>
      }
    >
      <strong className="field-person-name">{a.name}</strong>
    </List.Item>
  );
}
