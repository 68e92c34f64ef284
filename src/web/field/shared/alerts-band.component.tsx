import type { UseMutationResult } from '@tanstack/react-query';
import { Button, Popup, TextArea, Toast } from 'antd-mobile';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../../shared/api.ts';

export interface AlertsBandProps<T extends { id: string }> {
  alerts: readonly T[];
  /** The namespace whose `alerts.*` keys give the texts: title, handle, handleHint, notePlaceholder, confirm, handled, more. */
  ns: string;
  /** Test ids: '' gives alerts, alert, alert-handle, alert-sheet, alert-note, alert-confirm; 'duty-' gives duty-alerts… */
  testIdPrefix: string;
  /** Class names of the band and its sheet: `<look>-alerts`, `<look>-alert`, `<look>-sheet`… */
  look: 'gate' | 'duty';
  sheetBodyClass?: string;
  /** Only the first few shown, the rest a tap away (a whole community unstaffed at 06:59 would fill the screen). */
  first?: number;
  /** What an alert says (who, what, when). */
  text: (alert: T) => ReactNode;
  /** Opens what the alert is about, when there is a page for it. */
  onOpen?: (alert: T) => void;
  itemData?: (alert: T) => Record<`data-${string}`, string>;
  sheetTitle: (alert: T) => ReactNode;
  sheetExtra?: (alert: T) => ReactNode;
  handle: UseMutationResult<unknown, Error, { id: string; note: string }>;
}

/**
 * The lead's red band of open alerts — fevers at the gates, observation
 * checks missed, checkpoints unstaffed: it cannot be missed, a new alert makes
 * the phone vibrate, and each is closed with a note of what was done.
 */
export function AlertsBand<T extends { id: string }>(props: AlertsBandProps<T>) {
  const { alerts, ns, testIdPrefix: p, look, first, text, onOpen, itemData } = props;
  const { t } = useTranslation();
  const [handling, setHandling] = useState<T | null>(null);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [all, setAll] = useState(false);
  const open = alerts.filter((a) => !hidden.has(a.id));
  const shown = all || first === undefined ? open : open.slice(0, first);
  const seen = useRef(new Set<string>());

  useEffect(() => {
    const fresh = open.some((a) => !seen.current.has(a.id));
    for (const a of open) seen.current.add(a.id);
    if (fresh) navigator.vibrate?.([250, 120, 250]);
  }, [open]);

  if (open.length === 0) return null;
  return (
    <section className={`${look}-alerts`} data-testid={`${p}alerts`} aria-live="assertive">
      <h2 className={`${look}-alerts-title`}>{t(`${ns}:alerts.title`, { count: open.length })}</h2>
      <ul className={`${look}-alerts-list`}>
        {shown.map((a) => (
          <li key={a.id} className={`${look}-alert`} data-testid={`${p}alert`} {...itemData?.(a)}>
            {onOpen ? (
              <button type="button" className={`${look}-alert-open ${look}-alert-text`} onClick={() => onOpen(a)}>
                {text(a)}
              </button>
            ) : (
              <div className={`${look}-alert-text`}>{text(a)}</div>
            )}
            <Button size="middle" className={`${look}-alert-handle`} onClick={() => setHandling(a)} data-testid={`${p}alert-handle`}>
              {t(`${ns}:alerts.handle`)}
            </Button>
          </li>
        ))}
      </ul>
      {shown.length < open.length && (
        <Button block fill="none" className={`${look}-alerts-more`} onClick={() => setAll(true)} data-testid={`${p}alerts-more`}>
          {t(`${ns}:alerts.more`, { count: open.length - shown.length })}
        </Button>
      )}
      <HandleSheet {...props} alert={handling} onClose={() => setHandling(null)} onHandled={(id) => setHidden((s) => new Set([...s, id]))} />
    </section>
  );
}

function HandleSheet<T extends { id: string }>(props: AlertsBandProps<T> & { alert: T | null; onClose: () => void; onHandled: (id: string) => void }) {
  const { alert, onClose, onHandled, ns, testIdPrefix: p, look, handle } = props;
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const submit = () => {
    if (!alert || !note.trim()) return;
    handle.mutate(
      { id: alert.id, note: note.trim() },
      {
        onSuccess: () => {
          onHandled(alert.id);
          setNote('');
          onClose();
          Toast.show({ icon: 'success', content: t(`${ns}:alerts.handled`) });
        },
        onError: (e) => {
          // Handled by someone else meanwhile: it leaves the band all the same.
          if (e instanceof ApiRequestError && e.code === 'ALERT_HANDLED') {
            onHandled(alert.id);
            onClose();
          }
          Toast.show({ icon: 'fail', content: e.message });
        },
      },
    );
  };
  return (
    <Popup visible={alert !== null} onMaskClick={onClose} bodyClassName={`${look}-sheet`} destroyOnClose>
      {alert && (
        <div className={`${look}-sheet-body ${props.sheetBodyClass ?? ''}`} data-testid={`${p}alert-sheet`}>
          <h2>{props.sheetTitle(alert)}</h2>
          {props.sheetExtra?.(alert)}
          <p className="field-muted">{t(`${ns}:alerts.handleHint`)}</p>
          <TextArea
            className="field-input field-textarea"
            placeholder={t(`${ns}:alerts.notePlaceholder`)}
            value={note}
            onChange={setNote}
            maxLength={200}
            rows={3}
            autoSize={{ minRows: 3, maxRows: 6 }}
            data-testid={`${p}alert-note`}
          />
          <Button block color="danger" size="large" disabled={!note.trim()} loading={handle.isPending} onClick={submit} data-testid={`${p}alert-confirm`}>
            {t(`${ns}:alerts.confirm`)}
          </Button>
          <Button block size="large" fill="none" onClick={onClose}>
            {t('common:cancel')}
          </Button>
        </div>
      )}
    </Popup>
  );
}
