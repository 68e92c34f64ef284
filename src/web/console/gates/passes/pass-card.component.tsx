import { useTranslation } from 'react-i18next';
import type { PassCard } from '../../../../contract/gates.ts';
import { qrUrl } from '../gates.resource.ts';

/** One cut-out pass card: community, holder, group and address, masked ID, validity, and the QR code the server drew. */
export function PassCardView({ card }: { card: PassCard }) {
  const { t } = useTranslation();
  return (
    <div className="gate-pass-card" data-testid="pass-card" data-pass-id={card.id}>
      <div className="gate-pass-head">
        <strong>{t('gate-console:print.cardTitle', { community: card.communityName })}</strong>
        <span className="gate-pass-muted">{t(`gates:holderKinds.${card.holderKind}`)}</span>
      </div>
      <div className="gate-pass-body">
        <img className="gate-pass-qr" src={qrUrl(card.id)} alt={t('gate-console:print.qrAlt', { name: card.holderName })} data-testid="pass-qr" />
        <div className="gate-pass-lines">
          <span className="gate-pass-name">{card.holderName}</span>
          <span>{[card.groupName, card.address].filter(Boolean).join(' ')}</span>
          {card.idMasked && <span className="gate-pass-mono">{card.idMasked}</span>}
          {card.holderKind === 'household' && <span className="gate-pass-muted">{t('gate-console:print.people', { count: card.people })}</span>}
          <span className="gate-pass-muted">{t('gate-console:print.validity', { from: card.validFrom, to: card.validTo })}</span>
        </div>
      </div>
      <div className="gate-pass-muted">{t('gate-console:print.cardFoot')}</div>
    </div>
  );
}
