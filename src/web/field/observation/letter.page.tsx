import { ErrorBlock, NavBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { QueryView } from '../shared/query-view.component.tsx';
import { fullTimeOf } from './observation-format.ts';
import { useLetter } from './observation.resource.ts';
import './observation.css';

/** A signed commitment letter as it is kept (/observation/letters/:id): text, signature, time, witness, and the digest printed with it. */
export function LetterPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const letter = useLetter(id);
  const back = () => (location.key === 'default' ? navigate('/observation', { replace: true }) : navigate(-1));
  return (
    <div className="field-page obs-letter-page" data-testid="letter-page">
      <NavBar onBack={() => void back()} back={t('field:common.back')}>
        {t('observation-field:letter.title')}
      </NavBar>
      <QueryView
        result={letter}
        renderRefusal={() => (
          <div className="field-state">
            <ErrorBlock status="empty" title={t('observation-field:letter.missing')} description={null} />
          </div>
        )}
      >
        {(l) => (
          <article className="obs-letter" data-testid="letter" data-letter={l.id}>
            <h1 className="obs-letter-title">{l.title}</h1>
            <div className="obs-letter-body">{l.body}</div>
            <div className="obs-letter-signed">
              <span className="field-muted">{t('observation-field:letter.signature', { name: l.name })}</span>
              <img src={l.signature} alt={t('observation-field:letter.signatureAlt', { name: l.name })} className="obs-letter-signature" data-testid="letter-signature" />
              <dl className="obs-facts">
                <div className="obs-fact">
                  <dt>{t('observation-field:letter.signedAt')}</dt>
                  <dd data-testid="letter-signed-at">{fullTimeOf(l.signedAt)}</dd>
                </div>
                <div className="obs-fact">
                  <dt>{t('observation-field:letter.witnessedBy')}</dt>
                  <dd data-testid="letter-witness">{l.witnessedByName}</dd>
                </div>
                <div className="obs-fact">
                  <dt>{t('observation-field:form.idNumber')}</dt>
                  <dd>{l.idMasked}</dd>
                </div>
                <div className="obs-fact">
                  <dt>{t('observation-field:letter.community')}</dt>
                  <dd>{l.communityName}</dd>
                </div>
              </dl>
              <p className="obs-digest">{t('observation-field:letter.digest', { digest: l.digest })}</p>
            </div>
          </article>
        )}
      </QueryView>
    </div>
  );
}
