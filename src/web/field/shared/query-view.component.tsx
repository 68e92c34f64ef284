import type { UseQueryResult } from '@tanstack/react-query';
import { Button, ErrorBlock, Skeleton } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../../shared/api.ts';

interface Props<T> {
  result: UseQueryResult<T>;
  children: (data: T) => ReactNode;
  /** Shown instead of the generic error block for a refused request (e.g. 404 outside one's area). */
  renderRefusal?: (error: ApiRequestError) => ReactNode;
  skeletonLines?: number;
}

/**
 * The four states of a read on a weak network: data (possibly saved earlier),
 * loading, waiting for the network with nothing saved, and failed.
 * Saved data wins over a failed refresh, so an outdoor user keeps seeing it.
 */
export function QueryView<T>({ result, children, renderRefusal, skeletonLines = 3 }: Props<T>) {
  const { t } = useTranslation();
  if (result.data !== undefined) return <>{children(result.data)}</>;
  const err = result.error ?? result.failureReason;
  const networkDown = err instanceof ApiRequestError && err.code === 'NETWORK';
  // Nothing saved and no network (known, or found out by a failed try): say so instead of spinning.
  if (result.fetchStatus === 'paused' || networkDown) {
    return (
      <div className="field-state" data-testid="offline-empty">
        <ErrorBlock status="disconnected" title={t('field:state.offlineTitle')} description={t('field:state.offlineNoData')} />
        {result.isError && (
          <Button block size="large" onClick={() => void result.refetch()}>
            {t('field:state.retry')}
          </Button>
        )}
      </div>
    );
  }
  if (result.error) {
    if (renderRefusal && err instanceof ApiRequestError && err.status >= 400 && err.status < 500) return <>{renderRefusal(err)}</>;
    return (
      <div className="field-state" role="alert">
        <ErrorBlock status="default" title={t('field:state.loadFailed')} description={result.error.message} />
        <Button block size="large" onClick={() => void result.refetch()}>
          {t('field:state.retry')}
        </Button>
      </div>
    );
  }
  return (
    <div className="field-state" aria-busy="true">
      <Skeleton.Paragraph lineCount={skeletonLines} animated />
    </div>
  );
}
