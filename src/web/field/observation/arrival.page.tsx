import { Button, ErrorBlock, NavBar, NoticeBar, Popup, PullToRefresh, Selector, TextArea, Toast } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import type { ArrivalDetail, Check, Plan } from '../../../contract/observation.ts';
import { shanghaiDate } from '../../../domain/local-date.ts';
import { ApiRequestError } from '../../shared/api.ts';
import { hasPermission, useMe } from '../../shared/session.ts';
import { QueryView } from '../shared/query-view.component.tsx';
import { CheckStateTag } from './check-state-tag.component.tsx';
import { clockOf, degrees, fullTimeOf } from './observation-format.ts';
import { useAddPlan, useArrival, useReleasePlan, useWorkers } from './observation.resource.ts';
import { toPlanInput } from './plan-draft.ts';
import { PlanFields } from './plan-fields.component.tsx';
import { usePlanForm } from './plan-form.ts';
import { PlanStatusTag } from './plan-status.component.tsx';
import { offerOpenRecord } from './register.page.tsx';
import { serverErrorsOf } from './server-errors.ts';
import '../gate/gate.css';
import './observation.css';

type Outcome = 'completed' | 'transferred';

/**
 * A person under (or after) observation (/observation/arrivals/:id): the
 * details as registered (ID number and phone masked), the commitment letter
 * (sign it now, or read the signed one), the plan with its progress and its
 * checks, and releasing them with a record.
 */
export function ArrivalPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const arrival = useArrival(id);
  const back = () => (location.key === 'default' ? navigate('/observation/arrivals') : navigate(-1));
  return (
    <div className="field-page" data-testid="arrival-page">
      <NavBar onBack={() => void back()} back={t('field:common.back')}>
        {t('observation-field:arrival.title')}
      </NavBar>
      <PullToRefresh onRefresh={() => arrival.refetch()}>
        <QueryView
          result={arrival}
          renderRefusal={() => (
            <div className="field-state" data-testid="arrival-missing">
              <ErrorBlock status="empty" title={t('observation-field:arrival.missingTitle')} description={t('observation-field:arrival.missing')} />
            </div>
          )}
        >
          {(a) => <ArrivalView arrival={a} />}
        </QueryView>
      </PullToRefresh>
    </div>
  );
}

function ArrivalView({ arrival: a }: { arrival: ArrivalDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const write = hasPermission(me.data, 'observation.write');
  const open = a.plan && !a.plan.releasedAt ? a.plan : null;
  // The server refuses a new plan only while one is open (OBSERVATION_OPEN): after a release, someone can be observed again.
  const mayPlan = !open && a.plans.every((p) => p.releasedAt !== null);
  const [releasing, setReleasing] = useState(false);
  const [planning, setPlanning] = useState(false);
  const facts: [string, string | null][] = [
    [t('observation-field:form.idNumber'), a.idMasked],
    [t('observation-field:form.phone'), a.phoneMasked],
    [t('observation-field:form.originShort'), a.origin],
    [t('observation-field:form.route'), a.route],
    [t('observation-field:form.arrivedOn'), a.arrivedOn],
    [t('observation-field:form.transport'), [t(`observation:transportKind.${a.transportKind}`), a.transportRef].filter(Boolean).join(' ')],
    [t('observation-field:form.stay'), [t(`observation:stayKind.${a.stayKind}`), a.householdAddress ?? a.stayPlace].filter(Boolean).join(' · ')],
    [t('observation-field:form.employer'), a.employer],
    [t('observation-field:form.reason'), a.reason],
    [t('observation-field:form.symptoms'), a.symptoms],
    [t('observation-field:arrival.temperatureAtArrival'), a.temperature === null ? null : `${degrees(a.temperature)} ${t('gates:temperatureUnit')}`],
    [t('observation-field:form.lastTestOn'), a.lastTestOn],
    [
      t('observation-field:arrival.registered'),
      a.source === 'self'
        ? t('observation-field:arrival.registeredSelf', { name: a.registeredByName ?? '', time: fullTimeOf(a.registeredAt) })
        : t('observation-field:arrival.registeredBy', { name: a.registeredByName ?? '', time: fullTimeOf(a.registeredAt) }),
    ],
  ];
  return (
    <div className="field-stack" data-testid="arrival-view" data-name={a.name}>
      <header className="obs-card obs-person-head">
        <div className="obs-card-head">
          <h1 className="obs-card-name" data-testid="arrival-name">
            {a.name}
          </h1>
          <PlanStatusTag plan={a.plan} />
        </div>
        <p className="field-muted">
          {t(`observation:category.${a.category}`)}
          {a.groupName && ` · ${a.groupName}`}
        </p>
      </header>

      <section className="obs-card" data-testid="arrival-letter" data-signed={a.letterId !== null}>
        <h2 className="obs-card-title">{t('observation-field:letter.title')}</h2>
        {a.letterId ? (
          <>
            <p className="obs-ok-text">{t('observation-field:arrival.letterSigned')}</p>
            <Button block size="large" onClick={() => void navigate(`/observation/letters/${a.letterId}`)} data-testid="arrival-open-letter">
              {t('observation-field:arrival.openLetter')}
            </Button>
          </>
        ) : (
          <>
            <p className="obs-warning-text">{t('observation-field:arrival.letterMissing')}</p>
            {write && (
              <Button block color="primary" size="large" onClick={() => void navigate(`/observation/arrivals/${a.id}/letter`)} data-testid="arrival-sign-letter">
                {t('observation-field:arrival.signLetter')}
              </Button>
            )}
          </>
        )}
      </section>

      {a.plan ? (
        <PlanCard plan={a.plan} />
      ) : (
        <section className="obs-card" data-testid="arrival-no-plan">
          <h2 className="obs-card-title">{t('observation-field:plan.title')}</h2>
          <p className="field-muted">{t('observation-field:arrival.noPlan')}</p>
        </section>
      )}
      {write && open && (
        <div className="obs-pad-block">
          <Button block color="danger" fill="outline" size="large" onClick={() => setReleasing(true)} data-testid="arrival-release">
            {t('observation-field:release.open')}
          </Button>
        </div>
      )}
      {write && mayPlan && (
        <div className="obs-pad-block">
          <Button block color="primary" size="large" onClick={() => setPlanning(true)} data-testid="arrival-add-plan">
            {a.plan ? t('observation-field:arrival.addPlanAgain') : t('observation-field:arrival.addPlan')}
          </Button>
        </div>
      )}

      {a.checks.length > 0 && <ChecksOfPerson checks={a.checks} />}

      <section className="obs-card">
        <h2 className="obs-card-title">{t('observation-field:arrival.details')}</h2>
        <dl className="obs-facts" data-testid="arrival-facts">
          {facts
            .filter(([, v]) => v)
            .map(([k, v]) => (
              <div key={k} className="obs-fact">
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
        </dl>
      </section>

      <Popup visible={releasing} onMaskClick={() => setReleasing(false)} bodyClassName="gate-sheet" destroyOnClose>
        {open && <ReleaseSheet plan={open} name={a.name} onClose={() => setReleasing(false)} />}
      </Popup>
      <Popup visible={planning} onMaskClick={() => setPlanning(false)} bodyClassName="gate-sheet gate-sheet-tall" destroyOnClose>
        <PlanSheet arrival={a} onClose={() => setPlanning(false)} />
      </Popup>
    </div>
  );
}

function PlanCard({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const today = shanghaiDate();
  const dayNumber = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${plan.startDay}T00:00:00Z`)) / 86_400_000) + 1;
  return (
    <section className="obs-card" data-testid="arrival-plan" data-released={plan.releasedAt !== null}>
      <h2 className="obs-card-title">{t('observation-field:plan.title')}</h2>
      <p className="obs-plan-line">
        <strong>{t(`observation:planKind.${plan.kind}`)}</strong>
        {plan.place && ` · ${plan.place}`}
      </p>
      <p>
        {t('observation-field:plan.span', { start: plan.startDay, release: plan.releaseDay, days: plan.days })}
        {!plan.releasedAt && dayNumber >= 1 && dayNumber <= plan.days && ` · ${t('observation:dayN', { n: dayNumber })}`}
      </p>
      <p>
        {[
          plan.temperatureTimes.length > 0 ? t('observation-field:plan.temperatureAt', { times: plan.temperatureTimes.join(t('observation-field:plan.listSeparator')) }) : null,
          plan.testDays.length > 0
            ? t('observation-field:plan.testsAt', { days: plan.testDays.join(t('observation-field:plan.listSeparator')), time: plan.testTime })
            : t('observation-field:plan.noTests'),
        ]
          .filter(Boolean)
          .join(t('observation-field:plan.clauseSeparator'))}
      </p>
      <p>{t('observation-field:plan.workerIs', { name: plan.workerName })}</p>
      <p>
        {t('observation-field:arrivals.checks', { done: plan.checksDone, total: plan.checksTotal })}
        {plan.checksOverdue > 0 && <strong className="obs-danger"> · {t('observation-field:arrivals.overdue', { count: plan.checksOverdue })}</strong>}
      </p>
      {plan.releasedAt && (
        <div className="obs-released" data-testid="plan-released" data-outcome={plan.releaseOutcome}>
          <strong>{plan.releaseOutcome ? t(`observation:releaseOutcome.${plan.releaseOutcome}`) : ''}</strong>
          <span>{t('observation-field:release.by', { name: plan.releasedByName ?? '', time: fullTimeOf(plan.releasedAt) })}</span>
          {plan.releaseNote && <span>{plan.releaseNote}</span>}
        </div>
      )}
    </section>
  );
}

/** The person's checks, today's and the missed ones first: the lead sees at once what was not done. */
function ChecksOfPerson({ checks }: { checks: Check[] }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const today = shanghaiDate();
  const relevant = checks.filter((c) => all || c.day === today || c.state === 'overdue');
  return (
    <section className="obs-card" data-testid="arrival-checks">
      <h2 className="obs-card-title">{all ? t('observation-field:arrival.allChecks') : t('observation-field:arrival.todayChecks')}</h2>
      {relevant.length === 0 && <p className="field-muted">{t('observation-field:arrival.noChecksToday')}</p>}
      <ul className="obs-person-checks">
        {relevant.map((c) => (
          <li key={c.id} className="obs-person-check" data-testid="person-check" data-kind={c.kind} data-state={c.state}>
            <span>
              {t('observation:dayN', { n: c.dayNumber })} {clockOf(c.dueAt)} · {t(`observation:checkKind.${c.kind}`)}
              {c.temperature !== null && ` · ${degrees(c.temperature)} ${t('gates:temperatureUnit')}`}
              {c.testResult && ` · ${t(`observation:testResult.${c.testResult}`)}`}
              {c.late && ` · ${t('observation:late')}`}
            </span>
            <CheckStateTag state={c.state} />
          </li>
        ))}
      </ul>
      <Button size="middle" fill="none" onClick={() => setAll((v) => !v)}>
        {all ? t('observation-field:arrival.showToday') : t('observation-field:arrival.showAll', { count: checks.length })}
      </Button>
    </section>
  );
}

function ReleaseSheet({ plan, name, onClose }: { plan: Plan; name: string; onClose: () => void }) {
  const { t } = useTranslation();
  const today = shanghaiDate();
  const early = today < plan.releaseDay;
  const [outcome, setOutcome] = useState<Outcome>(early ? 'transferred' : 'completed');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ note?: string; outcome?: string; general?: string }>({});
  const release = useReleasePlan();
  const submit = () => {
    if (outcome === 'transferred' && !note.trim()) {
      setErrors({ note: t('server:errors.RELEASE_NOTE_REQUIRED') });
      return;
    }
    release.mutate(
      { planId: plan.id, outcome, ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: () => {
          onClose();
          Toast.show({ icon: 'success', content: t('observation-field:release.done', { name }) });
        },
        onError: (e) => {
          const field = e instanceof ApiRequestError ? e.body.field : undefined;
          setErrors(field === 'note' ? { note: e.message } : field === 'outcome' ? { outcome: e.message } : { general: e.message });
        },
      },
    );
  };
  return (
    <div className="gate-sheet-body obs-sheet" data-testid="release-sheet">
      <h2>{t('observation-field:release.title', { name })}</h2>
      <p className="field-muted">{early ? t('observation-field:release.early', { day: plan.releaseDay }) : t('observation-field:release.due')}</p>
      <Selector<Outcome>
        className="obs-choice field-selector field-selector-big"
        columns={2}
        options={(['completed', 'transferred'] as const).map((o) => ({ value: o, label: t(`observation:releaseOutcome.${o}`) }))}
        value={[outcome]}
        onChange={(v) => {
          if (v[0]) setOutcome(v[0]);
          setErrors({});
        }}
        data-testid="release-outcome"
      />
      {errors.outcome && (
        <div className="field-error" data-testid="release-error-outcome" role="alert">
          {errors.outcome}
        </div>
      )}
      <TextArea
        className="field-input field-textarea"
        placeholder={outcome === 'transferred' ? t('observation-field:release.notePlaceholderTransferred') : t('observation-field:release.notePlaceholder')}
        value={note}
        onChange={(v) => {
          setNote(v);
          setErrors((e) => ({ ...e, note: undefined }));
        }}
        maxLength={200}
        rows={3}
        data-testid="release-note"
      />
      {errors.note && (
        <div className="field-error" data-testid="release-error-note" role="alert">
          {errors.note}
        </div>
      )}
      {errors.general && <NoticeBar color="error" wrap content={errors.general} data-testid="release-error" />}
      <Button block color="danger" size="large" loading={release.isPending} onClick={submit} data-testid="release-confirm">
        {t('observation-field:release.confirm')}
      </Button>
      <Button block size="large" fill="none" onClick={onClose}>
        {t('common:cancel')}
      </Button>
    </div>
  );
}

function PlanSheet({ arrival, onClose }: { arrival: ArrivalDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const workers = useWorkers(arrival.communityId);
  const plan = usePlanForm({ kind: arrival.stayKind === 'workplace' ? 'workplace' : 'home', workerId: null, place: arrival.stayPlace ?? '' });
  const [general, setGeneral] = useState<string | null>(null);
  const add = useAddPlan(arrival.id);
  const { patch: patchPlan } = plan;
  const planWorker = plan.draft.workerId;
  useEffect(() => {
    if (!planWorker && workers.data && me.data && workers.data.some((w) => w.userId === me.data!.id)) patchPlan({ workerId: me.data.id });
  }, [workers.data, me.data, planWorker, patchPlan]);
  const submit = () => {
    plan.setTried(true);
    setGeneral(null);
    if (Object.keys(plan.problems).length > 0) return;
    add.mutate(toPlanInput(plan.draft), {
      onSuccess: () => {
        onClose();
        Toast.show({ icon: 'success', content: t('observation-field:arrival.planAdded') });
      },
      onError: async (e) => {
        if (await offerOpenRecord(t, e, (id) => void navigate(`/observation/arrivals/${id}`))) return;
        const errors = serverErrorsOf(e, () => true);
        if (!plan.placeServer(errors.fields) || errors.general) setGeneral(errors.general ?? e.message);
      },
    });
  };
  return (
    <div className="gate-sheet-body obs-sheet" data-testid="plan-sheet">
      <h2>{t('observation-field:arrival.addPlanTitle', { name: arrival.name })}</h2>
      <PlanFields draft={plan.draft} onChange={plan.patch} messages={plan.messages} workers={workers.data} />
      {general && <NoticeBar color="error" wrap content={general} />}
      <Button block color="primary" size="large" loading={add.isPending} onClick={submit} data-testid="plan-confirm">
        {t('observation-field:arrival.addPlanConfirm')}
      </Button>
      <Button block size="large" fill="none" onClick={onClose}>
        {t('common:cancel')}
      </Button>
    </div>
  );
}
