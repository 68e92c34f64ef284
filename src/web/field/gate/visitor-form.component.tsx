import { Button, Input, NoticeBar, Selector, Toast } from 'antd-mobile';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shanghaiDate } from '../../../domain/local-date.ts';
import { checkReading } from './reading.ts';
import { checkVisitorDraft, completeId, completeMobile, type Direction, type HealthCode, type VisitorDraft } from './visitor-draft.ts';
import { useReturningVisitor, type KnownVisitor } from './visitor-lookup.resource.ts';

const HEALTH_CODES: readonly HealthCode[] = ['green', 'yellow', 'red', 'none'];

interface Props {
  communityId: string;
  initial: VisitorDraft;
  /** The server's reason, when correcting a refused registration; `field` marks the part it points at. */
  refusal?: { message: string; field?: string } | undefined;
  saving: boolean;
  onSave: (draft: VisitorDraft) => void;
}

/**
 * A visitor at the gate, with one thumb: in or out, ID number or mobile (a
 * returning visitor is offered at once), name, from where, why, whom, the
 * reading (red from 37.3 °C, refused outside 34–43 °C as a misreading) and
 * the health code's colour as shown. Checked here as the server checks it.
 */
export function VisitorForm({ communityId, initial, refusal, saving, onSave }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const [tried, setTried] = useState(false);
  const [filledFrom, setFilledFrom] = useState<string | null>(null);
  const today = shanghaiDate();
  const problems = useMemo(() => checkVisitorDraft(draft, today), [draft, today]);
  const set = <K extends keyof VisitorDraft>(key: K, value: VisitorDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const reading = checkReading(draft.temperature);
  const fever = reading.kind === 'ok' && reading.fever;

  const idNumber = completeId(draft.idNumber, today);
  const phone = completeMobile(draft.phone);
  const known = useReturningVisitor(communityId, { idNumber, phone: idNumber ? null : phone });
  const knownKey = known ? `${known.source}:${known.name}:${known.lastSeenAt}` : null;

  // Messages show once a save was tried; a misreading and a refusal show at once.
  const messages: Partial<Record<keyof VisitorDraft, string>> = {};
  if (refusal?.field && draft === initial) messages[refusal.field.replace(/^visitor\./, '') as keyof VisitorDraft] = refusal.message;
  for (const [field, p] of Object.entries(problems) as [keyof VisitorDraft, { key: string }][]) {
    if (tried || (field === 'temperature' && reading.kind === 'misread')) messages[field] = t(p.key);
  }

  const fill = (v: KnownVisitor) => {
    setDraft((d) => ({ ...d, name: v.name, fromPlace: v.fromPlace, purpose: v.purpose ?? d.purpose, visiting: v.visiting ?? d.visiting }));
    setFilledFrom(knownKey);
  };

  const save = () => {
    setTried(true);
    if (Object.keys(problems).length > 0) {
      Toast.show({ content: reading.kind === 'misread' ? t('gate-field:reading.measureAgain') : t('gate-field:visitor.fixMarked') });
      requestAnimationFrame(() => document.querySelector('.gate-visitor-form .field-error')?.scrollIntoView({ block: 'center', behavior: 'smooth' }));
      return;
    }
    onSave(draft);
  };

  useEffect(() => {
    // A different person typed in: the offer to fill comes back.
    if (knownKey === null) setFilledFrom(null);
  }, [knownKey]);

  const error = (field: keyof VisitorDraft) =>
    messages[field] ? (
      <div className="field-error" data-testid={`error-${field}`}>
        {messages[field]}
      </div>
    ) : null;

  return (
    <div className="gate-visitor-form" data-testid="visitor-form">
      {refusal && <NoticeBar color="error" wrap content={t('gate-field:outbox.refusedBecause', { message: refusal.message })} data-testid="visitor-refusal" />}

      <section className="field-visit-section">
        <Selector<Direction>
          className="field-selector field-selector-big gate-direction"
          columns={2}
          options={[
            { value: 'in', label: t('gate-field:scan.directionIn') },
            { value: 'out', label: t('gate-field:scan.directionOut') },
          ]}
          value={[draft.direction]}
          onChange={(v) => v[0] && set('direction', v[0])}
          data-testid="visitor-direction"
        />
      </section>

      <section className="field-visit-fields">
        <p className="field-hint gate-form-hint">{t('gate-field:visitor.idOrPhoneHint')}</p>
        <label className="field-label" htmlFor="visitor-id">
          {t('gate-field:visitor.idNumber')}
        </label>
        <div className="gate-id-row">
          <Input
            id="visitor-id"
            className="field-input"
            inputMode="numeric"
            autoComplete="off"
            placeholder={t('gate-field:visitor.idPlaceholder')}
            value={draft.idNumber}
            onChange={(v) => set('idNumber', v.toUpperCase())}
            maxLength={18}
            clearable
            data-testid="visitor-id"
          />
          {/* A numeric keyboard has no X, the last character of some ID numbers. */}
          <Button className="gate-id-x" onClick={() => set('idNumber', (draft.idNumber + 'X').slice(0, 18))} disabled={draft.idNumber.length !== 17} aria-label={t('gate-field:visitor.addX')}>
            X
          </Button>
        </div>
        {idNumber && !messages.idNumber && (
          <div className="gate-ok" data-testid="visitor-id-ok">
            {t('gate-field:visitor.idOk')}
          </div>
        )}
        {error('idNumber')}

        <label className="field-label" htmlFor="visitor-phone">
          {t('gate-field:visitor.phone')}
        </label>
        <Input
          id="visitor-phone"
          className="field-input"
          type="tel"
          inputMode="tel"
          autoComplete="off"
          placeholder={t('gate-field:visitor.phonePlaceholder')}
          value={draft.phone}
          onChange={(v) => set('phone', v)}
          maxLength={20}
          clearable
          data-testid="visitor-phone"
        />
        {error('phone')}

        {known && filledFrom !== knownKey && (
          <div className="gate-known" data-testid="visitor-known" data-source={known.source}>
            <div className="gate-known-text">
              <strong>{t(known.source === 'server' ? 'gate-field:visitor.knownServer' : 'gate-field:visitor.knownPhone', { name: known.name })}</strong>
              <span>
                {[known.fromPlace, known.purpose, known.visiting].filter(Boolean).join(' · ')}
                {known.visits !== null && ` · ${t('gate-field:visitor.visits', { count: known.visits })}`}
              </span>
            </div>
            <Button color="primary" size="middle" onClick={() => fill(known)} data-testid="visitor-fill">
              {t('gate-field:visitor.fill')}
            </Button>
          </div>
        )}

        <label className="field-label" htmlFor="visitor-name">
          {t('gate-field:visitor.name')}
        </label>
        <Input id="visitor-name" className="field-input" value={draft.name} onChange={(v) => set('name', v)} maxLength={30} clearable data-testid="visitor-name" />
        {error('name')}

        <label className="field-label" htmlFor="visitor-from">
          {t('gate-field:visitor.fromPlace')}
        </label>
        <Input
          id="visitor-from"
          className="field-input"
          placeholder={t('gate-field:visitor.fromPlaceholder')}
          value={draft.fromPlace}
          onChange={(v) => set('fromPlace', v)}
          maxLength={60}
          clearable
          data-testid="visitor-from"
        />
        {error('fromPlace')}

        <label className="field-label" htmlFor="visitor-purpose">
          {t('gate-field:visitor.purpose')}
        </label>
        <Input
          id="visitor-purpose"
          className="field-input"
          placeholder={t('gate-field:visitor.purposePlaceholder')}
          value={draft.purpose}
          onChange={(v) => set('purpose', v)}
          maxLength={60}
          clearable
          data-testid="visitor-purpose"
        />
        {error('purpose')}

        <label className="field-label" htmlFor="visitor-visiting">
          {t('gate-field:visitor.visiting')}
        </label>
        <Input
          id="visitor-visiting"
          className="field-input"
          placeholder={t('gate-field:visitor.visitingPlaceholder')}
          value={draft.visiting}
          onChange={(v) => set('visiting', v)}
          maxLength={60}
          clearable
          data-testid="visitor-visiting"
        />
        {error('visiting')}

        <label className="field-label" htmlFor="visitor-temperature">
          {t('gate-field:visitor.temperature')}
        </label>
        <div className={fever ? 'field-temperature field-temperature-fever' : 'field-temperature'}>
          <Input
            id="visitor-temperature"
            className="field-input gate-temperature-input"
            inputMode="decimal"
            placeholder={t('gate-field:scan.temperaturePlaceholder')}
            value={draft.temperature}
            onChange={(v) => set('temperature', v)}
            maxLength={5}
            data-testid="visitor-temperature"
          />
          <span className="field-temperature-unit">{t('gates:temperatureUnit')}</span>
        </div>
        {messages.temperature ? (
          <div className="field-error gate-measure-again" data-testid="visitor-measure-again" data-problem={reading.kind}>
            {messages.temperature}
          </div>
        ) : (
          fever && (
            <div className="gate-fever-warning" data-testid="visitor-fever" role="alert">
              <strong>{t('gate-field:verdict.fever', { value: reading.value.toFixed(1) })}</strong>
              <span>{t('gate-field:reading.feverVisitor')}</span>
            </div>
          )
        )}

        <span className="field-label">{t('gate-field:visitor.healthCode')}</span>
        <Selector<HealthCode>
          className="field-selector field-selector-big gate-choice gate-codes"
          columns={4}
          options={HEALTH_CODES.map((c) => ({ value: c, label: <span className={`gate-code gate-code-${c}`}>{t(`gates:healthCodes.${c}`)}</span> }))}
          value={draft.healthCode ? [draft.healthCode] : []}
          onChange={(v) => set('healthCode', v[0] ?? null)}
          data-testid="visitor-code"
        />
      </section>

      <div className="gate-save-bar">
        <Button block color={fever ? 'danger' : 'primary'} size="large" loading={saving} onClick={save} data-testid="visitor-save">
          {t('gate-field:visitor.save')}
        </Button>
      </div>
    </div>
  );
}
