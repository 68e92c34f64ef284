import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { PrintFrame } from '../../gates/print-frame.component.tsx';
import { useObservationLink } from '../observation-frame.component.tsx';
import { useLetter } from '../observation.resource.ts';
import { dateTimeOf } from '../observation-format.ts';
import '../print.css';

/**
 * A signed commitment letter on one A4 page: the text as signed, the
 * signature drawn on the phone, when, who witnessed, and the SHA-256 digest of
 * what was signed, so a copy changed afterwards no longer matches.
 */
export function LetterPrintPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const link = useObservationLink();
  const letter = useLetter(id);
  const l = letter.data;
  return (
    <PrintFrame
      back={link(l ? `/observation/arrivals/${l.arrivalId}` : '/observation/arrivals')}
      title={t('observation-console:letterPrint.pageTitle', { name: l?.name ?? '' })}
      loading={letter.isPending}
      error={letter.error?.message}
      pageMargin="0"
    >
      {l && (
        <section className="gate-sheet obs-letter" data-testid="letter-sheet">
          <h1 className="obs-letter-title" data-testid="letter-title">
            {l.title}
          </h1>
          <div className="obs-letter-body" data-testid="letter-body">
            {l.body}
          </div>
          <div className="obs-letter-sign">
            <span>{t('observation-console:letterPrint.signature')}</span>
            <img className="obs-letter-signature" src={l.signature} alt={t('observation-console:letterPrint.signatureAlt', { name: l.name })} data-testid="letter-signature" />
            <span>{t('observation-console:letterPrint.person')}</span>
            <span>
              {l.name} · {l.idMasked}
            </span>
            <span>{t('observation-console:letterPrint.signedAt')}</span>
            <span data-testid="letter-signed-at">{dateTimeOf(l.signedAt)}</span>
            <span>{t('observation-console:letterPrint.witness')}</span>
            <span>
              {l.witnessedByName} · {l.communityName}
            </span>
          </div>
          <div className="obs-letter-digest" data-testid="letter-digest">
            {t('observation-console:letterPrint.digest', { digest: l.digest })}
          </div>
        </section>
      )}
    </PrintFrame>
  );
}
