import { ErrorBlock, List } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The lists of an outbox page, the same for every kind of item: what the
 * server refused (to correct or discard) first, then what still waits, or
 * why the phone's storage could not be read. Each page draws its own rows.
 */
export function OutboxLists<T extends { id: string }>(props: {
  loaded: boolean;
  failed: boolean;
  failedHint: string;
  refused: readonly T[];
  waiting: readonly T[];
  row: (item: T) => ReactNode;
  /** Prefix of the lists' test ids: `outbox` gives `outbox-refused` and `outbox-waiting`. */
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      {props.failed && (
        <div className="field-state">
          <ErrorBlock status="default" title={t('field:outbox.storageFailed')} description={props.failedHint} />
        </div>
      )}
      {props.loaded && props.refused.length > 0 && (
        <List header={t('field:outbox.refusedHeader')} className="field-list" data-testid={`${props.testId}-refused`}>
          {props.refused.map(props.row)}
        </List>
      )}
      {props.loaded && props.waiting.length > 0 && (
        <List header={t('field:outbox.waitingHeader')} className="field-list" data-testid={`${props.testId}-waiting`}>
          {props.waiting.map(props.row)}
        </List>
      )}
    </>
  );
}
