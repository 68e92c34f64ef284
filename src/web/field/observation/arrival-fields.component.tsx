import { Button, Input, Selector, TextArea } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isCitizenIdProblem, parseCitizenId } from '../../../domain/residents/citizen-id.ts';
import { checkReading } from '../gate/reading.ts';
import type { ArrivalDraft, ArrivalField, Category, StayKind, TransportKind } from './arrival-draft.ts';
import { degrees } from './observation-format.ts';
import { OriginPicker } from './origin-picker.component.tsx';
import '../screening/screening.css';
import '../gate/gate.css';
import './observation.css';

const CATEGORIES: readonly Category[] = ['returnee', 'outside'];
const TRANSPORTS: readonly TransportKind[] = ['train', 'flight', 'vehicle', 'bus', 'other'];
const STAYS: readonly StayKind[] = ['household', 'workplace', 'other'];

interface Props {
  draft: ArrivalDraft;
  onChange: (patch: Partial<ArrivalDraft>) => void;
  /** Translated, per field. */
  messages: Partial<Record<ArrivalField, string>>;
  today: string;
  /** The person themself (public page) or a staff member; the words differ a little. */
  mode: 'public' | 'staff';
  /** Under "where they stay", for staff: choosing a household of the ledger. */
  householdPicker?: ReactNode;
}

/**
 * The arrival's fields on a phone, one column, in the order a person tells
 * them: who (category, name, ID number checked as typed, mobile), the
 * journey (from where, the way, the day, how), where they stay and why,
 * health. Used by the public self-declaration page and by staff.
 */
export function ArrivalFields({ draft, onChange, messages, today, mode, householdPicker }: Props) {
  const { t } = useTranslation();
  const reading = checkReading(draft.temperature);
  const fever = reading.kind === 'ok' && reading.fever;
  const id = parseCitizenId(draft.idNumber, today);
  const idOk = !isCitizenIdProblem(id);
  const error = (field: ArrivalField) =>
    messages[field] ? (
      <div className="field-error" data-testid={`error-${field}`} role="alert">
        {messages[field]}
      </div>
    ) : null;
  const text = (field: 'name' | 'route' | 'transportRef' | 'stayPlace' | 'employer' | 'reason' | 'symptoms', label: string, options: { placeholder?: string; max: number; optional?: boolean }) => (
    <>
      <label className="field-label" htmlFor={`arrival-${field}`}>
        {label}
        {options.optional && <span className="obs-optional">{t('observation-field:form.optional')}</span>}
      </label>
      <Input
        id={`arrival-${field}`}
        className={`field-input${messages[field] ? ' obs-invalid' : ''}`}
        placeholder={options.placeholder}
        value={draft[field]}
        onChange={(v) => onChange({ [field]: v })}
        maxLength={options.max}
        clearable
        data-testid={`arrival-${field}`}
      />
      {error(field)}
    </>
  );

  return (
    <div className="obs-arrival-fields" data-testid="arrival-fields">
      <section className="field-visit-fields">
        <h2 className="obs-form-section">{t(mode === 'public' ? 'observation-field:form.whoPublic' : 'observation-field:form.who')}</h2>
        <span className="field-label">{t('observation-field:form.category')}</span>
        <Selector<Category>
          className="obs-choice field-selector field-selector-big"
          columns={2}
          options={CATEGORIES.map((c) => ({ value: c, label: t(`observation:category.${c}`) }))}
          value={draft.category ? [draft.category] : []}
          onChange={(v) => onChange({ category: v[0] ?? null })}
          data-testid="arrival-category"
        />
        <p className="field-hint obs-hint">{t('observation-field:form.categoryHint')}</p>
        {error('category')}

        {text('name', t('observation-field:form.name'), { max: 40 })}

        <label className="field-label" htmlFor="arrival-idNumber">
          {t('observation-field:form.idNumber')}
        </label>
        <div className="gate-id-row">
          <Input
            id="arrival-idNumber"
            className={`field-input${messages.idNumber ? ' obs-invalid' : ''}`}
            inputMode="numeric"
            autoComplete="off"
            placeholder={t('observation-field:form.idPlaceholder')}
            value={draft.idNumber}
            onChange={(v) => onChange({ idNumber: v.toUpperCase() })}
            maxLength={18}
            clearable
            data-testid="arrival-idNumber"
          />
          {/* A numeric keyboard has no X, the last character of some ID numbers. */}
          <Button className="gate-id-x" onClick={() => onChange({ idNumber: (draft.idNumber + 'X').slice(0, 18) })} disabled={draft.idNumber.length !== 17} aria-label={t('observation-field:form.addX')}>
            X
          </Button>
        </div>
        {idOk && !messages.idNumber && (
          <div className="gate-ok" data-testid="arrival-id-ok">
            {t('observation-field:form.idOk', { birthDate: id.birthDate })}
          </div>
        )}
        {error('idNumber')}

        <label className="field-label" htmlFor="arrival-phone">
          {t(mode === 'public' ? 'observation-field:form.mobile' : 'observation-field:form.phone')}
        </label>
        <Input
          id="arrival-phone"
          className={`field-input${messages.phone ? ' obs-invalid' : ''}`}
          type="tel"
          inputMode="tel"
          autoComplete={mode === 'public' ? 'tel' : 'off'}
          placeholder={t('observation-field:form.phonePlaceholder')}
          value={draft.phone}
          onChange={(v) => onChange({ phone: v })}
          maxLength={20}
          clearable
          data-testid="arrival-phone"
        />
        {error('phone')}
      </section>

      <section className="field-visit-fields">
        <h2 className="obs-form-section">{t('observation-field:form.journey')}</h2>
        <span className="field-label">{t('observation-field:form.origin')}</span>
        <OriginPicker
          value={draft.originCode}
          text={draft.originText}
          onChange={(code, originText) => onChange({ originCode: code, originText })}
          invalid={Boolean(messages.originCode)}
          testId="arrival-origin"
        />
        {error('originCode')}

        {text('route', t('observation-field:form.route'), { placeholder: t('observation-field:form.routePlaceholder'), max: 200, optional: true })}

        <label className="field-label" htmlFor="arrival-arrivedOn">
          {t('observation-field:form.arrivedOn')}
        </label>
        <input
          id="arrival-arrivedOn"
          className={`field-input obs-date${messages.arrivedOn ? ' obs-invalid' : ''}`}
          type="date"
          max={today}
          value={draft.arrivedOn}
          onChange={(e) => onChange({ arrivedOn: e.target.value })}
          data-testid="arrival-arrivedOn"
        />
        {error('arrivedOn')}

        <span className="field-label">{t('observation-field:form.transport')}</span>
        <Selector<TransportKind>
          className="obs-choice field-selector"
          columns={3}
          options={TRANSPORTS.map((k) => ({ value: k, label: t(`observation:transportKind.${k}`) }))}
          value={draft.transportKind ? [draft.transportKind] : []}
          onChange={(v) => onChange({ transportKind: v[0] ?? null })}
          data-testid="arrival-transport"
        />
        {error('transportKind')}
        {draft.transportKind &&
          text('transportRef', t(`observation-field:form.transportRef.${draft.transportKind}`), {
            placeholder: t(`observation-field:form.transportRefPlaceholder.${draft.transportKind}`),
            max: 40,
            optional: true,
          })}
      </section>

      <section className="field-visit-fields">
        <h2 className="obs-form-section">{t('observation-field:form.stay')}</h2>
        <span className="field-label">{t('observation-field:form.stayKind')}</span>
        <Selector<StayKind>
          className="obs-choice field-selector"
          columns={3}
          options={STAYS.map((k) => ({ value: k, label: t(`observation:stayKind.${k}`) }))}
          value={draft.stayKind ? [draft.stayKind] : []}
          onChange={(v) => onChange({ stayKind: v[0] ?? null, ...(v[0] === 'household' ? {} : { householdId: null }) })}
          data-testid="arrival-stayKind"
        />
        {error('stayKind')}
        {draft.stayKind === 'household' && householdPicker}
        {error('householdId')}
        {text('stayPlace', t(draft.stayKind === 'workplace' ? 'observation-field:form.stayPlaceWorkplace' : 'observation-field:form.stayPlace'), {
          placeholder: t(draft.stayKind === 'workplace' ? 'observation-field:form.stayPlaceWorkplacePlaceholder' : 'observation-field:form.stayPlacePlaceholder'),
          max: 200,
          optional: Boolean(draft.householdId),
        })}
        {text('employer', t('observation-field:form.employer'), { max: 100, optional: true })}
        {text('reason', t('observation-field:form.reason'), { placeholder: t('observation-field:form.reasonPlaceholder'), max: 200, optional: true })}
      </section>

      <section className="field-visit-fields">
        <h2 className="obs-form-section">{t('observation-field:form.health')}</h2>
        <label className="field-label" htmlFor="arrival-symptoms">
          {t('observation-field:form.symptoms')}
          <span className="obs-optional">{t('observation-field:form.optional')}</span>
        </label>
        <TextArea
          id="arrival-symptoms"
          className={`field-input field-textarea${messages.symptoms ? ' obs-invalid' : ''}`}
          placeholder={t('observation-field:form.symptomsPlaceholder')}
          value={draft.symptoms}
          onChange={(v) => onChange({ symptoms: v })}
          maxLength={200}
          rows={2}
          autoSize={{ minRows: 2, maxRows: 4 }}
          data-testid="arrival-symptoms"
        />
        {error('symptoms')}

        <label className="field-label" htmlFor="arrival-temperature">
          {t('observation-field:form.temperature')}
          <span className="obs-optional">{t('observation-field:form.optional')}</span>
        </label>
        <div className={fever ? 'field-temperature field-temperature-fever' : 'field-temperature'}>
          <Input
            id="arrival-temperature"
            className="field-input"
            inputMode="decimal"
            placeholder={t('observation-field:record.temperaturePlaceholder')}
            value={draft.temperature}
            onChange={(v) => onChange({ temperature: v })}
            maxLength={5}
            data-testid="arrival-temperature"
          />
          <span className="field-temperature-unit">{t('gates:temperatureUnit')}</span>
        </div>
        {messages.temperature ? (
          <div className="field-error gate-measure-again" data-testid="error-temperature">
            {messages.temperature}
          </div>
        ) : (
          fever && (
            <div className="gate-fever-warning" data-testid="arrival-fever" role="alert">
              <strong>{t('observation-field:record.fever', { value: degrees(reading.value) })}</strong>
              <span>{t(mode === 'public' ? 'observation-field:form.feverPublic' : 'observation-field:record.feverHint')}</span>
            </div>
          )
        )}

        <label className="field-label" htmlFor="arrival-lastTestOn">
          {t('observation-field:form.lastTestOn')}
          <span className="obs-optional">{t('observation-field:form.optional')}</span>
        </label>
        <input
          id="arrival-lastTestOn"
          className={`field-input obs-date${messages.lastTestOn ? ' obs-invalid' : ''}`}
          type="date"
          max={today}
          value={draft.lastTestOn}
          onChange={(e) => onChange({ lastTestOn: e.target.value })}
          data-testid="arrival-lastTestOn"
        />
        {error('lastTestOn')}
      </section>
    </div>
  );
}
