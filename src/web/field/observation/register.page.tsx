import { Button, Dialog, NavBar, NoticeBar, Switch, Toast } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { uuidv7 } from '../../../domain/ids.ts';
import { shanghaiDate } from '../../../domain/local-date.ts';
import { ApiRequestError } from '../../shared/api.ts';
import { useMe } from '../../shared/session.ts';
import { useOnline } from '../offline/connectivity.ts';
import { ARRIVAL_FIELDS, toArrivalFields, type ArrivalField } from './arrival-draft.ts';
import { ArrivalFields } from './arrival-fields.component.tsx';
import { useArrivalForm } from './arrival-form.ts';
import { HouseholdPicker } from './household-picker.component.tsx';
import { useObservationCommunity } from './observation-community.ts';
import { useRegisterArrival, useWorkers } from './observation.resource.ts';
import { toPlanInput } from './plan-draft.ts';
import { PlanFields } from './plan-fields.component.tsx';
import { usePlanForm } from './plan-form.ts';
import { serverErrorsOf } from './server-errors.ts';
import './observation.css';

/** Refusals that point at the person's existing record: already under observation, or this arrival already registered. */
const POINTING = { OBSERVATION_OPEN: 'observation-field:register.openTitle', ARRIVAL_REGISTERED: 'observation-field:register.registeredTitle' } as const;

/** What to do when the server points at an existing record: offer to open it. Answers whether the error was such a one. */
export async function offerOpenRecord(t: (key: string) => string, error: unknown, open: (arrivalId: string) => void): Promise<boolean> {
  if (!(error instanceof ApiRequestError) || !(error.code in POINTING) || error.body.ref?.type !== 'arrival') return false;
  const id = error.body.ref.id;
  const go = await Dialog.confirm({
    title: t(POINTING[error.code as keyof typeof POINTING]),
    content: error.message,
    confirmText: t('observation-field:register.openRecord'),
    cancelText: t('common:cancel'),
  });
  if (go) open(id);
  return true;
}

/**
 * Registering an arrival (/observation/register): the same questions as the
 * public page, the household of the ledger they stay with, and — usually —
 * the observation plan at once. Online only (the server checks the person is
 * not already under observation); the id made here makes a retry store once.
 */
export function RegisterPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const me = useMe();
  const online = useOnline();
  const { community } = useObservationCommunity(me.data);
  const today = shanghaiDate();
  const form = useArrivalForm(today, false);
  const workers = useWorkers(community?.id);
  const plan = usePlanForm({ kind: 'home', workerId: null });
  const [withPlan, setWithPlan] = useState(true);
  const [general, setGeneral] = useState<string | null>(null);
  const [id] = useState(() => uuidv7());
  const register = useRegisterArrival();
  const back = () => (location.key === 'default' ? navigate('/observation', { replace: true }) : navigate(-1));

  const { patch: patchPlan } = plan;
  const planWorker = plan.draft.workerId;
  useEffect(() => {
    // The one registering usually takes the readings too, if they may.
    if (!planWorker && workers.data && me.data && workers.data.some((w) => w.userId === me.data!.id)) patchPlan({ workerId: me.data.id });
  }, [workers.data, me.data, planWorker, patchPlan]);

  const save = () => {
    form.setTried(true);
    plan.setTried(true);
    setGeneral(null);
    if (!community) return;
    if (Object.keys(form.problems).length > 0 || (withPlan && Object.keys(plan.problems).length > 0)) {
      Toast.show({ content: t('observation-field:form.fixMarked') });
      requestAnimationFrame(() => document.querySelector('.obs-register .field-error')?.scrollIntoView({ block: 'center', behavior: 'smooth' }));
      return;
    }
    register.mutate(
      { id, communityId: community.id, ...toArrivalFields(form.draft), ...(withPlan ? { plan: toPlanInput(plan.draft) } : {}) },
      {
        onSuccess: (arrival) => {
          Toast.show({ icon: 'success', content: t('observation-field:register.saved', { name: arrival.name }) });
          void navigate(`/observation/arrivals/${arrival.id}`, { replace: true });
        },
        onError: async (e) => {
          if (await offerOpenRecord(t, e, (arrivalId) => void navigate(`/observation/arrivals/${arrivalId}`, { replace: true }))) return;
          const errors = serverErrorsOf(e, (f) => (ARRIVAL_FIELDS as readonly string[]).includes(f) || f.startsWith('plan.'));
          const arrivalFields = Object.fromEntries(Object.entries(errors.fields).filter(([f]) => !f.startsWith('plan.')));
          form.setServerFields(arrivalFields as Partial<Record<ArrivalField, string>>);
          plan.placeServer(errors.fields);
          setGeneral(errors.general);
          requestAnimationFrame(() => document.querySelector('.obs-register .field-error, .obs-register [data-testid="register-refused"]')?.scrollIntoView({ block: 'center', behavior: 'smooth' }));
        },
      },
    );
  };

  return (
    <div className="field-page field-form-page obs-register" data-testid="register-page">
      <NavBar onBack={() => void back()} back={t('field:common.back')}>
        {t('observation-field:register.title')}
      </NavBar>
      <header className="field-visit-head">
        <h1>{t('observation-field:register.heading')}</h1>
        <p className="field-muted">{community?.name}</p>
      </header>
      {!online && <NoticeBar color="alert" wrap content={t('observation-field:register.needsNetwork')} />}
      {general && (
        <div className="obs-pad-block" data-testid="register-refused" role="alert">
          <NoticeBar color="error" wrap content={general} />
        </div>
      )}
      <ArrivalFields
        draft={form.draft}
        onChange={form.patch}
        messages={form.messages}
        today={today}
        mode="staff"
        householdPicker={
          <HouseholdPicker
            householdId={form.draft.householdId}
            onPick={(h) => form.patch(h ? { householdId: h.id, stayPlace: form.draft.stayPlace || h.address } : { householdId: null })}
          />
        }
      />
      <section className="field-visit-fields">
        <h2 className="obs-form-section obs-switch-row">
          <span>{t('observation-field:register.withPlan')}</span>
          <Switch checked={withPlan} onChange={setWithPlan} data-testid="register-with-plan" />
        </h2>
      </section>
      {withPlan && <PlanFields draft={plan.draft} onChange={plan.patch} messages={plan.messages} workers={workers.data} />}
      <div className="gate-save-bar obs-save-bar">
        <Button block color="primary" size="large" loading={register.isPending} disabled={!online || !community} onClick={save} data-testid="register-save">
          {t('observation-field:register.save')}
        </Button>
      </div>
    </div>
  );
}
