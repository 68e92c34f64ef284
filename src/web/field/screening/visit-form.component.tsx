import { Button, Checkbox, Input, List, NoticeBar, Selector, TextArea, Toast } from 'antd-mobile';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shanghaiDate } from '../../../domain/local-date.ts';
import { uuidv7 } from '../../../domain/ids.ts';
import type { Household } from '../ledger/ledger.resource.ts';
import { useOnline } from '../offline/connectivity.ts';
import { ArrivalEditor } from './arrival-editor.component.tsx';
import { checkDraft, isFeverReading, newArrival, type ArrivalDraft, type VisitDraft } from './visit-draft.ts';
import './screening.css';

interface Props {
  /** The household as in the ledger; undefined when the phone no longer has it (an old refused visit). */
  household: Household | undefined;
  label: { address: string; groupName: string; roundName: string };
  initial: VisitDraft;
  /** The server's reason, when correcting a refused visit; `field` marks the part it points at. */
  refusal?: { message: string; field?: string } | undefined;
  saving: boolean;
  onSave: (draft: VisitDraft) => void;
  /** Told whether anything was typed or changed, so leaving can ask first. */
  onDirty?: (dirty: boolean) => void;
}

type Outcome = VisitDraft['outcome'];
type Symptom = 'fever' | 'cough';

/**
 * The visit, filled with one thumb at the door: who is home (everyone ticked
 * to begin with) or nobody; fever and cough as two big toggles, a reading
 * (red from 37.3 °C); anyone newly arrived; needs and a note. Checked here as
 * the server will check it; saving puts it in the outbox, network or not.
 */
export function VisitForm({ household, label, initial, refusal, saving, onSave, onDirty }: Props) {
  const { t } = useTranslation();
  const online = useOnline();
  const [draft, setDraft] = useState(initial);
  const [tried, setTried] = useState(false);
  const today = shanghaiDate();
  const problems = useMemo(() => checkDraft(draft, today), [draft, today]);
  const dirty = draft !== initial;
  useEffect(() => onDirty?.(dirty), [dirty, onDirty]);
  const set = <K extends keyof VisitDraft>(key: K, value: VisitDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  // Messages show once a save was tried (not while typing the first time); a refusal shows at once until its field changes.
  const messages: Record<string, string> = {};
  if (refusal?.field && JSON.stringify(draft) === JSON.stringify(initial)) messages[refusal.field.replace(/^health\./, '')] = refusal.message;
  if (tried) for (const [path, p] of Object.entries(problems)) messages[path] = t(p.key, p.params);
  const home = draft.outcome === 'visited';
  const members = household?.members ?? [];
  const hasHead = members.some((m) => m.relation === 'head') || draft.arrivals.some((a) => a.relation === 'head');

  const setTemperature = (text: string) =>
    setDraft((d) => ({
      ...d,
      temperature: text,
      // A reading of 37.3 or more is a fever: ticked for the user, who can still untick it.
      fever: isFeverReading(text) && !isFeverReading(d.temperature) ? true : d.fever,
    }));
  const togglePresent = (id: string, on: boolean) =>
    setDraft((d) => ({ ...d, presentIds: on ? [...d.presentIds.filter((p) => p !== id), id] : d.presentIds.filter((p) => p !== id) }));
  const changeArrival = (i: number, next: ArrivalDraft) => setDraft((d) => ({ ...d, arrivals: d.arrivals.map((a, j) => (j === i ? next : a)) }));
  const removeArrival = (i: number) => setDraft((d) => ({ ...d, arrivals: d.arrivals.filter((_, j) => j !== i) }));
  const addArrival = () => setDraft((d) => ({ ...d, arrivals: [...d.arrivals, newArrival(uuidv7())] }));

  const save = () => {
    setTried(true);
    if (Object.keys(problems).length > 0) {
      Toast.show({ content: t('field:screening.fixMarked') });
      // The first marked field is scrolled into view once the messages are on screen.
      requestAnimationFrame(() => document.querySelector('.field-visit-form .field-error')?.scrollIntoView({ block: 'center', behavior: 'smooth' }));
      return;
    }
    onSave(draft);
  };

  const arrivalErrors = (i: number) =>
    Object.fromEntries(
      Object.entries(messages)
        .filter(([path]) => path.startsWith(`arrivals.${i}.`))
        .map(([path, m]) => [path.slice(`arrivals.${i}.`.length), m]),
    );

  return (
    <div className="field-visit-form" data-testid="visit-form">
      <header className="field-visit-head">
        <h1 data-testid="visit-address">{label.address}</h1>
        <p className="field-muted">
          {label.groupName} · {label.roundName}
        </p>
      </header>
      {refusal && (
        <NoticeBar color="error" wrap content={t('field:outbox.refusedBecause', { message: refusal.message })} data-testid="visit-refusal" />
      )}

      <section className="field-visit-section">
        <h2 className="field-visit-title">{t('field:screening.outcome')}</h2>
        <Selector<Outcome>
          className="field-selector field-selector-big"
          columns={2}
          options={[
            { value: 'visited', label: t('field:screening.someoneHome') },
            { value: 'nobody_home', label: t('field:screening.nobodyHome') },
          ]}
          value={[draft.outcome]}
          onChange={(v) => v[0] && set('outcome', v[0])}
          data-testid="visit-outcome"
        />
      </section>

      {home && members.length > 0 && (
        <section className="field-visit-section">
          <h2 className="field-visit-title">
            {t('field:screening.whoIsHome')}
            <span className="field-muted"> {t('field:screening.presentCount', { n: draft.presentIds.filter((id) => members.some((m) => m.id === id)).length, total: members.length })}</span>
          </h2>
          <List className="field-list field-present" data-testid="present-list">
            {members.map((m) => {
              const on = draft.presentIds.includes(m.id);
              return (
                <List.Item key={m.id} arrowIcon={false} onClick={() => togglePresent(m.id, !on)} data-testid="present-member" data-checked={on}>
                  <span className="field-present-row">
                    {/* The row is the target; the box only shows the state. */}
                    <Checkbox checked={on} onClick={(e) => e.stopPropagation()} onChange={(v) => togglePresent(m.id, v)} />
                    <strong>{m.name}</strong>
                    <span className="field-muted">
                      {t(`server:relations.${m.relation}`)} · {t('field:ledger.age', { age: m.age })}
                    </span>
                  </span>
                </List.Item>
              );
            })}
          </List>
          {messages.presentIds && <div className="field-error field-pad">{messages.presentIds}</div>}
        </section>
      )}

      {home && (
        <section className="field-visit-section">
          <h2 className="field-visit-title">{t('field:screening.health')}</h2>
          <Selector<Symptom>
            className="field-selector field-selector-big field-symptoms"
            columns={2}
            multiple
            options={[
              { value: 'fever', label: t('field:screening.fever') },
              { value: 'cough', label: t('field:screening.cough') },
            ]}
            value={[...(draft.fever ? ['fever' as const] : []), ...(draft.cough ? ['cough' as const] : [])]}
            onChange={(v) => setDraft((d) => ({ ...d, fever: v.includes('fever'), cough: v.includes('cough') }))}
            data-testid="visit-symptoms"
          />
          <div className="field-visit-fields">
            <label className="field-label" htmlFor="visit-temperature">
              {t('field:screening.temperature')}
            </label>
            <div className={isFeverReading(draft.temperature) ? 'field-temperature field-temperature-fever' : 'field-temperature'}>
              <Input
                id="visit-temperature"
                className="field-input"
                inputMode="decimal"
                placeholder={t('field:screening.temperaturePlaceholder')}
                value={draft.temperature}
                onChange={setTemperature}
                maxLength={5}
                data-testid="visit-temperature"
              />
              <span className="field-temperature-unit">°C</span>
            </div>
            {messages.temperature ? (
              <div className="field-error">{messages.temperature}</div>
            ) : (
              isFeverReading(draft.temperature) && (
                <div className="field-error" data-testid="fever-reading">
                  {t('field:screening.feverReading')}
                </div>
              )
            )}
            <label className="field-label" htmlFor="visit-symptoms-other">
              {t('field:screening.otherSymptoms')}
            </label>
            <Input
              id="visit-symptoms-other"
              className="field-input"
              placeholder={t('field:screening.otherSymptomsPlaceholder')}
              value={draft.otherSymptoms}
              onChange={(v) => set('otherSymptoms', v)}
              maxLength={100}
            />
            {messages.otherSymptoms && <div className="field-error">{messages.otherSymptoms}</div>}
          </div>
        </section>
      )}

      {home && (
        <section className="field-visit-section">
          <h2 className="field-visit-title">{t('field:screening.arrivals')}</h2>
          <p className="field-muted field-pad field-visit-hint">{t('field:screening.arrivalsHint')}</p>
          <div className="field-visit-fields">
            {draft.arrivals.map((a, i) => (
              <ArrivalEditor
                key={a.id}
                index={i}
                arrival={a}
                onChange={(next) => changeArrival(i, next)}
                onRemove={() => removeArrival(i)}
                errors={arrivalErrors(i)}
                hasHead={hasHead && a.relation !== 'head'}
                today={today}
              />
            ))}
            <Button block fill="outline" color="primary" size="large" onClick={addArrival} data-testid="add-arrival" disabled={draft.arrivals.length >= 20}>
              {t('field:screening.addArrival')}
            </Button>
          </div>
        </section>
      )}

      <section className="field-visit-section">
        <h2 className="field-visit-title">{t('field:screening.notes')}</h2>
        <div className="field-visit-fields">
          {home && (
            <>
              <label className="field-label" htmlFor="visit-needs">
                {t('field:screening.needs')}
              </label>
              <TextArea
                id="visit-needs"
                className="field-input field-textarea"
                placeholder={t('field:screening.needsPlaceholder')}
                value={draft.needs}
                onChange={(v) => set('needs', v)}
                maxLength={300}
                autoSize={{ minRows: 2, maxRows: 5 }}
              />
              {messages.needs && <div className="field-error">{messages.needs}</div>}
            </>
          )}
          <label className="field-label" htmlFor="visit-note">
            {t('field:screening.note')}
          </label>
          <TextArea
            id="visit-note"
            className="field-input field-textarea"
            value={draft.note}
            onChange={(v) => set('note', v)}
            maxLength={500}
            autoSize={{ minRows: 2, maxRows: 5 }}
          />
          {messages.note && <div className="field-error">{messages.note}</div>}
        </div>
      </section>

      <div className="field-sticky-action">
        <Button block color="primary" size="large" onClick={save} loading={saving} data-testid="save-visit">
          {t('field:screening.save')}
        </Button>
        <p className="field-hint field-save-hint">{online ? t('field:screening.saveHintOnline') : t('field:screening.saveHintOffline')}</p>
      </div>
    </div>
  );
}
