import { Button, ErrorBlock, NavBar, NoticeBar, Popup, PullToRefresh, Switch, TextArea, Toast } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { isFever } from '../../../domain/gates/temperature.ts';
import { useMe } from '../../shared/session.ts';
import { QueryView } from '../shared/query-view.component.tsx';
import { HouseholdPicker } from './household-picker.component.tsx';
import { useObservationCommunity } from './observation-community.ts';
import { degrees, fullTimeOf } from './observation-format.ts';
import { useApproveDeclaration, usePendingDeclarations, useRejectDeclaration, useWorkers, type DeclarationItem } from './observation.resource.ts';
import { toPlanInput } from './plan-draft.ts';
import { PlanFields } from './plan-fields.component.tsx';
import { usePlanForm } from './plan-form.ts';
import { offerOpenRecord } from './register.page.tsx';
import { serverErrorsOf } from './server-errors.ts';
import '../gate/gate.css';
import './observation.css';

/**
 * Self-declarations waiting for review (/observation/declarations), oldest
 * first: what the person declared, in full; approve (it enters the records,
 * usually with its observation plan at once) or reject with a note.
 */
export function DeclarationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const me = useMe();
  const { community } = useObservationCommunity(me.data);
  const queue = usePendingDeclarations(community?.id);
  const [approving, setApproving] = useState<DeclarationItem | null>(null);
  const [rejecting, setRejecting] = useState<DeclarationItem | null>(null);
  const back = () => (location.key === 'default' ? navigate('/observation') : navigate(-1));

  return (
    <div className="field-page" data-testid="declarations-page">
      <NavBar onBack={() => void back()} back={t('field:common.back')}>
        {t('observation-field:declarations.title')}
      </NavBar>
      <PullToRefresh onRefresh={() => queue.refetch()}>
        <QueryView result={queue}>
          {(data) => {
            const items = data.pages.flatMap((p) => p.items);
            if (items.length === 0) {
              return (
                <div className="field-state" data-testid="declarations-empty">
                  <ErrorBlock status="empty" title={t('observation-field:declarations.empty')} description={t('observation-field:declarations.emptyHint')} />
                </div>
              );
            }
            return (
              <div className="field-stack">
                {items.map((d) => (
                  <DeclarationCard key={d.id} declaration={d} onApprove={() => setApproving(d)} onReject={() => setRejecting(d)} />
                ))}
                {queue.hasNextPage && (
                  <div className="obs-pad-block">
                    <Button block size="large" loading={queue.isFetchingNextPage} onClick={() => void queue.fetchNextPage()} data-testid="declarations-more">
                      {t('observation-field:declarations.more')}
                    </Button>
                  </div>
                )}
              </div>
            );
          }}
        </QueryView>
      </PullToRefresh>
      <Popup visible={approving !== null} onMaskClick={() => setApproving(null)} bodyClassName="gate-sheet gate-sheet-tall" destroyOnClose>
        {approving && community && <ApproveSheet declaration={approving} communityId={community.id} onClose={() => setApproving(null)} />}
      </Popup>
      <Popup visible={rejecting !== null} onMaskClick={() => setRejecting(null)} bodyClassName="gate-sheet" destroyOnClose>
        {rejecting && <RejectSheet declaration={rejecting} onClose={() => setRejecting(null)} />}
      </Popup>
    </div>
  );
}

function DeclarationCard({ declaration: d, onApprove, onReject }: { declaration: DeclarationItem; onApprove: () => void; onReject: () => void }) {
  const { t } = useTranslation();
  const rows: [string, string | null, boolean?][] = [
    [t('observation-field:form.idNumber'), d.idMasked],
    [t('observation-field:form.phone'), d.phoneMasked],
    [t('observation-field:form.originShort'), d.origin],
    [t('observation-field:form.arrivedOn'), d.arrivedOn],
    [t('observation-field:form.transport'), [t(`observation:transportKind.${d.transportKind}`), d.transportRef].filter(Boolean).join(' ')],
    [t('observation-field:form.stay'), [t(`observation:stayKind.${d.stayKind}`), d.stayPlace].filter(Boolean).join(' · ')],
    [t('observation-field:form.employer'), d.employer],
    [t('observation-field:form.reason'), d.reason],
    [t('observation-field:form.symptoms'), d.symptoms],
    [t('observation-field:form.temperature'), d.temperature === null ? null : `${degrees(d.temperature)} ${t('gates:temperatureUnit')}`, d.temperature !== null && isFever(d.temperature)],
    [t('observation-field:form.lastTestOn'), d.lastTestOn],
  ];
  return (
    <article className="obs-card obs-declaration" data-testid="declaration" data-name={d.name} data-reference={d.reference}>
      <header className="obs-card-head">
        <strong className="obs-card-name">{d.name}</strong>
        <span className="obs-tag">{t(`observation:category.${d.category}`)}</span>
      </header>
      <p className="field-muted">
        {t('observation-field:declarations.received', { reference: d.reference, time: fullTimeOf(d.receivedAt) })}
        {d.repeats > 0 && ` · ${t('observation-field:declarations.repeats', { count: d.repeats })}`}
      </p>
      {d.conflicting > 0 && (
        <p className="obs-conflict" data-testid="declaration-conflicting" role="alert">
          {t('observation-field:declarations.conflicting', { count: d.conflicting })}
        </p>
      )}
      <dl className="obs-facts">
        {rows
          .filter(([, v]) => v)
          .map(([k, v, danger]) => (
            <div key={k} className={danger ? 'obs-fact obs-fact-danger' : 'obs-fact'}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
      </dl>
      <div className="obs-card-actions">
        <Button color="primary" size="large" onClick={onApprove} data-testid="declaration-approve">
          {t('observation-field:declarations.approve')}
        </Button>
        <Button color="danger" fill="outline" size="large" onClick={onReject} data-testid="declaration-reject">
          {t('observation-field:declarations.reject')}
        </Button>
      </div>
    </article>
  );
}

function ApproveSheet({ declaration: d, communityId, onClose }: { declaration: DeclarationItem; communityId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const workers = useWorkers(communityId);
  const plan = usePlanForm({ kind: d.stayKind === 'workplace' ? 'workplace' : 'home', workerId: null, place: d.stayPlace ?? '' });
  const [withPlan, setWithPlan] = useState(true);
  const [householdId, setHouseholdId] = useState<string | null>(null);
  const [general, setGeneral] = useState<string | null>(null);
  const approve = useApproveDeclaration();
  const { patch: patchPlan } = plan;
  const planWorker = plan.draft.workerId;
  useEffect(() => {
    if (!planWorker && workers.data && me.data && workers.data.some((w) => w.userId === me.data!.id)) patchPlan({ workerId: me.data.id });
  }, [workers.data, me.data, planWorker, patchPlan]);

  const submit = () => {
    plan.setTried(true);
    setGeneral(null);
    if (withPlan && Object.keys(plan.problems).length > 0) return;
    approve.mutate(
      { id: d.id, body: { ...(householdId ? { householdId } : {}), ...(withPlan ? { plan: toPlanInput(plan.draft) } : {}) } },
      {
        onSuccess: (arrival) => {
          onClose();
          Toast.show({ icon: 'success', content: t('observation-field:declarations.approved', { name: arrival.name }) });
          void navigate(`/observation/arrivals/${arrival.id}`);
        },
        onError: async (e) => {
          if (await offerOpenRecord(t, e, (id) => void navigate(`/observation/arrivals/${id}`))) return;
          const errors = serverErrorsOf(e, (f) => f.startsWith('plan.'));
          if (!plan.placeServer(errors.fields) || errors.general) setGeneral(errors.general ?? (e instanceof Error ? e.message : null));
        },
      },
    );
  };
  return (
    <div className="gate-sheet-body obs-sheet" data-testid="approve-sheet">
      <h2>{t('observation-field:declarations.approveTitle', { name: d.name })}</h2>
      <p className="field-muted">{t('observation-field:declarations.approveHint')}</p>
      {d.stayKind === 'household' && <HouseholdPicker householdId={householdId} onPick={(h) => setHouseholdId(h?.id ?? null)} />}
      <div className="obs-switch-row obs-form-section">
        <span>{t('observation-field:register.withPlan')}</span>
        <Switch checked={withPlan} onChange={setWithPlan} data-testid="approve-with-plan" />
      </div>
      {withPlan && <PlanFields draft={plan.draft} onChange={plan.patch} messages={plan.messages} workers={workers.data} />}
      {general && <NoticeBar color="error" wrap content={general} data-testid="approve-refused" />}
      <Button block color="primary" size="large" loading={approve.isPending} onClick={submit} data-testid="approve-confirm">
        {t('observation-field:declarations.approveConfirm')}
      </Button>
      <Button block size="large" fill="none" onClick={onClose}>
        {t('common:cancel')}
      </Button>
    </div>
  );
}

function RejectSheet({ declaration: d, onClose }: { declaration: DeclarationItem; onClose: () => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const reject = useRejectDeclaration();
  const submit = () => {
    if (!note.trim()) {
      setError(t('server:validation.required'));
      return;
    }
    reject.mutate(
      { id: d.id, note: note.trim() },
      {
        onSuccess: () => {
          onClose();
          Toast.show({ content: t('observation-field:declarations.rejected', { name: d.name }) });
        },
        onError: (e) => setError(e.message),
      },
    );
  };
  return (
    <div className="gate-sheet-body obs-sheet" data-testid="reject-sheet">
      <h2>{t('observation-field:declarations.rejectTitle', { name: d.name })}</h2>
      <p className="field-muted">{t('observation-field:declarations.rejectHint')}</p>
      <TextArea
        className="field-input field-textarea"
        placeholder={t('observation-field:declarations.rejectPlaceholder')}
        value={note}
        onChange={(v) => {
          setNote(v);
          setError(null);
        }}
        maxLength={200}
        rows={3}
        data-testid="reject-note"
      />
      {error && (
        <div className="field-error" role="alert">
          {error}
        </div>
      )}
      <Button block color="danger" size="large" loading={reject.isPending} onClick={submit} data-testid="reject-confirm">
        {t('observation-field:declarations.rejectConfirm')}
      </Button>
      <Button block size="large" fill="none" onClick={onClose}>
        {t('common:cancel')}
      </Button>
    </div>
  );
}
