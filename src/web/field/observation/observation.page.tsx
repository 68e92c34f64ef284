import { useQueryClient } from '@tanstack/react-query';
import { Badge, List, PullToRefresh, Selector } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { hasPermission, useMe } from '../../shared/session.ts';
import { useOnline } from '../offline/connectivity.ts';
import { ObservationAlerts } from './alerts-band.component.tsx';
import { placeRows, tabCounts } from './check-lists.ts';
import { ObservationIcon } from './observation-icon.component.tsx';
import { useObservationCommunity } from './observation-community.ts';
import { useMyCheckLists, usePendingDeclarations } from './observation.resource.ts';
import { readingChannel, useReadingOutbox } from './reading-outbox.ts';
import '../screening/screening.css';
import './observation.css';

/**
 * Outside personnel and returnees (/observation): the lead's alerts first,
 * then the work the user's roles allow — my checks (with what waits on the
 * phone), the community's arrivals, registering one, and the self-declarations
 * waiting for review.
 */
export function ObservationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const me = useMe();
  const { community, communities, choose } = useObservationCommunity(me.data);
  const may = (p: Parameters<typeof hasPermission>[1]) => hasPermission(me.data, p);
  const checks = may('observation.check');
  const write = may('observation.write');
  const lists = useMyCheckLists(checks);
  const outbox = useReadingOutbox();
  const sync = readingChannel.useSyncState();
  const online = useOnline();
  const declarations = usePendingDeclarations(write ? community?.id : undefined);
  // The same counts as the tabs of "my checks".
  const { due: dueOpen, overdue: overdueOpen } = tabCounts(placeRows(lists.checks, outbox.items, lists.today, lists.now));
  const pending = declarations.data?.pages[0]?.items.length ?? 0;
  const morePending = Boolean(declarations.data?.pages[0]?.nextCursor);
  const refused = outbox.items.some((i) => i.status === 'refused');
  // Readings that cannot go (a batch refused as a whole) say why here too, not only on the outbox page.
  const stuck = online && sync.lastError !== null && outbox.items.some((i) => i.status === 'waiting');

  return (
    <PullToRefresh onRefresh={() => qc.invalidateQueries()}>
      <header className="field-hero field-hero-compact">
        <h1>{t('observation-field:title')}</h1>
        <p data-testid="obs-community">{community?.name ?? t('observation-field:noCommunity')}</p>
      </header>
      <div className="field-stack" data-testid="obs-hub">
        {communities.length > 1 && community && (
          <Selector
            className="obs-choice field-selector obs-pad"
            columns={2}
            options={communities.map((c) => ({ value: c.id, label: c.name }))}
            value={[community.id]}
            onChange={(v) => v[0] && choose(v[0])}
          />
        )}
        {may('observation.manage') && community && <ObservationAlerts communityId={community.id} />}
        <List className="field-list field-card-list obs-tiles">
          {checks && (
            <List.Item
              prefix={<ObservationIcon />}
              onClick={() => void navigate('/observation/checks')}
              description={
                overdueOpen > 0
                  ? t('observation-field:hub.checksOverdue', { due: dueOpen, overdue: overdueOpen })
                  : dueOpen > 0
                    ? t('observation-field:hub.checksDue', { count: dueOpen })
                    : t('observation-field:hub.checksNone')
              }
              extra={dueOpen + overdueOpen > 0 ? <Badge content={dueOpen + overdueOpen} color={overdueOpen > 0 ? 'var(--adm-color-danger)' : 'var(--adm-color-warning)'} /> : null}
              data-testid="obs-tile-checks"
            >
              {t('observation-field:hub.checks')}
            </List.Item>
          )}
          {outbox.items.length > 0 && (
            <List.Item
              onClick={() => void navigate('/observation/outbox')}
              description={
                stuck ? (
                  <span className="field-error" data-testid="obs-tile-outbox-error">
                    {t('field:outbox.lastError', { message: sync.lastError })}
                  </span>
                ) : refused ? (
                  t('observation-field:outbox.someRefused')
                ) : (
                  t('observation-field:outbox.onPhone', { count: outbox.items.length })
                )
              }
              extra={<Badge content={outbox.items.length} color={refused || stuck ? 'var(--adm-color-danger)' : 'var(--adm-color-warning)'} />}
              data-testid="obs-tile-outbox"
            >
              {t('observation-field:outbox.title')}
            </List.Item>
          )}
          {may('observation.read') && community && (
            <List.Item onClick={() => void navigate('/observation/arrivals')} description={t('observation-field:hub.arrivalsHint')} data-testid="obs-tile-arrivals">
              {t('observation-field:hub.arrivals')}
            </List.Item>
          )}
          {write && community && (
            <List.Item onClick={() => void navigate('/observation/register')} description={t('observation-field:hub.registerHint')} data-testid="obs-tile-register">
              {t('observation-field:hub.register')}
            </List.Item>
          )}
          {write && community && (
            <List.Item
              onClick={() => void navigate('/observation/declarations')}
              description={pending > 0 ? t('observation-field:hub.declarationsPending', { count: pending, more: morePending ? '+' : '' }) : t('observation-field:hub.declarationsNone')}
              extra={pending > 0 ? <Badge content={morePending ? `${pending}+` : pending} /> : null}
              data-testid="obs-tile-declarations"
            >
              {t('observation-field:hub.declarations')}
            </List.Item>
          )}
        </List>
      </div>
    </PullToRefresh>
  );
}
