import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../contract/auth.ts';
import { useGateCommunity } from '../../gates/gate-community.ts';
import { PrintFrame } from '../../gates/print-frame.component.tsx';
import { useObservationLink } from '../observation-frame.component.tsx';
import { useDeclareLink, useDeclarePage } from '../observation.resource.ts';
import { svgSource } from './svg-source.ts';
import '../print.css';

/** An A4 poster for the community's notice boards and entrances: arrivals scan it and declare themselves. */
export function DeclarePosterPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const link = useObservationLink();
  const { communityId } = useGateCommunity(me);
  const declareLink = useDeclareLink(communityId);
  const page = useDeclarePage(communityId);
  const community = page.data?.communityName ?? '';
  return (
    <PrintFrame
      back={link('/observation/declarations')}
      title={t('observation-console:poster.pageTitle', { community })}
      loading={declareLink.isPending || page.isPending}
      error={declareLink.error?.message ?? page.error?.message ?? (communityId ? undefined : t('observation-console:community.none'))}
      pageMargin="0"
    >
      {declareLink.data && (
        <section className="gate-sheet obs-poster" data-testid="declare-poster">
          <div className="obs-poster-community" data-testid="poster-community">
            {community}
          </div>
          {page.data?.streetName && <div className="obs-poster-street">{page.data.streetName}</div>}
          <div className="obs-poster-title">{t('observation-console:poster.title')}</div>
          <div className="obs-poster-subtitle">{t('observation-console:poster.subtitle')}</div>
          <img className="obs-poster-qr" src={svgSource(declareLink.data.svg)} alt={t('observation-console:declareLink.qrAlt')} data-testid="poster-qr" />
          <div className="obs-poster-url" data-testid="poster-url">
            {declareLink.data.url}
          </div>
          <ol className="obs-poster-steps">
            <li>{t('observation-console:poster.step1')}</li>
            <li>{t('observation-console:poster.step2')}</li>
            <li>{t('observation-console:poster.step3')}</li>
          </ol>
        </section>
      )}
    </PrintFrame>
  );
}
