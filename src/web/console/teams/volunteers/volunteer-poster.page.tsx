import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../contract/auth.ts';
import { query } from '../../../shared/api.ts';
import { useGateCommunity } from '../../gates/gate-community.ts';
import { PrintFrame } from '../../gates/print-frame.component.tsx';
import { svgSource } from '../../observation/declarations/svg-source.ts';
import { useVolunteerLink, useVolunteerPage } from './volunteers.resource.ts';
import '../../observation/print.css';

/** An A4 poster for notice boards and checkpoints: residents scan it and sign up as volunteers. */
export function VolunteerPosterPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { communityId, chosen } = useGateCommunity(me);
  const link = useVolunteerLink(communityId);
  const page = useVolunteerPage(communityId);
  const community = page.data?.communityName ?? '';
  return (
    <PrintFrame
      back={`/teams/volunteers${query({ communityId: chosen })}`}
      title={t('teams-console:poster.pageTitle', { community })}
      loading={link.isPending || page.isPending}
      error={link.error?.message ?? page.error?.message ?? (communityId ? undefined : t('teams-console:community.none'))}
      pageMargin="0"
    >
      {link.data && (
        <section className="gate-sheet obs-poster" data-testid="volunteer-poster">
          <div className="obs-poster-community" data-testid="poster-community">
            {community}
          </div>
          {page.data?.streetName && <div className="obs-poster-street">{page.data.streetName}</div>}
          <div className="obs-poster-title">{t('teams-console:poster.title')}</div>
          <div className="obs-poster-subtitle">{t('teams-console:poster.subtitle')}</div>
          <img className="obs-poster-qr" src={svgSource(link.data.svg)} alt={t('teams-console:poster.qrAlt')} data-testid="poster-qr" />
          <div className="obs-poster-url" data-testid="poster-url">
            {link.data.url}
          </div>
          <ol className="obs-poster-steps">
            <li>{t('teams-console:poster.step1')}</li>
            <li>{t('teams-console:poster.step2')}</li>
            <li>{t('teams-console:poster.step3')}</li>
          </ol>
        </section>
      )}
    </PrintFrame>
  );
}
