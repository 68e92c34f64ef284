import { Badge, Button, Input, NoticeBar, Selector, Switch, Toast } from 'antd-mobile';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { Entrance, FieldGate } from '../../../contract/gates.ts';
import { uuidv7 } from '../../../domain/ids.ts';
import { useMe } from '../../shared/session.ts';
import { useOnline } from '../offline/connectivity.ts';
import { AlertsBanner } from './alerts.component.tsx';
import { CameraScanner } from './camera-scanner.component.tsx';
import { EntranceSheet, EntranceStateTag } from './entrance-list.component.tsx';
import { hourMinute } from './gate-format.ts';
import { PatrolIcon } from './gate-icons.component.tsx';
import { entranceStateNow, knowledgeOf, nextChange } from './gate-kit.ts';
import { keepPassage, PASSAGE_CHANNEL, useGateOutbox } from './gate-outbox.ts';
import { showResult, useLastResult } from './last-result.ts';
import { LiveCard } from './live-card.component.tsx';
import { useLiveGate } from './live-gate.resource.ts';
import { decodePhoto } from './qr-decode.ts';
import { checkReading, readingValue } from './reading.ts';
import { checkScan, passageOfScan, RepeatFilter } from './scan-check.ts';
import { ServerVerdicts } from './server-verdicts.component.tsx';
import { useGateDirection } from './gate-direction.ts';
import { VerdictPanel } from './verdict-panel.component.tsx';

/** A kit older than this, on a phone that should be online, is worth a warning: revocations may be missing. */
const STALE_KIT_MS = 10 * 60_000;

/** A short buzz for "let through", a long double one for anything else. */
function buzz(ok: boolean): void {
  navigator.vibrate?.(ok ? 60 : [220, 90, 220]);
}

/**
 * One entrance's desk: its state, the camera reading passes (each verdict
 * made on the phone from the kit, shown at once, then kept in the outbox),
 * direction and temperature for the next person, a visitor's registration,
 * what waits to upload, today's figures and open alerts.
 */
export function GateDesk({ kit, entrance, onPickEntrance }: { kit: FieldGate; entrance: Entrance; onPickEntrance: (id: string) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const online = useOnline();
  const [picking, setPicking] = useState(false);
  const [cameraOn, setCameraOn] = useState(true);
  const [direction, setDirection] = useGateDirection();
  const [temperature, setTemperature] = useState('');
  const result = useLastResult();
  const filter = useRef(new RepeatFilter()).current;
  const photoInput = useRef<HTMLInputElement>(null);
  const outbox = useGateOutbox();
  const community = kit.communities.find((c) => c.id === entrance.communityId);
  const knowledge = useMemo(() => (community ? knowledgeOf(community) : null), [community]);
  const live = useLiveGate(entrance.communityId);
  // Redrawn every half minute, so a change planned for 07:00 shows at 07:00 on a phone nobody touches.
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), 30_000);
    return () => clearInterval(timer);
  }, []);

  const state = entranceStateNow(entrance);
  const sealed = state === 'sealed';
  const planned = nextChange(entrance);
  const reading = checkReading(temperature);
  const passages = outbox.items.filter((i) => i.channel === PASSAGE_CHANNEL);
  const waiting = passages.filter((i) => i.status === 'waiting').length;
  const refused = outbox.items.filter((i) => i.status === 'refused').length;
  const kitAge = Date.now() - Date.parse(kit.syncedAt);

  /** A code read by the camera or from a photo: a verdict at once, then the registration into the outbox. */
  const register = useCallback(
    (text: string) => {
      const userId = me.data?.id;
      const now = new Date();
      // The state at this very moment: a sealing planned for 07:00 holds from 07:00, whenever the screen last redrew.
      const stateNow = entranceStateNow(entrance, now);
      if (!userId || stateNow === 'sealed') return;
      const id = uuidv7();
      const temp = checkReading(temperature);
      if (temp.kind === 'format' || temp.kind === 'misread') {
        showResult({ kind: 'measureAgain', id, at: now.toISOString(), temperature: temp.kind === 'misread' ? temp.value : null });
        buzz(false);
        return;
      }
      const verdict = checkScan(text, knowledge, stateNow, now);
      const fever = temp.kind === 'ok' && temp.fever;
      const value = readingValue(temp);
      showResult({
        kind: 'pass', id, at: now.toISOString(), direction, allowed: verdict.allowed, reason: verdict.allowed ? null : verdict.reason,
        name: verdict.claims?.n ?? null, detail: verdict.claims?.a ?? null, temperature: value, fever,
      });
      buzz(verdict.allowed && !fever);
      // Something that is not a pass at all (a payment code, a website) is nobody's passage: nothing to record.
      if (!verdict.allowed && verdict.reason === 'malformed') return;
      setTemperature('');
      const passage = passageOfScan({ id, entranceId: entrance.id, at: now.toISOString(), direction, token: text, verdict, temperature: value });
      keepPassage({ id, userId, passage, label: { entranceName: entrance.name, name: verdict.claims?.n ?? t('gate-field:scan.unknownHolder'), detail: verdict.claims?.a ?? null } }).catch(() =>
        Toast.show({ icon: 'fail', content: t('field:outbox.storageFailed') }),
      );
    },
    [me.data?.id, temperature, knowledge, direction, entrance, t],
  );

  const onCode = useCallback(
    (text: string) => {
      if (filter.isNew(text, Date.now())) register(text);
    },
    [filter, register],
  );

  const changeTemperature = (text: string) => {
    setTemperature(text);
    // A scan held back for a misreading counts again as soon as the reading changes.
    if (result?.kind === 'measureAgain') filter.forgetAll();
  };

  const fromPhoto = async (file: File | undefined) => {
    if (!file) return;
    try {
      const text = await decodePhoto(file);
      if (text) register(text);
      else Toast.show({ content: t('gate-field:scan.noCodeInPhoto') });
    } catch {
      Toast.show({ content: t('gate-field:scan.noCodeInPhoto') });
    }
  };

  return (
    <div className="gate-desk" data-testid="gate-desk" data-entrance={entrance.id} data-state={state}>
      <header className="gate-head">
        <button type="button" className="gate-head-entrance" onClick={() => setPicking(true)} data-testid="entrance-change">
          <span className="gate-head-name" data-testid="entrance-name">
            {entrance.name}
          </span>
          <span className="gate-head-sub">
            {entrance.communityName} · {t('gate-field:entrance.change')}
          </span>
        </button>
        <EntranceStateTag state={state} />
      </header>

      {planned && (
        <NoticeBar
          className="gate-planned"
          color="info"
          wrap
          content={t('gate-field:entrance.planned', { state: t(`gates:states.${planned.state}`), time: new Date(planned.effectiveAt).toLocaleString([], { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' }) })}
        />
      )}

      {kit.receivesAlerts && <AlertsBanner alerts={live.alerts} />}
      <ServerVerdicts />

      {sealed ? (
        <section className="gate-sealed" data-testid="entrance-sealed">
          <strong>{t('gate-field:entrance.sealedTitle')}</strong>
          <span>{t('gate-field:entrance.sealedHint')}</span>
        </section>
      ) : (
        <>
          <CameraScanner enabled={cameraOn} onCode={onCode} />
          <VerdictPanel result={result} />

          <section className="gate-controls">
            <Selector<'in' | 'out'>
              className="field-selector field-selector-big gate-direction"
              columns={2}
              options={[
                { value: 'in', label: t('gate-field:scan.directionIn') },
                { value: 'out', label: t('gate-field:scan.directionOut') },
              ]}
              value={[direction]}
              onChange={(v) => v[0] && setDirection(v[0])}
              data-testid="direction"
            />
            <div className={reading.kind === 'ok' && reading.fever ? 'field-temperature field-temperature-fever gate-temperature' : 'field-temperature gate-temperature'}>
              <label htmlFor="gate-temperature" className="gate-temperature-label">
                {t('gate-field:scan.temperature')}
              </label>
              <Input
                id="gate-temperature"
                className="field-input"
                inputMode="decimal"
                placeholder={t('gate-field:scan.temperaturePlaceholder')}
                value={temperature}
                onChange={changeTemperature}
                maxLength={5}
                clearable
                data-testid="scan-temperature"
              />
              <span className="field-temperature-unit">{t('gates:temperatureUnit')}</span>
            </div>
            {(reading.kind === 'format' || reading.kind === 'misread') && (
              <div className="field-error" data-testid="scan-temperature-problem">
                {t(reading.kind === 'format' ? 'gate-field:reading.format' : 'gate-field:reading.measureAgain')}
              </div>
            )}
            {reading.kind === 'ok' && reading.fever && (
              <div className="field-error gate-fever-note" data-testid="scan-fever">
                {t('gate-field:reading.fever')}
              </div>
            )}
          </section>

          <section className="gate-actions">
            <Button size="large" className="gate-photo" onClick={() => photoInput.current?.click()} data-testid="scan-photo">
              {t('gate-field:scan.fromPhoto')}
            </Button>
            <Button size="large" color="primary" className="gate-visitor" onClick={() => void navigate('/gate/visitor')} data-testid="register-visitor">
              {t('gate-field:visitor.register')}
            </Button>
            <input
              ref={photoInput}
              type="file"
              accept="image/*"
              hidden
              data-testid="scan-photo-input"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                e.currentTarget.value = '';
                void fromPhoto(file);
              }}
            />
          </section>
          <label className="gate-camera-switch">
            <span>{t('gate-field:scan.cameraSwitch')}</span>
            <Switch checked={cameraOn} onChange={setCameraOn} data-testid="camera-switch" />
          </label>
        </>
      )}

      <button type="button" className="gate-outbox-row" onClick={() => void navigate('/gate/outbox')} data-testid="gate-outbox-entry" data-waiting={waiting} data-refused={refused}>
        <span>
          {waiting + refused === 0
            ? t('gate-field:outbox.allSent')
            : [waiting > 0 ? t('gate-field:outbox.waiting', { count: waiting }) : null, refused > 0 ? t('gate-field:outbox.refused', { count: refused }) : null].filter(Boolean).join(' · ')}
        </span>
        {waiting + refused > 0 && <Badge content={waiting + refused} color={refused > 0 ? 'var(--adm-color-danger)' : '#ad6800'} />}
      </button>

      <LiveCard view={live.view} entranceId={entrance.id} status={live.status} />

      {kit.patrolGroups.length > 0 && (
        <button type="button" className="gate-outbox-row" onClick={() => void navigate('/patrol')} data-testid="open-patrol">
          <span>
            <PatrolIcon /> {t('gate-field:patrol.entry')}
          </span>
          <span className="field-muted">{t('gate-field:patrol.entryHint')}</span>
        </button>
      )}

      <p className={online && kitAge > STALE_KIT_MS ? 'gate-kit-age gate-kit-age-old' : 'gate-kit-age'} data-testid="kit-age">
        {t('gate-field:kit.syncedAt', { time: hourMinute(kit.syncedAt) })}
        {!online && ` · ${t('gate-field:kit.offline')}`}
      </p>

      <EntranceSheet visible={picking} entrances={kit.entrances} chosenId={entrance.id} onPick={onPickEntrance} onClose={() => setPicking(false)} />
    </div>
  );
}
