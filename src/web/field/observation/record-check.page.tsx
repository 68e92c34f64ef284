import { Button, ErrorBlock, Input, NavBar, NoticeBar, Selector, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { Check, CheckReadingInput } from '../../../contract/observation.ts';
import { uuidv7 } from '../../../domain/ids.ts';
import { isFever } from '../../../domain/gates/temperature.ts';
import { EARLIEST_BEFORE_DUE_MS, readingFits } from '../../../domain/observation/schedule.ts';
import { hasPermission, useMe } from '../../shared/session.ts';
import { checkReading, readingProblem } from '../gate/reading.ts';
import { useOnline } from '../offline/connectivity.ts';
import { CheckStateTag } from './check-state-tag.component.tsx';
import { itemsByCheck, rowOf } from './check-lists.ts';
import { clockOf, degrees } from './observation-format.ts';
import { useMyCheckLists } from './observation.resource.ts';
import { useDiscardReading } from './reading-discard.tsx';
import { isFixable, keepReading, readingChannel, useReadingOutbox, useUploadRunning, type ReadingItem } from './reading-outbox.ts';
import '../screening/screening.css';
import '../gate/gate.css';
import './observation.css';

type TestResult = NonNullable<CheckReadingInput['testResult']>;
const RESULTS: readonly TestResult[] = ['negative', 'positive', 'pending'];

/**
 * Records one check (/observation/checks/:id): a temperature (a big number;
 * outside 34.0–43.0 °C "measure again"; red from 37.3 °C, the lead will be
 * alerted) or a test result, and a note. The reading goes into the phone's
 * outbox first and is sent from there, so it is the same with or without
 * network. A reading still on the phone (waiting, or refused) opens here to
 * be corrected or discarded; `?edit=1` opens a waiting one's form at once.
 */
export function RecordCheckPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const me = useMe();
  const enabled = hasPermission(me.data, 'observation.check');
  const lists = useMyCheckLists(enabled);
  const outbox = useReadingOutbox();
  const [editing, setEditing] = useState(params.get('edit') === '1');
  const check = lists.checks.find((c) => c.id === id);
  const loading = !lists.downloaded && lists.fetching;
  const back = () => (location.key === 'default' ? navigate('/observation/checks', { replace: true }) : navigate(-1));
  const row = check ? rowOf(check, itemsByCheck(outbox.items), lists.now) : undefined;

  return (
    <div className="field-page field-form-page" data-testid="record-check">
      <NavBar onBack={() => void back()} back={t('field:common.back')}>
        {t('observation-field:record.title')}
      </NavBar>
      {check && row ? (
        <>
          <header className="field-visit-head obs-record-head">
            <h1 data-testid="record-name">{check.name}</h1>
            <p className="field-muted">{[check.groupName, check.place].filter(Boolean).join(' · ')}</p>
            <p className="obs-record-when">
              <span>
                {t(`observation:checkKind.${check.kind}`)} · {t('observation:dayN', { n: check.dayNumber })} · {t('observation-field:checks.dueAt', { time: clockOf(check.dueAt) })}
              </span>
              <CheckStateTag state={row.state} />
            </p>
          </header>
          {row.state === 'done' ? (
            <DoneCheck check={check} />
          ) : row.item?.status === 'waiting' && !editing ? (
            <WaitingReading item={row.item} onEdit={() => setEditing(true)} onDiscarded={() => void back()} />
          ) : (
            <ReadingForm key={row.item?.id ?? 'new'} check={check} kept={row.item} onDone={() => void back()} />
          )}
        </>
      ) : (
        !loading &&
        outbox.loaded && (
          <div className="field-state">
            <ErrorBlock status="empty" title={t('observation-field:record.goneTitle')} description={t('observation-field:record.gone')} />
            <Button block size="large" onClick={() => void navigate('/observation/checks', { replace: true })}>
              {t('observation-field:record.backToList')}
            </Button>
          </div>
        )
      )}
    </div>
  );
}

function DoneCheck({ check }: { check: Check }) {
  const { t } = useTranslation();
  return (
    <div className="obs-card obs-pad-block" data-testid="record-done">
      <p>
        {check.kind === 'temperature' && check.temperature !== null && `${degrees(check.temperature)} ${t('gates:temperatureUnit')}`}
        {check.kind === 'test' && check.testResult && t(`observation:testResult.${check.testResult}`)}
      </p>
      {check.note && <p className="field-muted">{check.note}</p>}
      {check.recordedByName && check.doneAt && <p className="field-muted">{t('observation-field:record.doneBy', { name: check.recordedByName, time: clockOf(check.doneAt) })}</p>}
    </div>
  );
}

/**
 * A reading recorded and not yet uploaded: shown as kept, with why it has not
 * gone if an upload failed; it can still be corrected (a misread 38.5 for
 * 36.5 would raise a fever alert) or discarded, but not while it is being
 * uploaded.
 */
function WaitingReading({ item, onEdit, onDiscarded }: { item: ReadingItem; onEdit: () => void; onDiscarded: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const online = useOnline();
  const sync = readingChannel.useSyncState();
  const discardReading = useDiscardReading();
  const r = item.reading;
  // Online and refused as a whole (another user's queue, a role taken away): "uploading" would not be true.
  const stuck = online && sync.lastError !== null;
  return (
    <div className="obs-pad-block" data-testid="record-waiting">
      {stuck ? (
        <NoticeBar color="error" wrap content={t('field:outbox.lastError', { message: sync.lastError })} data-testid="record-sync-error" />
      ) : (
        <NoticeBar color="info" wrap content={online ? t('observation-field:record.waitingOnline') : t('observation-field:record.waitingOffline')} />
      )}
      <p className={r.temperature !== undefined && isFever(r.temperature) ? 'obs-record-value obs-danger' : 'obs-record-value'} data-testid="record-waiting-value">
        {r.temperature !== undefined && `${degrees(r.temperature)} ${t('gates:temperatureUnit')}`}
        {r.testResult && t(`observation:testResult.${r.testResult}`)}
      </p>
      {r.note && <p className="field-muted">{r.note}</p>}
      {sync.running && <p className="field-muted" data-testid="record-uploading">{t('observation-field:record.uploadingNow')}</p>}
      <div className="obs-record-actions">
        <Button block size="large" color="primary" fill="outline" disabled={sync.running} onClick={onEdit} data-testid="record-edit">
          {t('field:outbox.fix')}
        </Button>
        <Button
          block
          size="large"
          color="danger"
          fill="outline"
          disabled={sync.running}
          onClick={() => void discardReading(item).then((gone) => gone && onDiscarded())}
          data-testid="record-discard"
        >
          {t('field:outbox.discard')}
        </Button>
      </div>
      <Button block size="large" onClick={() => void navigate('/observation/outbox')}>
        {t('observation-field:outbox.title')}
      </Button>
    </div>
  );
}

/** The form for a new reading, or for one still on the phone (`kept`: waiting, or refused) corrected under its own id. */
function ReadingForm({ check, kept, onDone }: { check: Check; kept: ReadingItem | undefined; onDone: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const online = useOnline();
  const sync = readingChannel.useSyncState();
  const discardReading = useDiscardReading();
  const uploadRunning = useUploadRunning();
  const [temperature, setTemperature] = useState(kept?.reading.temperature === undefined ? '' : degrees(kept.reading.temperature));
  const [testResult, setTestResult] = useState<TestResult | null>(kept?.reading.testResult ?? null);
  const [note, setNote] = useState(kept?.reading.note ?? '');
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  // Made once: the id the server knows this reading by (a corrected one keeps its own, so it is stored once).
  const [readingId] = useState(() => kept?.id ?? uuidv7());
  const reading = checkReading(temperature);
  const isTemperature = check.kind === 'temperature';
  const fever = isTemperature && reading.kind === 'ok' && reading.fever;
  const positive = !isTemperature && testResult === 'positive';
  const problem = isTemperature ? readingProblem(reading, true) : testResult ? null : 'observation-field:record.chooseResult';
  const fixable = !kept || kept.status === 'waiting' || isFixable(kept);
  // A waiting reading on its way to the server is no longer the phone's to change: wait for the answer.
  const uploading = kept?.status === 'waiting' && sync.running;
  // Checked as the server checks it: a reading long before its time would be refused.
  const early = !kept && !readingFits(check, Date.now());
  const showProblem = problem && (tried || reading.kind === 'misread');

  const save = async () => {
    setTried(true);
    const userId = me.data?.id;
    if (problem || !userId || early) return;
    if (kept?.status === 'waiting' && uploadRunning()) {
      Toast.show({ content: t('observation-field:record.uploadingNow') });
      return;
    }
    setSaving(true);
    const input: CheckReadingInput = {
      id: readingId,
      checkId: check.id,
      // A corrected reading keeps the time it was taken.
      at: kept?.reading.at ?? new Date().toISOString(),
      ...(isTemperature && reading.kind === 'ok' ? { temperature: reading.value } : {}),
      ...(!isTemperature && testResult ? { testResult } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    try {
      await keepReading({
        id: readingId, userId, reading: input, label: { name: check.name, kind: check.kind, dueAt: check.dueAt, place: check.place, groupName: check.groupName },
        ...(kept ? { savedAt: kept.savedAt } : {}),
      });
    } catch {
      setSaving(false);
      Toast.show({ icon: 'fail', content: t('field:outbox.storageFailed') });
      return;
    }
    setSaving(false);
    Toast.show({
      icon: 'success',
      content: kept ? t('observation-field:record.corrected') : online ? t('observation-field:record.savedOnline') : t('observation-field:record.savedOffline'),
    });
    onDone();
  };

  const discard = async () => {
    if (kept && (await discardReading(kept))) onDone();
  };

  return (
    <div className="obs-record-form" data-testid="reading-form" data-kept={kept?.status}>
      {kept?.refusal && <NoticeBar color="error" wrap content={t('observation-field:record.refusedBecause', { message: kept.refusal.message })} data-testid="record-refusal" />}
      {kept?.status === 'waiting' && <NoticeBar color="info" wrap content={t('observation-field:record.editing')} data-testid="record-editing" />}
      {uploading && <NoticeBar color="alert" wrap content={t('observation-field:record.uploadingNow')} data-testid="record-uploading" />}
      {early && (
        <NoticeBar color="alert" wrap content={t('observation-field:record.tooEarly', { time: clockOf(new Date(Date.parse(check.dueAt) - EARLIEST_BEFORE_DUE_MS).toISOString()) })} data-testid="record-too-early" />
      )}
      {fixable && (
        <section className="field-visit-fields">
          {isTemperature ? (
            <>
              <label className="field-label" htmlFor="obs-temperature">
                {t('observation-field:record.temperature')}
              </label>
              <div className={fever ? 'field-temperature field-temperature-fever obs-big-temperature' : 'field-temperature obs-big-temperature'}>
                <Input
                  id="obs-temperature"
                  className="field-input"
                  inputMode="decimal"
                  placeholder={t('observation-field:record.temperaturePlaceholder')}
                  value={temperature}
                  onChange={setTemperature}
                  maxLength={5}
                  autoFocus
                  data-testid="record-temperature"
                />
                <span className="field-temperature-unit">{t('gates:temperatureUnit')}</span>
              </div>
              {showProblem ? (
                <div className="field-error gate-measure-again" data-testid="record-problem" data-problem={reading.kind}>
                  {t(problem)}
                </div>
              ) : (
                fever && (
                  <div className="gate-fever-warning" data-testid="record-fever" role="alert">
                    <strong>{t('observation-field:record.fever', { value: degrees(reading.value) })}</strong>
                    <span>{t('observation-field:record.feverHint')}</span>
                  </div>
                )
              )}
            </>
          ) : (
            <>
              <span className="field-label">{t('observation-field:record.testResult')}</span>
              <Selector<TestResult>
                className="obs-choice field-selector field-selector-big"
                columns={3}
                options={RESULTS.map((r) => ({ value: r, label: t(`observation:testResult.${r}`) }))}
                value={testResult ? [testResult] : []}
                onChange={(v) => setTestResult(v[0] ?? null)}
                data-testid="record-test-result"
              />
              {showProblem && (
                <div className="field-error" data-testid="record-problem">
                  {t(problem)}
                </div>
              )}
              {positive && (
                <div className="gate-fever-warning" data-testid="record-positive" role="alert">
                  <strong>{t('observation:testResult.positive')}</strong>
                  <span>{t('observation-field:record.feverHint')}</span>
                </div>
              )}
            </>
          )}
          <label className="field-label" htmlFor="obs-note">
            {t('observation-field:record.note')}
          </label>
          <TextArea
            id="obs-note"
            className="field-input field-textarea"
            placeholder={t('observation-field:record.notePlaceholder')}
            value={note}
            onChange={setNote}
            maxLength={200}
            rows={2}
            autoSize={{ minRows: 2, maxRows: 5 }}
            data-testid="record-note"
          />
        </section>
      )}
      <div className="gate-save-bar obs-save-bar">
        {fixable && (
          <Button block color={fever || positive ? 'danger' : 'primary'} size="large" loading={saving} disabled={early || uploading} onClick={() => void save()} data-testid="record-save">
            {t('observation-field:record.save')}
          </Button>
        )}
        {kept && (
          <Button block size="large" color="danger" fill="outline" disabled={uploading} onClick={() => void discard()} data-testid="record-discard">
            {t('field:outbox.discard')}
          </Button>
        )}
      </div>
    </div>
  );
}
