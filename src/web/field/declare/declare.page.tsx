import { Button, Checkbox, Dialog, ErrorBlock, NoticeBar, SpinLoading, Toast } from 'antd-mobile';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { shanghaiDate } from '../../../domain/local-date.ts';
import { ApiRequestError } from '../../shared/api.ts';
import { LanguageSwitch } from '../shared/language-switch.component.tsx';
import { ARRIVAL_FIELDS, toArrivalFields, type ArrivalField } from '../observation/arrival-draft.ts';
import { ArrivalFields } from '../observation/arrival-fields.component.tsx';
import { useArrivalForm } from '../observation/arrival-form.ts';
import { fullTimeOf } from '../observation/observation-format.ts';
import { serverErrorsOf } from '../observation/server-errors.ts';
import { publicReceipts, type PublicReceipt } from '../shared/public-receipt.ts';
import { useDeclare, useDeclarePage } from './declare.resource.ts';
import '../observation/observation.css';

const receipts = publicReceipts('declare');

/**
 * The public self-declaration page (/m/declare/:communityId), reached from the
 * QR code a community prints: no account, no sign-in, works on a phone that
 * never opened Linli. The person tells who they are, where they come from and
 * where they stay; the ID number is checked as typed. Sent, it shows a
 * reference in big letters to show the staff, kept on the phone so a reload
 * shows it again. Staff review every declaration before it counts.
 */
export function DeclarePage() {
  const { t } = useTranslation();
  const { communityId = '' } = useParams();
  const page = useDeclarePage(communityId);
  const [receipt, setReceipt] = useState<PublicReceipt | null>(() => receipts.read(communityId));

  if (page.isPending) {
    return (
      <div className="field-center" aria-busy="true">
        <SpinLoading color="primary" />
      </div>
    );
  }
  if (!page.data) {
    const missing = page.error instanceof ApiRequestError && page.error.status === 404;
    // Opened from a QR code on a phone with no network (or none that reaches the server): say so, and let it try again.
    const offline = page.error instanceof ApiRequestError && page.error.code === 'NETWORK';
    return (
      <div className="field-page obs-declare">
        <div className="field-state" data-testid={offline ? 'declare-offline' : 'declare-missing'}>
          <ErrorBlock
            status={missing ? 'empty' : 'disconnected'}
            title={missing ? t('observation-field:declare.missingTitle') : offline ? t('observation-field:declare.offlineTitle') : t('field:state.loadFailed')}
            description={missing ? t('observation-field:declare.missing') : offline ? t('observation-field:declare.offline') : page.error?.message}
          />
          {!missing && (
            <Button block size="large" color="primary" loading={page.isFetching} onClick={() => void page.refetch()} data-testid="declare-retry">
              {t('field:state.retry')}
            </Button>
          )}
        </div>
      </div>
    );
  }
  const where = [page.data.streetName, page.data.communityName].filter(Boolean).join(' · ');
  return (
    <div className="field-page obs-declare" data-testid="declare-page">
      <header className="field-hero field-hero-compact">
        <h1>{t('observation-field:declare.title')}</h1>
        <p data-testid="declare-community">{where}</p>
      </header>
      {/* At the top: someone who does not read Chinese finds it before the form. */}
      <div className="obs-declare-language">
        <LanguageSwitch />
      </div>
      {receipt ? (
        <Receipt
          receipt={receipt}
          communityName={page.data.communityName}
          onAnother={() => {
            receipts.forget(communityId);
            setReceipt(null);
          }}
        />
      ) : (
        <DeclareForm
          communityId={communityId}
          onSent={(r) => {
            receipts.keep(communityId, r);
            setReceipt(r);
          }}
        />
      )}
    </div>
  );
}

function DeclareForm({ communityId, onSent }: { communityId: string; onSent: (r: PublicReceipt) => void }) {
  const { t } = useTranslation();
  const today = shanghaiDate();
  const form = useArrivalForm(today, true);
  const [consent, setConsent] = useState(false);
  const [consentError, setConsentError] = useState<string | null>(null);
  const [general, setGeneral] = useState<string | null>(null);
  const declare = useDeclare(communityId);
  const top = useRef<HTMLDivElement>(null);

  const send = () => {
    form.setTried(true);
    setGeneral(null);
    const consentProblem = consent ? null : t('server:validation.consent');
    setConsentError(consentProblem);
    if (Object.keys(form.problems).length > 0 || consentProblem) {
      Toast.show({ content: t('observation-field:form.fixMarked') });
      requestAnimationFrame(() => document.querySelector('.obs-declare .field-error')?.scrollIntoView({ block: 'center', behavior: 'smooth' }));
      return;
    }
    // A household of the ledger is the staff's to match; the person gives the address.
    const fields = { ...toArrivalFields(form.draft), householdId: undefined };
    declare.mutate(
      { ...fields, consent: true },
      {
        onSuccess: (r) => onSent({ reference: r.reference, receivedAt: r.receivedAt, name: fields.name }),
        onError: (e) => {
          const errors = serverErrorsOf(e, (f) => (ARRIVAL_FIELDS as readonly string[]).includes(f) || f === 'consent');
          const { consent: consentMessage, ...fields } = errors.fields;
          form.setServerFields(fields as Partial<Record<ArrivalField, string>>);
          if (consentMessage) setConsentError(consentMessage);
          setGeneral(errors.general);
          if (errors.general) top.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
          else requestAnimationFrame(() => document.querySelector('.obs-declare .field-error')?.scrollIntoView({ block: 'center', behavior: 'smooth' }));
        },
      },
    );
  };

  return (
    <div className="obs-declare-form" ref={top}>
      <p className="obs-declare-intro">{t('observation-field:declare.intro')}</p>
      {general && (
        <div className="obs-pad-block" data-testid="declare-refused" role="alert">
          <NoticeBar color="error" wrap content={general} />
        </div>
      )}
      <ArrivalFields draft={form.draft} onChange={form.patch} messages={form.messages} today={today} mode="public" />
      <section className="field-visit-fields obs-consent" data-testid="declare-consent-section">
        <h2 className="obs-form-section">{t('observation-field:declare.consentTitle')}</h2>
        <p className="obs-consent-text">{t('observation-field:declare.consentText')}</p>
        <Checkbox
          checked={consent}
          onChange={(v) => {
            setConsent(v);
            if (v) setConsentError(null);
          }}
          className="obs-consent-box"
          data-testid="declare-consent"
        >
          {t('observation-field:declare.consent')}
        </Checkbox>
        {consentError && (
          <div className="field-error" data-testid="error-consent" role="alert">
            {consentError}
          </div>
        )}
      </section>
      <div className="gate-save-bar obs-save-bar">
        <Button block color="primary" size="large" loading={declare.isPending} onClick={send} data-testid="declare-send">
          {t('observation-field:declare.send')}
        </Button>
      </div>
    </div>
  );
}

function Receipt({ receipt, communityName, onAnother }: { receipt: PublicReceipt; communityName: string; onAnother: () => void }) {
  const { t } = useTranslation();
  const another = async () => {
    const sure = await Dialog.confirm({
      content: t('observation-field:declare.anotherConfirm', { reference: receipt.reference }),
      confirmText: t('observation-field:declare.another'),
      cancelText: t('common:cancel'),
    });
    if (sure) onAnother();
  };
  return (
    <div className="obs-receipt" data-testid="declare-receipt">
      <p className="obs-receipt-done">{t('observation-field:declare.received', { name: receipt.name })}</p>
      <p className="obs-receipt-label">{t('observation-field:declare.reference')}</p>
      <p className="obs-receipt-code" data-testid="declare-reference" aria-label={receipt.reference.split('').join(' ')}>
        {receipt.reference}
      </p>
      <p className="obs-receipt-show">{t('observation-field:declare.showStaff')}</p>
      <p className="field-muted">{t('observation-field:declare.receivedAt', { time: fullTimeOf(receipt.receivedAt), community: communityName })}</p>
      <p className="obs-receipt-next">{t('observation-field:declare.next')}</p>
      <Button block size="large" fill="outline" onClick={() => void another()} data-testid="declare-another">
        {t('observation-field:declare.another')}
      </Button>
    </div>
  );
}
