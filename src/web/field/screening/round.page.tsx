import { CapsuleTabs, ErrorBlock, List, NavBar } from 'antd-mobile';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { FieldLedger } from '../../../contract/ledger.ts';
import { byAddress, headOf, type Round } from '../ledger/ledger.resource.ts';
import { LedgerView } from '../ledger/ledger-view.component.tsx';
import { useMyOutbox } from '../offline/outbox.ts';
import { RoundCounts } from './round-card.component.tsx';
import { roundProgress } from './round-progress.ts';
import { emptyCounts, STATUS_ORDER } from './visit-status.ts';
import { VisitStatusTag } from './visit-status-tag.component.tsx';
import './screening.css';

const ALL = 'all';

/**
 * One round, for the user's own households: those still to visit first, then
 * those waiting to sync, then the visited; narrowed to one group if wanted
 * (the group stays in the address, so "back" from a household keeps it).
 */
export function RoundPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const back = () => (location.key === 'default' ? navigate('/screening') : navigate(-1));
  return (
    <div className="field-page">
      <NavBar onBack={back} back={t('field:common.back')}>
        {t('field:screening.roundTitle')}
      </NavBar>
      <LedgerView>
        {(ledger) => {
          const round = ledger.rounds.find((r) => r.id === id);
          return round ? (
            <RoundDetail ledger={ledger} round={round} />
          ) : (
            <div className="field-state" data-testid="not-found">
              <ErrorBlock status="empty" title={t('field:screening.roundGoneTitle')} description={t('field:screening.roundGone')} />
            </div>
          );
        }}
      </LedgerView>
    </div>
  );
}

function RoundDetail({ ledger, round }: { ledger: FieldLedger; round: Round }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { items } = useMyOutbox();
  const progress = useMemo(() => roundProgress(ledger, items, round), [ledger, items, round]);
  // Only the groups the user has households in: a grid worker sees one chip, a secretary all of them.
  const groups = useMemo(() => round.groups.filter((g) => progress.households.some((h) => h.household.groupId === g.id)), [round, progress]);
  const group = params.get('group') ?? ALL;
  const shown = useMemo(
    () =>
      progress.households
        .filter((h) => group === ALL || h.household.groupId === group)
        .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || byAddress(a.household, b.household)),
    [progress, group],
  );
  const filtered = group === ALL ? progress : { ...progress, households: shown, counts: countOf(shown) };

  return (
    <>
      <section className="field-unit-head">
        <h1 data-testid="round-name">{round.name}</h1>
        <p className="field-muted">
          {round.communityName} · {t('field:screening.since', { day: round.startsOn })}
        </p>
        <RoundCounts progress={filtered} />
      </section>
      {groups.length > 1 && (
        // One row that scrolls sideways: a community has 16 groups, the households must stay in sight.
        <div className="field-group-filter" data-testid="group-filter">
          <CapsuleTabs activeKey={group} onChange={(key) => setParams(key !== ALL ? { group: key } : {}, { replace: true })}>
            <CapsuleTabs.Tab key={ALL} title={t('field:screening.allGroups')} />
            {groups.map((g) => (
              <CapsuleTabs.Tab key={g.id} title={g.name} />
            ))}
          </CapsuleTabs>
        </div>
      )}
      {shown.length === 0 ? (
        <p className="field-muted field-pad" data-testid="no-households">
          {t('field:screening.noHouseholds')}
        </p>
      ) : (
        <List className="field-list" data-testid="round-households">
          {shown.map(({ household, status }) => (
            <List.Item
              key={household.id}
              onClick={() => navigate(`/households/${household.id}`)}
              extra={<VisitStatusTag status={status} />}
              description={`${household.groupName} · ${headOf(household)?.name ?? ''} · ${t('field:ledger.people', { count: household.members.length })}`}
              data-testid="round-household"
              data-household={household.id}
              data-status={status}
            >
              {household.address}
            </List.Item>
          ))}
        </List>
      )}
    </>
  );
}

function countOf(households: { status: keyof typeof STATUS_ORDER }[]) {
  const counts = emptyCounts();
  for (const h of households) counts[h.status] += 1;
  return counts;
}
