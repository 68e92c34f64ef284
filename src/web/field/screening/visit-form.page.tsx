import { useQueryClient } from '@tanstack/react-query';
import { Button, Dialog, ErrorBlock, NavBar, Skeleton, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { uuidv7 } from '../../../domain/ids.ts';
import { useMe } from '../../shared/session.ts';
import { findHousehold, useFieldLedger, type Household, type Round } from '../ledger/ledger.resource.ts';
import { LedgerView } from '../ledger/ledger-view.component.tsx';
import { useOnline } from '../offline/connectivity.ts';
import { putOutboxItem, removeOutboxItems, useMyOutbox, type OutboxItem } from '../offline/outbox.ts';
import { syncOutbox } from '../offline/outbox-sync.ts';
import { fromVisitInput, newDraft, toVisitInput, type VisitDraft } from './visit-draft.ts';
import { VisitForm } from './visit-form.component.tsx';

/** Puts a visit in the outbox and, online, sends it at once; resolves false (and says why) if the phone could not keep it. */
function useKeepVisit() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const online = useOnline();
  return async (item: OutboxItem): Promise<boolean> => {
    try {
      await putOutboxItem(item);
    } catch {
      Toast.show({ icon: 'fail', content: t('field:outbox.storageFailed') });
      return false;
    }
    Toast.show({ icon: 'success', content: online ? t('field:screening.savedOnline') : t('field:screening.savedOffline') });
    if (online) void syncOutbox(client, item.userId);
    return true;
  };
}

/**
 * "Back" from a form with something typed asks first: a visit half filled at
 * a door is not lost to a slip of the thumb. (The phone's own back gesture
 * cannot be stopped with this router; the form is short enough to redo.)
 */
function useLeave(leave: () => void) {
  const { t } = useTranslation();
  const [dirty, setDirty] = useState(false);
  const ask = () => {
    if (!dirty) return leave();
    void Dialog.confirm({
      content: t('field:screening.leaveConfirm'),
      confirmText: t('field:screening.leave'),
      cancelText: t('field:screening.stay'),
      onConfirm: leave,
    });
  };
  return { ask, setDirty };
}

/** A new visit to a household in a round: /households/:id/visit?round=… */
export function NewVisitPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const location = useLocation();
  // Back to the household (or wherever the user came from): its list now shows the visit waiting.
  const back = () => (location.key === 'default' ? navigate(`/households/${id}`, { replace: true }) : navigate(-1));
  const leave = useLeave(back);
  return (
    <div className="field-page field-form-page">
      <NavBar onBack={leave.ask} back={t('field:common.back')}>
        {t('field:screening.visitTitle')}
      </NavBar>
      <LedgerView>
        {(ledger) => {
          const household = findHousehold(ledger, id);
          const round = ledger.rounds.find((r) => r.id === params.get('round') && household && r.groups.some((g) => g.id === household.groupId));
          if (!household || !round) {
            return (
              <div className="field-state" data-testid="no-round">
                <ErrorBlock status="empty" title={t('field:screening.cannotRecordTitle')} description={t('field:screening.cannotRecord')} />
              </div>
            );
          }
          return <NewVisit household={household} round={round} onDone={back} onDirty={leave.setDirty} />;
        }}
      </LedgerView>
    </div>
  );
}

function NewVisit({ household, round, onDone, onDirty }: { household: Household; round: Round; onDone: () => void; onDirty: (dirty: boolean) => void }) {
  const me = useMe();
  const keep = useKeepVisit();
  const [saving, setSaving] = useState(false);
  // Made once, when the form opens at the door: the id the server will know the visit by, and its time.
  const [meta] = useState(() => ({ id: uuidv7(), visitedAt: new Date().toISOString() }));
  const [initial] = useState(() => newDraft(household.members.map((m) => m.id)));
  const label = { address: household.address, groupName: household.groupName, roundName: round.name };

  const save = async (draft: VisitDraft) => {
    if (!me.data) return;
    setSaving(true);
    const visit = toVisitInput(draft, { ...meta, roundId: round.id, householdId: household.id });
    const kept = await keep({ id: meta.id, userId: me.data.id, visit, label, status: 'waiting', savedAt: new Date().toISOString() });
    setSaving(false);
    if (kept) onDone();
  };
  return <VisitForm household={household} label={label} initial={initial} saving={saving} onSave={(d) => void save(d)} onDirty={onDirty} />;
}

/** A refused visit, corrected and sent again: /outbox/:id */
export function EditVisitPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { loaded, items } = useMyOutbox();
  const item = items.find((i) => i.id === id);
  const back = () => navigate('/outbox', { replace: true });
  const leave = useLeave(back);
  return (
    <div className="field-page field-form-page">
      <NavBar onBack={leave.ask} back={t('field:common.back')}>
        {t('field:outbox.fixTitle')}
      </NavBar>
      {!loaded ? (
        <div className="field-state">
          <Skeleton.Paragraph lineCount={6} animated />
        </div>
      ) : item ? (
        <EditVisit item={item} onDone={back} onDirty={leave.setDirty} />
      ) : (
        <div className="field-state" data-testid="not-found">
          <ErrorBlock status="empty" title={t('field:outbox.goneTitle')} description={t('field:outbox.gone')} />
          <Button block size="large" color="primary" fill="outline" onClick={back}>
            {t('field:outbox.title')}
          </Button>
        </div>
      )}
    </div>
  );
}

function EditVisit({ item, onDone, onDirty }: { item: OutboxItem; onDone: () => void; onDirty: (dirty: boolean) => void }) {
  const ledger = useFieldLedger();
  const keep = useKeepVisit();
  const [saving, setSaving] = useState(false);
  const [initial] = useState(() => fromVisitInput(item.visit));
  const household = ledger.data ? findHousehold(ledger.data, item.visit.householdId) : undefined;

  const save = async (draft: VisitDraft) => {
    setSaving(true);
    // Refused visits were not stored, so the same id goes again; unless the id itself was the problem.
    const id = item.refusal?.code === 'ID_CONFLICT' ? uuidv7() : item.id;
    const visit = toVisitInput(draft, { id, roundId: item.visit.roundId, householdId: item.visit.householdId, visitedAt: item.visit.visitedAt });
    const kept = await keep({ id, userId: item.userId, visit, label: item.label, status: 'waiting', savedAt: item.savedAt });
    if (kept && id !== item.id) await removeOutboxItems([item.id]).catch(() => undefined);
    setSaving(false);
    if (kept) onDone();
  };
  return <VisitForm household={household} label={item.label} initial={initial} refusal={item.refusal} saving={saving} onSave={(d) => void save(d)} onDirty={onDirty} />;
}
