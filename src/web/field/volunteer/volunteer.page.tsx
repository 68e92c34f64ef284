import { Button, Checkbox, Dialog, ErrorBlock, Input, NoticeBar, SpinLoading, TextArea, Toast } from 'antd-mobile';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { uuidv7 } from '../../../domain/ids.ts';
import { ApiRequestError } from '../../shared/api.ts';
import { fullTimeOf } from '../observation/observation-format.ts';
import { serverErrorsOf } from '../observation/server-errors.ts';
import { LanguageSwitch } from '../shared/language-switch.component.tsx';
import { emptyDraft, SKILLS, signupBody, VOLUNTEER_FIELDS, volunteerProblems, type VolunteerDraft, type VolunteerField } from './volunteer-draft.ts';
import { publicReceipts, type PublicReceipt } from '../shared/public-receipt.ts';
import { useVolunteerPage, useVolunteerSignup } from './volunteer.resource.ts';
import '../gate/gate.css';
import '../observation/observation.css';
import './volunteer.css';

const receipts = publicReceipts('volunteer');

/**
 * The public volunteer sign-up page (/m/volunteer/:communityId), reached from
 * the QR code a community puts up: no account, works on a phone that never
 * opened Linli. Name, mobile, what one can do and when; what the data is
 * used for, with a box to tick (nothing is sent without it). Sent, it shows
 * a reference to give the staff, kept on the phone across reloads; the staff
 * review each sign-up and call back.
 */
export function VolunteerPage() {
  const { t } = useTranslation();
  const { communityId = '' } = useParams();
  const page = useVolunteerPage(communityId);
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
    const offline = page.error instanceof ApiRequestError && page.error.code === 'NETWORK';
    return (
      <div className="field-page vol-page">
        <div className="field-state" data-testid={offline ? 'volunteer-offline' : 'volunteer-missing'}>
          <ErrorBlock
            status={missing ? 'empty' : 'disconnected'}
            title={missing ? t('teams-field:volunteer.missingTitle') : offline ? t('teams-field:volunteer.offlineTitle') : t('field:state.loadFailed')}
            description={missing ? t('teams-field:volunteer.missing') : offline ? t('teams-field:volunteer.offline') : page.error?.message}
          />
          {!missing && (
            <Button block size="large" color="primary" loading={page.isFetching} onClick={() => void page.refetch()} data-testid="volunteer-retry">
              {t('field:state.retry')}
            </Button>
          )}
        </div>
      </div>
    );
  }
  const where = [page.data.streetName, page.data.communityName].filter(Boolean).join(' · ');
  return (
    <div className="field-page vol-page" data-testid="volunteer-page">
      <header className="field-hero field-hero-compact">
        <h1>{t('teams-field:volunteer.title')}</h1>
        <p data-testid="volunteer-community">{where}</p>
      </header>
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
        <SignupForm
          communityId={communityId}
          communityName={page.data.communityName}
          consentVersion={page.data.consentVersion}
          onSent={(r) => {
            receipts.keep(communityId, r);
            setReceipt(r);
          }}
        />
      )}
    </div>
  );
}

function SignupForm(props: { communityId: string; communityName: string; consentVersion: string; onSent: (r: PublicReceipt) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<VolunteerDraft>(emptyDraft);
  const [tried, setTried] = useState(false);
  const [serverFields, setServerFields] = useState<Partial<Record<VolunteerField, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  // Made once for the page: sent again after a lost answer, it is the same sign-up.
  const [id] = useState(() => uuidv7());
  const signup = useVolunteerSignup(props.communityId);
  const top = useRef<HTMLDivElement>(null);

  const problems = volunteerProblems(draft);
  const messageOf = (field: VolunteerField): string | null => serverFields[field] ?? (tried && problems[field] ? t(`server:${problems[field]}`) : null);
  const patch = (change: Partial<VolunteerDraft>) => {
    setDraft((d) => ({ ...d, ...change }));
    // A field typed again is the person's answer to the server's word on it.
    setServerFields((f) => Object.fromEntries(Object.entries(f).filter(([k]) => !(k in change))));
  };
  const scrollToError = () => requestAnimationFrame(() => document.querySelector('.vol-page .field-error')?.scrollIntoView({ block: 'center', behavior: 'smooth' }));

  const send = () => {
    setTried(true);
    setGeneral(null);
    if (Object.keys(problems).length > 0) {
      Toast.show({ content: t('teams-field:volunteer.fixMarked') });
      scrollToError();
      return;
    }
    signup.mutate(signupBody(id, draft, props.consentVersion), {
      onSuccess: (r) => {
        // The "correct what is marked" of an earlier try must not linger over the receipt.
        Toast.clear();
        props.onSent({ reference: r.reference, receivedAt: new Date().toISOString(), name: draft.name.trim() });
      },
      onError: (e) => {
        const errors = serverErrorsOf(e, (f) => (VOLUNTEER_FIELDS as readonly string[]).includes(f));
        setServerFields(errors.fields);
        setGeneral(errors.general);
        if (errors.general) top.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
        else scrollToError();
      },
    });
  };

  return (
    <div className="vol-form" ref={top}>
      <p className="obs-declare-intro">{t('teams-field:volunteer.intro', { community: props.communityName })}</p>
      {general && (
        <div className="vol-block" data-testid="volunteer-refused" role="alert">
          <NoticeBar color="error" wrap content={general} />
        </div>
      )}
      <section className="vol-fields">
        <Labelled field="name" label={t('teams-field:volunteer.name')} message={messageOf('name')}>
          <Input className="field-input" value={draft.name} onChange={(v) => patch({ name: v })} maxLength={30} autoComplete="name" placeholder={t('teams-field:volunteer.namePlaceholder')} data-testid="volunteer-name" />
        </Labelled>
        <Labelled field="mobile" label={t('teams-field:volunteer.mobile')} message={messageOf('mobile')}>
          <Input className="field-input" type="tel" inputMode="numeric" value={draft.mobile} onChange={(v) => patch({ mobile: v })} maxLength={13} autoComplete="tel" placeholder={t('teams-field:volunteer.mobilePlaceholder')} data-testid="volunteer-mobile" />
        </Labelled>
        <Labelled field="skills" label={t('teams-field:volunteer.skills')} message={messageOf('skills')}>
          <Checkbox.Group value={draft.skills} onChange={(v) => patch({ skills: v as VolunteerDraft['skills'] })}>
            <div className="vol-skills" data-testid="volunteer-skills">
              {SKILLS.map((s) => (
                <Checkbox key={s} value={s} className="vol-skill" data-testid={`volunteer-skill-${s}`}>
                  {t(`teams:skills.${s}`)}
                </Checkbox>
              ))}
            </div>
          </Checkbox.Group>
        </Labelled>
        <Labelled field="availability" label={t('teams-field:volunteer.availability')} message={messageOf('availability')}>
          <TextArea
            className="field-input vol-textarea"
            value={draft.availability}
            onChange={(v) => patch({ availability: v })}
            maxLength={200}
            rows={2}
            autoSize={{ minRows: 2, maxRows: 5 }}
            placeholder={t('teams-field:volunteer.availabilityPlaceholder')}
            data-testid="volunteer-availability"
          />
        </Labelled>
      </section>
      <section className="vol-fields obs-consent" data-testid="volunteer-consent-section">
        <h2 className="obs-form-section">{t('teams-field:volunteer.consentTitle')}</h2>
        <p className="obs-consent-text" data-testid="volunteer-consent-text">
          {t('teams:consent.text')}
        </p>
        <Checkbox checked={draft.consent} onChange={(v) => patch({ consent: v })} className="obs-consent-box" data-testid="volunteer-consent">
          {t('teams-field:volunteer.consent')}
        </Checkbox>
        {messageOf('consent') && (
          <div className="field-error" data-testid="error-consent" role="alert">
            {messageOf('consent')}
          </div>
        )}
      </section>
      <div className="gate-save-bar obs-save-bar">
        <Button block color="primary" size="large" loading={signup.isPending} onClick={send} data-testid="volunteer-send">
          {t('teams-field:volunteer.send')}
        </Button>
      </div>
    </div>
  );
}

function Labelled({ field, label, message, children }: { field: VolunteerField; label: string; message: string | null; children: React.ReactNode }) {
  return (
    <div className="vol-field">
      <label className="vol-label">{label}</label>
      {children}
      {message && (
        <div className="field-error" data-testid={`error-${field}`} role="alert">
          {message}
        </div>
      )}
    </div>
  );
}

function Receipt({ receipt, communityName, onAnother }: { receipt: PublicReceipt; communityName: string; onAnother: () => void }) {
  const { t } = useTranslation();
  const another = async () => {
    const sure = await Dialog.confirm({
      content: t('teams-field:volunteer.anotherConfirm', { reference: receipt.reference }),
      confirmText: t('teams-field:volunteer.another'),
      cancelText: t('common:cancel'),
    });
    if (sure) onAnother();
  };
  return (
    <div className="obs-receipt" data-testid="volunteer-receipt">
      <p className="obs-receipt-done">{t('teams-field:volunteer.received', { name: receipt.name })}</p>
      <p className="obs-receipt-label">{t('teams-field:volunteer.reference')}</p>
      <p className="obs-receipt-code" data-testid="volunteer-reference" aria-label={receipt.reference.split('').join(' ')}>
        {receipt.reference}
      </p>
      <p className="field-muted">{t('teams-field:volunteer.receivedAt', { time: fullTimeOf(receipt.receivedAt), community: communityName })}</p>
      <p className="obs-receipt-next">{t('teams-field:volunteer.next')}</p>
      <Button block size="large" fill="outline" onClick={() => void another()} data-testid="volunteer-another">
        {t('teams-field:volunteer.another')}
      </Button>
    </div>
  );
}
