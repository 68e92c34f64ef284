import { Button, ErrorBlock, NavBar, NoticeBar, Toast } from 'antd-mobile';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useParams } from 'react-router-dom';
import { ApiRequestError } from '../../shared/api.ts';
import { useMe } from '../../shared/session.ts';
import { useOnline } from '../offline/connectivity.ts';
import { QueryView } from '../shared/query-view.component.tsx';
import { useArrival, useLetterDraft, useSignLetter } from './observation.resource.ts';
import { SignaturePad } from './signature-pad.component.tsx';
import { signaturePng, type Stroke } from './signature-strokes.ts';
import './observation.css';

/**
 * Signing the commitment letter (/observation/arrivals/:id/letter): the
 * letter as it will be kept, in type one can read, then the person signs in
 * the box with a finger; "confirm" is there only once something is drawn.
 * The worker holding the phone is the witness. Once signed the letter cannot
 * be changed or signed again.
 */
export function LetterSignPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const arrival = useArrival(id);
  const draft = useLetterDraft(id);
  const back = () => (location.key === 'default' ? navigate(`/observation/arrivals/${id}`, { replace: true }) : navigate(-1));
  if (arrival.data?.letterId) return <Navigate to={`/observation/letters/${arrival.data.letterId}`} replace />;
  return (
    <div className="field-page field-form-page obs-letter-page" data-testid="letter-sign">
      <NavBar onBack={() => void back()} back={t('field:common.back')}>
        {t('observation-field:letter.signTitle')}
      </NavBar>
      <QueryView
        result={draft}
        renderRefusal={(e) => (
          <div className="field-state">
            <ErrorBlock status="empty" title={t('observation-field:arrival.missingTitle')} description={e.message} />
          </div>
        )}
      >
        {(letter) => <SignLetter arrivalId={id} title={letter.title} body={letter.body} name={arrival.data?.name ?? ''} reading={draft.isFetching} />}
      </QueryView>
    </div>
  );
}

function SignLetter({ arrivalId, title, body, name, reading }: { arrivalId: string; title: string; body: string; name: string; reading: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const online = useOnline();
  const [strokes, setStrokes] = useState<Stroke[]>([]);
  const [error, setError] = useState<{ message: string; signed: boolean; changed: boolean } | null>(null);
  const [shownText, setShownText] = useState({ title, body });
  const article = useRef<HTMLElement>(null);
  const sign = useSignLetter(arrivalId);
  // A new text (the template edited, the date turned) was not what the person signed for: the pad starts empty again.
  if (shownText.title !== title || shownText.body !== body) {
    setShownText({ title, body });
    setStrokes([]);
  }
  const confirm = () => {
    setError(null);
    sign.mutate({ signature: signaturePng(strokes), shown: { title, body } }, {
      onSuccess: (letter) => {
        Toast.show({ icon: 'success', content: t('observation-field:letter.signed') });
        void navigate(`/observation/letters/${letter.id}`, { replace: true });
      },
      onError: (e) => {
        const code = e instanceof ApiRequestError ? e.code : null;
        setError({ message: e.message, signed: code === 'LETTER_SIGNED', changed: code === 'LETTER_CHANGED' });
        if (code === 'LETTER_CHANGED') {
          // The new text is being read (useSignLetter): to be read from its start, then signed again.
          setStrokes([]);
          // Back to the top of the page (its own scroller): the notice, then the new text from its start.
          article.current?.closest('.field-page')?.scrollTo({ top: 0, behavior: 'smooth' });
        }
      },
    });
  };
  return (
    <>
      {error?.changed && (
        <div data-testid="letter-changed" role="alert">
          <NoticeBar color="alert" wrap content={error.message} />
        </div>
      )}
      <article ref={article} className="obs-letter" data-testid="letter-draft" data-reading={reading}>
        <h1 className="obs-letter-title">{title}</h1>
        <div className="obs-letter-body">{body}</div>
      </article>
      <section className="obs-sign-area">
        <h2 className="obs-form-section">{t('observation-field:letter.signHere', { name })}</h2>
        <SignaturePad strokes={strokes} onStroke={(s) => setStrokes((all) => [...all, s])} onClear={() => setStrokes([])} />
        <p className="field-muted">{t('observation-field:letter.witness', { name: me.data?.displayName ?? '' })}</p>
        {!online && <NoticeBar color="alert" wrap content={t('observation-field:letter.needsNetwork')} />}
        {error && !error.changed && (
          <div data-testid="letter-error" role="alert">
            <NoticeBar color="error" wrap content={error.message} />
            {error.signed && (
              <Button block size="large" onClick={() => void navigate(`/observation/arrivals/${arrivalId}`, { replace: true })}>
                {t('observation-field:arrival.openLetter')}
              </Button>
            )}
          </div>
        )}
      </section>
      <div className="gate-save-bar obs-save-bar">
        <Button block color="primary" size="large" disabled={strokes.length === 0 || !online || reading} loading={sign.isPending} onClick={confirm} data-testid="letter-confirm">
          {t('observation-field:letter.confirm')}
        </Button>
      </div>
    </>
  );
}
