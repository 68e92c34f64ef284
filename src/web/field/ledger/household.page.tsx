import { ActionSheet, Button, ErrorBlock, List, NavBar, Tag } from 'antd-mobile';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import type { FieldLedger } from '../../../contract/ledger.ts';
import { useMyOutbox } from '../offline/outbox.ts';
import { roundStatuses } from '../screening/visit-status.ts';
import { VisitStatusTag } from '../screening/visit-status-tag.component.tsx';
import { findHousehold, roundsFor, type Household } from './ledger.resource.ts';
import { LedgerView } from './ledger-view.component.tsx';
import { MemberCard } from './member-card.component.tsx';
import './ledger.css';

/** One household from the ledger on the phone: who lives there, where it stands in the open rounds, and "record a visit". */
export function HouseholdPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const back = () => (location.key === 'default' ? navigate('/search') : navigate(-1));
  return (
    <div className="field-page">
      <NavBar onBack={back} back={t('field:common.back')}>
        {t('field:ledger.household')}
      </NavBar>
      <LedgerView>
        {(ledger) => {
          const household = findHousehold(ledger, id);
          return household ? <HouseholdDetail ledger={ledger} household={household} /> : <NotInLedger />;
        }}
      </LedgerView>
    </div>
  );
}

function HouseholdDetail({ ledger, household }: { ledger: FieldLedger; household: Household }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { items } = useMyOutbox();
  const rounds = roundsFor(ledger, household.groupId);
  const statuses = useMemo(() => rounds.map((r) => ({ round: r, status: roundStatuses(ledger, items, r.id)(household.id) })), [ledger, items, rounds, household.id]);
  const pending = items.filter((i) => i.visit.householdId === household.id);

  const record = (roundId: string) => navigate(`/households/${household.id}/visit?round=${roundId}`);
  const recordAny = () => {
    if (rounds.length === 1) return record(rounds[0]!.id);
    // Several rounds at once is rare: ask which one rather than guess.
    ActionSheet.show({
      actions: rounds.map((r) => ({ key: r.id, text: r.name })),
      cancelText: t('common:cancel'),
      onAction: (a) => record(String(a.key)),
      closeOnAction: true,
    });
  };

  return (
    <div className="field-household">
      <section className="field-unit-head">
        <h1 data-testid="household-address">{household.address}</h1>
        <div className="field-tags">
          <Tag color="primary" fill="outline">
            {household.groupName}
          </Tag>
          <span className="field-muted">{t('field:ledger.people', { count: household.members.length })}</span>
        </div>
      </section>

      <section aria-labelledby="household-rounds-title">
        <h2 id="household-rounds-title" className="field-section-title">
          {t('field:screening.roundsTitle')}
        </h2>
        {rounds.length === 0 ? (
          <p className="field-muted field-pad" data-testid="no-round">
            {t('field:screening.noRoundHere')}
          </p>
        ) : (
          <List className="field-list" data-testid="household-rounds">
            {statuses.map(({ round, status }) => (
              <List.Item
                key={round.id}
                data-testid="household-round"
                extra={<VisitStatusTag status={status} />}
                description={t('field:screening.since', { day: round.startsOn })}
                onClick={() => navigate(`/screening/rounds/${round.id}`)}
              >
                {round.name}
              </List.Item>
            ))}
          </List>
        )}
        {pending.length > 0 && (
          <List className="field-list field-pending" data-testid="household-pending">
            {pending.map((i) => (
              <List.Item
                key={i.id}
                onClick={() => navigate(i.status === 'refused' ? `/outbox/${i.id}` : '/outbox')}
                description={i.status === 'refused' ? <span className="field-error">{i.refusal?.message}</span> : t('field:outbox.waitingHint')}
                extra={<VisitStatusTag status={i.status} />}
              >
                {t('field:outbox.recordedAt', { time: new Date(i.visit.visitedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) })}
              </List.Item>
            ))}
          </List>
        )}
      </section>

      <section aria-labelledby="household-members-title">
        <h2 id="household-members-title" className="field-section-title">
          {t('field:ledger.members')}
        </h2>
        <div className="field-member-cards" data-testid="household-members">
          {household.members.map((m) => (
            <MemberCard key={m.id} member={m} />
          ))}
        </div>
      </section>

      {rounds.length > 0 && (
        <div className="field-sticky-action">
          <Button block color="primary" size="large" onClick={recordAny} data-testid="record-visit">
            {t('field:screening.recordVisit')}
          </Button>
        </div>
      )}
    </div>
  );
}

/** Not among the user's households (another group's, moved, or an old link). */
function NotInLedger() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="field-state" data-testid="not-found">
      <ErrorBlock status="empty" title={t('field:ledger.notInLedgerTitle')} description={t('field:ledger.notInLedger')} />
      <Button block size="large" color="primary" fill="outline" onClick={() => navigate('/search', { replace: true })}>
        {t('field:ledger.backToSearch')}
      </Button>
    </div>
  );
}
