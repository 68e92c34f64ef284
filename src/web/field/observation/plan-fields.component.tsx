import { Button, Input, Selector, Stepper } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { PlanDraft, PlanField, PlanKind } from './plan-draft.ts';
import type { WorkerOption } from './observation.resource.ts';
import '../screening/screening.css';
import './observation.css';

const KINDS: readonly PlanKind[] = ['home', 'centralised', 'workplace'];
const LENGTHS = [7, 14];

interface Props {
  draft: PlanDraft;
  onChange: (patch: Partial<PlanDraft>) => void;
  messages: Partial<Record<PlanField, string>>;
  workers: readonly WorkerOption[] | undefined;
}

/**
 * An observation plan on a phone: home, centralised or at the workplace;
 * where; 7 or 14 days (or as set); the temperature times of each day; the
 * test days and their time; the worker who takes the readings.
 */
export function PlanFields({ draft, onChange, messages, workers }: Props) {
  const { t } = useTranslation();
  const error = (field: PlanField) =>
    messages[field] ? (
      <div className="field-error" data-testid={`plan-error-${field}`} role="alert">
        {messages[field]}
      </div>
    ) : null;
  const setTime = (i: number, value: string) => onChange({ temperatureTimes: draft.temperatureTimes.map((x, n) => (n === i ? value : x)) });

  return (
    <div className="field-visit-fields obs-plan-fields" data-testid="plan-fields">
      <span className="field-label">{t('observation-field:plan.kind')}</span>
      <Selector<PlanKind>
        className="obs-choice field-selector"
        columns={3}
        options={KINDS.map((k) => ({ value: k, label: t(`observation:planKind.${k}`) }))}
        value={[draft.kind]}
        onChange={(v) => v[0] && onChange({ kind: v[0] })}
        data-testid="plan-kind"
      />

      <label className="field-label" htmlFor="plan-place">
        {t('observation-field:plan.place')}
        <span className="obs-optional">{t('observation-field:form.optional')}</span>
      </label>
      <Input id="plan-place" className="field-input" placeholder={t('observation-field:plan.placePlaceholder')} value={draft.place} onChange={(v) => onChange({ place: v })} maxLength={200} clearable data-testid="plan-place" />
      {error('place')}

      <span className="field-label">{t('observation-field:plan.days')}</span>
      <div className="obs-days-row">
        <Selector<number>
          className="obs-choice field-selector"
          columns={2}
          options={LENGTHS.map((d) => ({ value: d, label: t('observation-field:plan.daysOption', { count: d }) }))}
          value={LENGTHS.includes(draft.days) ? [draft.days] : []}
          onChange={(v) => v[0] && onChange({ days: v[0] })}
          data-testid="plan-days"
        />
        <Stepper className="obs-stepper" min={1} max={60} digits={0} value={draft.days} onChange={(v) => onChange({ days: v })} data-testid="plan-days-stepper" />
      </div>
      {error('days')}

      <span className="field-label">{t('observation-field:plan.temperatureTimes')}</span>
      <div className="obs-times" data-testid="plan-times">
        {draft.temperatureTimes.map((time, i) => (
          <div key={i} className="obs-time">
            <input className="field-input obs-time-input" type="time" value={time} onChange={(e) => setTime(i, e.target.value)} aria-label={t('observation-field:plan.timeN', { n: i + 1 })} data-testid="plan-time" />
            <button type="button" className="obs-link-button obs-danger" onClick={() => onChange({ temperatureTimes: draft.temperatureTimes.filter((_, n) => n !== i) })} data-testid="plan-time-remove">
              {t('observation-field:plan.removeTime')}
            </button>
          </div>
        ))}
        {draft.temperatureTimes.length < 6 && (
          <Button size="middle" onClick={() => onChange({ temperatureTimes: [...draft.temperatureTimes, '12:00'] })} data-testid="plan-time-add">
            {t('observation-field:plan.addTime')}
          </Button>
        )}
      </div>
      {error('temperatureTimes')}

      <label className="field-label" htmlFor="plan-test-days">
        {t('observation-field:plan.testDays')}
      </label>
      <Input
        id="plan-test-days"
        className="field-input"
        inputMode="numeric"
        placeholder={t('observation-field:plan.testDaysPlaceholder')}
        value={draft.testDays}
        onChange={(v) => onChange({ testDays: v })}
        maxLength={60}
        data-testid="plan-test-days"
      />
      <p className="field-hint obs-hint">{t('observation-field:plan.testDaysHint')}</p>
      {error('testDays')}

      <label className="field-label" htmlFor="plan-test-time">
        {t('observation-field:plan.testTime')}
      </label>
      <input id="plan-test-time" className="field-input obs-time-input" type="time" value={draft.testTime} onChange={(e) => onChange({ testTime: e.target.value })} data-testid="plan-test-time" />
      {error('testTime')}

      <span className="field-label">{t('observation-field:plan.worker')}</span>
      {workers && workers.length > 0 ? (
        <Selector<string>
          className="obs-choice field-selector"
          columns={2}
          options={workers.map((w) => ({ value: w.userId, label: w.name }))}
          value={draft.workerId ? [draft.workerId] : []}
          onChange={(v) => onChange({ workerId: v[0] ?? null })}
          data-testid="plan-worker"
        />
      ) : (
        <p className="field-muted">{workers ? t('observation-field:plan.noWorkers') : t('observation-field:plan.loadingWorkers')}</p>
      )}
      {error('workerId')}
    </div>
  );
}
