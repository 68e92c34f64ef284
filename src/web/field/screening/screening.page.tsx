import { useQueryClient } from '@tanstack/react-query';
import { Badge, List, PullToRefresh } from 'antd-mobile';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { FieldLedger } from '../../../contract/ledger.ts';
import { LedgerFreshness } from '../ledger/ledger-freshness.component.tsx';
import { LEDGER_KEY } from '../ledger/ledger.resource.ts';
import { LedgerView } from '../ledger/ledger-view.component.tsx';
import { useMyOutbox } from '../offline/outbox.ts';
import { outboxSummary } from './outbox-summary.ts';
import { RoundCounts } from './round-card.component.tsx';
import { roundProgress } from './round-progress.ts';
import './screening.css';

/** The screening tab: what waits on the phone, and the open rounds of the user's area with their progress. */
export function ScreeningPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  return (
    <PullToRefresh onRefresh={() => qc.invalidateQueries({ queryKey: LEDGER_KEY })}>
      <header className="field-hero field-hero-compact">
        <h1>{t('field:screening.title')}</h1>
        <p>{t('field:screening.subtitle')}</p>
      </header>
      <div className="field-stack">
        <OutboxEntry />
        <LedgerView>{(ledger) => <Rounds ledger={ledger} />}</LedgerView>
      </div>
    </PullToRefresh>
  );
}

/** The outbox in one line: how many visits wait to be sent, how many were refused; a tap opens it. */
export function OutboxEntry() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { items } = useMyOutbox();
  const waiting = items.filter((i) => i.status === 'waiting').length;
  const refused = items.length - waiting;
  return (
    <List className="field-list field-card-list" data-testid="outbox-entry">
      <List.Item
        onClick={() => navigate('/outbox')}
        extra={items.length > 0 ? <Badge content={items.length} color={refused > 0 ? 'var(--adm-color-danger)' : 'var(--adm-color-warning)'} data-testid="outbox-count" /> : null}
        description={items.length === 0 ? t('field:outbox.allSent') : outboxSummary(t, waiting, refused)}
      >
        {t('field:outbox.title')}
      </List.Item>
    </List>
  );
}

function Rounds({ ledger }: { ledger: FieldLedger }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { items } = useMyOutbox();
  const rounds = useMemo(() => ledger.rounds.map((round) => ({ round, progress: roundProgress(ledger, items, round) })), [ledger, items]);
  return (
    <section aria-labelledby="rounds-title">
      <h2 id="rounds-title" className="field-section-title">
        {t('field:screening.openRounds')}
      </h2>
      {rounds.length === 0 ? (
        <p className="field-muted field-pad" data-testid="no-rounds">
          {t('field:screening.noRounds')}
        </p>
      ) : (
        <List className="field-list field-card-list" data-testid="rounds">
          {rounds.map(({ round, progress }) => (
            <List.Item key={round.id} onClick={() => navigate(`/screening/rounds/${round.id}`)} data-testid="round-item">
              <div className="field-round-item">
                <strong className="field-person-name">{round.name}</strong>
                <span className="field-muted">
                  {round.communityName} · {t('field:screening.since', { day: round.startsOn })}
                </span>
                <RoundCounts progress={progress} />
              </div>
            </List.Item>
          ))}
        </List>
      )}
      <div className="field-pad">
        <LedgerFreshness ledger={ledger} />
      </div>
    </section>
  );
}
