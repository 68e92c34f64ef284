import { useQueryClient } from '@tanstack/react-query';
import { ErrorBlock, NavBar, NoticeBar, PullToRefresh, Tabs } from 'antd-mobile';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { hasPermission, useMe } from '../../shared/session.ts';
import { useOnline } from '../offline/connectivity.ts';
import { QueryView } from '../shared/query-view.component.tsx';
import { groupRows, placeRows, tabCounts, type CheckRow, type CheckTab } from './check-lists.ts';
import { CheckStateTag } from './check-state-tag.component.tsx';
import { degrees, dueTimeOf } from './observation-format.ts';
import { CHECKS_KEY, useMyCheckLists } from './observation.resource.ts';
import { useReadingAnswers } from './reading-answers.ts';
import { readingChannel, useReadingOutbox } from './reading-outbox.ts';
import './observation.css';

const TABS: readonly CheckTab[] = ['due', 'overdue', 'done'];

/**
 * My checks (/observation/checks): today's due checks, the overdue ones and
 * today's done ones, grouped by group or place (the park's eight workers
 * together, the convoy together), each a big row with the person, the time
 * and a state colour; a tap records it. Each check sits in the tab of its
 * state now, worked out again from the clock (check-lists.ts), so it works
 * from the lists kept on the phone when there is no network, the next
 * morning too.
 */
export function ChecksPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const qc = useQueryClient();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('list') ?? '') ? (params.get('list') as CheckTab) : 'due';
  const enabled = hasPermission(me.data, 'observation.check');
  const lists = useMyCheckLists(enabled);
  const outbox = useReadingOutbox();
  const sync = readingChannel.useSyncState();
  const tabs = useMemo(() => placeRows(lists.checks, outbox.items, lists.today, lists.now), [lists.checks, outbox.items, lists.today, lists.now]);
  const counts = tabCounts(tabs);
  const waiting = outbox.items.filter((i) => i.status === 'waiting').length;
  const refused = outbox.items.length - waiting;
  const online = useOnline();
  // A batch refused as a whole (the session changed hands, a role was taken away) leaves every reading waiting: say why.
  // Offline, the banner at the top already says why nothing goes.
  const stuck = online && waiting > 0 && sync.lastError !== null;
  const back = () => (location.key === 'default' ? navigate('/observation') : navigate(-1));

  return (
    <div className="field-page obs-checks" data-testid="obs-checks">
      <NavBar onBack={() => void back()} back={t('field:common.back')}>
        {t('observation-field:checks.title')}
      </NavBar>
      {outbox.items.length > 0 && (
        <button type="button" className="obs-outbox-line" data-testid="obs-outbox-line" data-waiting={waiting} data-refused={refused} data-stuck={stuck} onClick={() => void navigate('/observation/outbox')}>
          <NoticeBar
            color={refused > 0 || stuck ? 'error' : 'info'}
            wrap
            content={[
              waiting > 0 ? t('observation-field:outbox.waiting', { count: waiting }) : null,
              refused > 0 ? t('observation-field:outbox.refused', { count: refused }) : null,
              stuck ? t('field:outbox.lastError', { message: sync.lastError }) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          />
        </button>
      )}
      <Tabs activeKey={tab} onChange={(key) => setParams({ list: key }, { replace: true })} className="obs-tabs">
        {TABS.map((key) => (
          <Tabs.Tab key={key} title={<span data-testid={`checks-tab-${key}`}>{t(`observation-field:checks.tabs.${key}`, { count: counts[key] })}</span>} />
        ))}
      </Tabs>
      <PullToRefresh onRefresh={() => qc.invalidateQueries({ queryKey: [CHECKS_KEY] })}>
        {lists.downloaded ? <CheckGroups rows={tabs[tab]} tab={tab} today={lists.today} /> : <QueryView result={lists.primary}>{() => <CheckGroups rows={tabs[tab]} tab={tab} today={lists.today} />}</QueryView>}
      </PullToRefresh>
    </div>
  );
}

function CheckGroups({ rows, tab, today }: { rows: CheckRow[]; tab: CheckTab; today: string }) {
  const { t } = useTranslation();
  const groups = useMemo(() => groupRows(rows), [rows]);
  if (rows.length === 0) {
    return (
      <div className="field-state" data-testid="checks-empty">
        <ErrorBlock status="empty" title={t(`observation-field:checks.empty.${tab}`)} description={t('observation-field:checks.emptyHint')} />
      </div>
    );
  }
  return (
    <div className="obs-check-groups" data-testid="check-list" data-list={tab}>
      {groups.map((g) => (
        <section key={g.title ?? ''} className="obs-check-group" data-testid="check-group">
          <h2 className="obs-check-group-title">
            <span>{g.title ?? t('observation-field:checks.ownGroup')}</span>
            <span className="field-muted">{t('observation-field:checks.groupCount', { count: g.rows.length })}</span>
          </h2>
          <ul className="obs-check-rows">
            {g.rows.map((row) => (
              <CheckRowItem key={row.check.id} row={row} today={today} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function CheckRowItem({ row, today }: { row: CheckRow; today: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const answers = useReadingAnswers();
  const { check, state } = row;
  const answer = answers.get(check.id);
  const value =
    row.item?.reading.temperature ?? check.temperature ?? null;
  const result = row.item?.reading.testResult ?? check.testResult ?? null;
  const recordable = state !== 'done';

  return (
    <li>
      <button
        type="button"
        className={`obs-check-row obs-check-row-${state}`}
        onClick={() => recordable && void navigate(`/observation/checks/${check.id}`)}
        disabled={!recordable}
        data-testid="check-row"
        data-check={check.id}
        data-name={check.name}
        data-kind={check.kind}
        data-state={state}
      >
        <span className="obs-check-main">
          <strong className="obs-check-name">{check.name}</strong>
          <span className="obs-check-sub">
            {t(`observation:checkKind.${check.kind}`)} · {t('observation-field:checks.dueAt', { time: dueTimeOf(check.dueAt, today) })}
            {check.kind === 'temperature' && value !== null && ` · ${degrees(value)} ${t('gates:temperatureUnit')}`}
            {check.kind === 'test' && result && ` · ${t(`observation:testResult.${result}`)}`}
          </span>
          {row.item?.refusal && <span className="field-error">{row.item.refusal.message}</span>}
          {state === 'done' && answer && (
            <span className="obs-check-answer" data-testid="check-answer" data-result={answer.result}>
              {t(`observation-field:checks.answer.${answer.result}`)}
              {answer.alert && ` · ${t('observation-field:checks.alerted')}`}
            </span>
          )}
        </span>
        <span className="obs-check-side">
          <CheckStateTag state={state} />
          {check.late && state === 'done' && <span className="field-muted">{t('observation:late')}</span>}
        </span>
      </button>
    </li>
  );
}
