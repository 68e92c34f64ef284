import { ErrorBlock } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldLedger } from '../../../contract/ledger.ts';
import { hasPermission, useMe } from '../../shared/session.ts';
import { QueryView } from '../shared/query-view.component.tsx';
import { useFieldLedger } from './ledger.resource.ts';

/**
 * The ledger kept on the phone, or why there is none: a role that records no
 * visits, not downloaded yet while offline, loading, failed.
 */
export function LedgerView({ children }: { children: (ledger: FieldLedger) => ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const ledger = useFieldLedger();
  if (!hasPermission(me.data, 'screening.visit')) {
    return (
      <div className="field-state" data-testid="ledger-not-allowed">
        <ErrorBlock status="empty" title={t('field:ledger.notAllowedTitle')} description={t('field:ledger.notAllowed')} />
      </div>
    );
  }
  return (
    <QueryView result={ledger} skeletonLines={6}>
      {children}
    </QueryView>
  );
}
