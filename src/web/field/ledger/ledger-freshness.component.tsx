import { useTranslation } from 'react-i18next';
import type { FieldLedger } from '../../../contract/ledger.ts';
import { useOnline } from '../offline/connectivity.ts';
import { shortTime } from './format.ts';
import { useFieldLedger } from './ledger.resource.ts';

/** When the list on the phone was downloaded, so an offline user knows how old it is. */
export function LedgerFreshness({ ledger }: { ledger: FieldLedger }) {
  const { t } = useTranslation();
  const online = useOnline();
  const { isFetching } = useFieldLedger();
  return (
    <p className="field-muted field-freshness" data-testid="ledger-freshness">
      {isFetching && online ? t('field:ledger.updating') : t('field:ledger.savedAt', { time: shortTime(ledger.at) })}
    </p>
  );
}
