import { Button, Dialog, ErrorBlock, Input, List, Selector, SpinLoading, Stepper, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { FieldGate } from '../../../contract/gates.ts';
import { isFever } from '../../../domain/gates/temperature.ts';
import { uuidv7 } from '../../../domain/ids.ts';
import { useMe } from '../../shared/session.ts';
import { useOnline } from '../offline/connectivity.ts';
import { hourMinute } from '../gate/gate-format.ts';
import { useGateKit, type PatrolGroup } from '../gate/gate-kit.resource.ts';
import { keepPatrolRound, PATROL_CHANNEL, useGateOutbox } from '../gate/gate-outbox.ts';
import { checkReading, readingProblem } from '../gate/reading.ts';
import { addReading, checkedCount, COUNTER_MAX, feverCount, newRound, removeReading, toPatrolRoundInput, type HealthCode, type RoundDraft } from './patrol-draft.ts';
import { useRoundInProgress } from './patrol-round-store.ts';
import '../gate/gate.css';
import './patrol.css';

const HEALTH_CODES: readonly HealthCode[] = ['green', 'yellow', 'red', 'none'];

/**
 * Patrols (/patrol): a member of a patrol group picks the zone and starts a
 * round; walking it, adds each person checked (a reading, red from 37.3 °C,
 * and the code's colour), counts reminders about masks and gatherings, notes
 * incidents; finishing puts the round in the outbox. The round in progress is
 * kept on the phone at each change.
 */
export function PatrolPage() {
  const { t } = useTranslation();
  const kit = useGateKit();
  const online = useOnline();
  const [round, setRound] = useRoundInProgress();
  if (!kit.data) {
    if (kit.isPending && online) {
      return (
        <div className="field-center gate-loading" aria-busy="true">
          <SpinLoading color="primary" />
        </div>
      );
    }
    return (
      <div className="field-state">
        <ErrorBlock status="default" title={t('field:state.offlineTitle')} description={t('gate-field:kit.missing')} />
      </div>
    );
  }
  const groups = kit.data.patrolGroups;
  const group = round ? groups.find((g) => g.id === round.groupId) : undefined;
  return (
    <div className="patrol-page" data-testid="patrol-page">
      <header className="field-hero field-hero-compact">
        <h1>{t('gate-field:patrol.title')}</h1>
        <p>{round && group ? `${group.name} · ${group.zones.find((z) => z.id === round.zoneId)?.name ?? ''}` : t('gate-field:patrol.intro')}</p>
      </header>
      {round ? (
        <RoundInProgress round={round} group={group} onChange={setRound} />
      ) : groups.length === 0 ? (
        <div className="field-state" data-testid="patrol-none">
          <ErrorBlock status="empty" title={t('gate-field:patrol.noneTitle')} description={t('gate-field:patrol.none')} />
        </div>
      ) : (
        <StartRound kit={kit.data} onStart={setRound} />
      )}
      <PatrolOutboxRow />
    </div>
  );
}

function StartRound({ kit, onStart }: { kit: FieldGate; onStart: (round: RoundDraft) => void }) {
  const { t } = useTranslation();
  const groups = kit.patrolGroups;
  const [groupId, setGroupId] = useState(groups[0]!.id);
  const group = groups.find((g) => g.id === groupId) ?? groups[0]!;
  const [zoneId, setZoneId] = useState<string | null>(group.zones.length === 1 ? group.zones[0]!.id : null);
  const start = () => {
    if (!zoneId) return;
    onStart(newRound({ id: uuidv7(), groupId: group.id, zoneId, startedAt: new Date().toISOString() }));
  };
  return (
    <div className="patrol-start" data-testid="patrol-start">
      {groups.length > 1 && (
        <section className="field-visit-section">
          <h2 className="field-visit-title">{t('gate-field:patrol.group')}</h2>
          <Selector
            className="field-selector field-selector-big gate-choice"
            columns={1}
            options={groups.map((g) => ({ value: g.id, label: g.name }))}
            value={[groupId]}
            onChange={(v) => {
              if (!v[0]) return;
              setGroupId(v[0]);
              setZoneId(null);
            }}
            data-testid="patrol-group"
          />
        </section>
      )}
      {groups.length === 1 && (
        <p className="patrol-group-name">
          <span className="field-muted">{t('gate-field:patrol.group')}</span> {group.name}
        </p>
      )}
      <section className="field-visit-section">
        <h2 className="field-visit-title">{t('gate-field:patrol.zone')}</h2>
        <Selector
          className="field-selector field-selector-big gate-choice"
          columns={2}
          options={group.zones.map((z) => ({ value: z.id, label: z.name }))}
          value={zoneId ? [zoneId] : []}
          onChange={(v) => setZoneId(v[0] ?? null)}
          data-testid="patrol-zone"
        />
      </section>
      <div className="patrol-actions">
        <Button block color="primary" size="large" disabled={!zoneId} onClick={start} data-testid="patrol-begin">
          {t('gate-field:patrol.start')}
        </Button>
      </div>
    </div>
  );
}

function RoundInProgress({ round, group, onChange }: { round: RoundDraft; group: PatrolGroup | undefined; onChange: (round: RoundDraft | null) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const [finishing, setFinishing] = useState(false);
  const zoneName = group?.zones.find((z) => z.id === round.zoneId)?.name ?? '';
  const fevers = feverCount(round);
  const set = <K extends keyof RoundDraft>(key: K, value: RoundDraft[K]) => onChange({ ...round, [key]: value });

  const finish = async () => {
    const sure = await Dialog.confirm({
      title: t('gate-field:patrol.finishTitle'),
      content: t('gate-field:patrol.summary', { checked: checkedCount(round), masks: round.remindersMasks, gatherings: round.remindersGatherings }),
      confirmText: t('gate-field:patrol.finish'),
      cancelText: t('common:cancel'),
    });
    if (!sure || !me.data) return;
    setFinishing(true);
    try {
      await keepPatrolRound({ id: round.id, userId: me.data.id, round: toPatrolRoundInput(round, new Date().toISOString()), label: { groupName: group?.name ?? '', zoneName } });
    } catch {
      setFinishing(false);
      Toast.show({ icon: 'fail', content: t('field:outbox.storageFailed') });
      return;
    }
    setFinishing(false);
    onChange(null);
    Toast.show({ icon: 'success', content: t('gate-field:patrol.finished') });
  };

  const discard = async () => {
    const sure = await Dialog.confirm({
      content: t('gate-field:patrol.discardConfirm'),
      confirmText: <span className="field-danger-text">{t('gate-field:patrol.discard')}</span>,
      cancelText: t('common:cancel'),
    });
    if (sure) onChange(null);
  };

  return (
    <div className="patrol-round" data-testid="patrol-round" data-zone={zoneName}>
      <section className="patrol-round-head">
        <div className="patrol-round-figures">
          <div data-testid="patrol-checked">
            <strong>{checkedCount(round)}</strong>
            <span>{t('gate-field:patrol.checked')}</span>
          </div>
          <div className={fevers > 0 ? 'patrol-figure-alarm' : undefined} data-testid="patrol-fevers">
            <strong>{fevers}</strong>
            <span>{t('gate-field:live.fevers')}</span>
          </div>
          <div>
            <strong>{hourMinute(round.startedAt)}</strong>
            <span>{t('gate-field:patrol.startedAt')}</span>
          </div>
        </div>
      </section>

      <ReadingForm onAdd={(r) => onChange(addReading(round, r))} />

      {round.readings.length > 0 && (
        <List className="field-list patrol-readings" data-testid="patrol-readings">
          {round.readings.map((r) => {
            const fever = isFever(r.temperature);
            return (
              <List.Item
                key={r.key}
                data-testid="patrol-reading"
                data-fever={fever}
                extra={
                  <Button size="small" fill="none" onClick={() => onChange(removeReading(round, r.key))} aria-label={t('gate-field:patrol.removeReading')}>
                    {'\u2715'}
                  </Button>
                }
              >
                <span className="patrol-reading">
                  <strong className={fever ? 'patrol-temp patrol-temp-fever' : 'patrol-temp'}>
                    {r.temperature.toFixed(1)} {t('gates:temperatureUnit')}
                  </strong>
                  {fever && <span className="patrol-fever-tag">{t('gates:fever')}</span>}
                  {r.healthCode && <span className={`gate-code gate-code-${r.healthCode}`}>{t(`gates:healthCodes.${r.healthCode}`)}</span>}
                  {r.name && <span className="field-muted">{r.name}</span>}
                </span>
              </List.Item>
            );
          })}
        </List>
      )}

      <section className="patrol-counters">
        <Counter label={t('gate-field:patrol.countedOnly')} value={round.checkedWithoutReading} onChange={(v) => set('checkedWithoutReading', v)} testId="patrol-counted" />
        <Counter label={t('gate-field:patrol.masks')} value={round.remindersMasks} onChange={(v) => set('remindersMasks', v)} testId="patrol-masks" />
        <Counter label={t('gate-field:patrol.gatherings')} value={round.remindersGatherings} onChange={(v) => set('remindersGatherings', v)} testId="patrol-gatherings" />
      </section>

      <section className="field-visit-fields">
        <label className="field-label" htmlFor="patrol-incidents">
          {t('gate-field:patrol.incidents')}
        </label>
        <TextArea
          id="patrol-incidents"
          className="field-input field-textarea"
          placeholder={t('gate-field:patrol.incidentsPlaceholder')}
          value={round.incidents}
          onChange={(v) => set('incidents', v)}
          maxLength={500}
          autoSize={{ minRows: 2, maxRows: 6 }}
          data-testid="patrol-incidents"
        />
      </section>

      <div className="patrol-actions">
        <Button block color="primary" size="large" loading={finishing} onClick={() => void finish()} data-testid="patrol-finish">
          {t('gate-field:patrol.finish')}
        </Button>
        <Button block color="danger" fill="outline" size="large" onClick={() => void discard()} data-testid="patrol-discard">
          {t('gate-field:patrol.discard')}
        </Button>
      </div>
    </div>
  );
}

/** One person checked: the reading (required; a misreading is refused), the code's colour, a name if they give it. */
function ReadingForm({ onAdd }: { onAdd: (reading: RoundDraft['readings'][number]) => void }) {
  const { t } = useTranslation();
  const [temperature, setTemperature] = useState('');
  const [code, setCode] = useState<HealthCode | null>(null);
  const [name, setName] = useState('');
  const [tried, setTried] = useState(false);
  const reading = checkReading(temperature);
  const problem = readingProblem(reading, true);
  const shown = problem && (tried || reading.kind === 'misread') ? problem : null;
  const fever = reading.kind === 'ok' && reading.fever;

  const add = () => {
    setTried(true);
    if (reading.kind !== 'ok') return;
    onAdd({ key: uuidv7(), temperature: reading.value, healthCode: code, name: name.trim() });
    setTemperature('');
    setCode(null);
    setName('');
    setTried(false);
  };

  return (
    <section className="patrol-reading-form" data-testid="patrol-reading-form">
      <h2 className="field-visit-title">{t('gate-field:patrol.addPerson')}</h2>
      <div className="field-visit-fields">
        <div className={fever ? 'field-temperature field-temperature-fever' : 'field-temperature'}>
          <Input
            className="field-input"
            inputMode="decimal"
            placeholder={t('gate-field:scan.temperaturePlaceholder')}
            value={temperature}
            onChange={setTemperature}
            maxLength={5}
            aria-label={t('gate-field:visitor.temperature')}
            data-testid="patrol-temperature"
          />
          <span className="field-temperature-unit">{t('gates:temperatureUnit')}</span>
        </div>
        {shown && (
          <div className="field-error" data-testid="patrol-measure-again">
            {t(shown)}
          </div>
        )}
        {fever && (
          <div className="gate-fever-warning" role="alert" data-testid="patrol-fever">
            <strong>{t('gate-field:verdict.fever', { value: reading.value.toFixed(1) })}</strong>
            <span>{t('gate-field:reading.feverPatrol')}</span>
          </div>
        )}
        <Selector<HealthCode>
          className="field-selector gate-choice gate-codes"
          columns={4}
          options={HEALTH_CODES.map((c) => ({ value: c, label: <span className={`gate-code gate-code-${c}`}>{t(`gates:healthCodes.${c}`)}</span> }))}
          value={code ? [code] : []}
          onChange={(v) => setCode(v[0] ?? null)}
          data-testid="patrol-code"
        />
        <Input className="field-input" placeholder={t('gate-field:patrol.namePlaceholder')} value={name} onChange={setName} maxLength={30} data-testid="patrol-name" />
        <Button block color={fever ? 'danger' : 'primary'} fill="outline" size="large" onClick={add} data-testid="patrol-add">
          {t('gate-field:patrol.add')}
        </Button>
      </div>
    </section>
  );
}

function Counter({ label, value, onChange, testId }: { label: string; value: number; onChange: (v: number) => void; testId: string }) {
  return (
    <div className="patrol-counter" data-testid={testId}>
      <span>{label}</span>
      <Stepper className="patrol-stepper" min={0} max={COUNTER_MAX} digits={0} value={value} onChange={(v) => onChange(Math.max(0, Math.round(v ?? 0)))} />
    </div>
  );
}

/** The rounds finished on this phone and not yet sent, and a way to the gate outbox. */
function PatrolOutboxRow() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { items } = useGateOutbox();
  const rounds = items.filter((i) => i.channel === PATROL_CHANNEL);
  const waiting = rounds.filter((i) => i.status === 'waiting').length;
  const refused = rounds.length - waiting;
  return (
    <button type="button" className="gate-outbox-row" onClick={() => void navigate('/gate/outbox')} data-testid="patrol-outbox-entry" data-waiting={waiting} data-refused={refused}>
      <span>
        {rounds.length === 0
          ? t('gate-field:patrol.allSent')
          : [waiting > 0 ? t('gate-field:patrol.waiting', { count: waiting }) : null, refused > 0 ? t('gate-field:outbox.refused', { count: refused }) : null].filter(Boolean).join(' · ')}
      </span>
    </button>
  );
}
