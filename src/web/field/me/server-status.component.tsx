import { useQuery } from '@tanstack/react-query';
import { DotLoading, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api.ts';

/** Whether the server answers right now (GET /api/health); never cached, never retried. */
export function ServerStatus() {
  const { t } = useTranslation();
  const health = useQuery({
    queryKey: ['health'],
    queryFn: () => api<{ status: 'ok' }>('GET', '/api/health'),
    retry: false,
    staleTime: 0,
    gcTime: 0,
    networkMode: 'always',
  });
  if (health.isFetching && !health.data) return <DotLoading />;
  if (health.data?.status === 'ok' && !health.isError)
    return (
      <Tag color="success" fill="outline" data-testid="server-status" data-status="ok">
        {t('field:me.serverOk')}
      </Tag>
    );
  return (
    <Tag color="danger" fill="outline" data-testid="server-status" data-status="down">
      {t('field:me.serverDown')}
    </Tag>
  );
}
