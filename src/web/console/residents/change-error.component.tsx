import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';

export interface ChangeError {
  message: string;
  /** Someone else changed the record since it was read: only reading it again helps. */
  stale: boolean;
}

/** What went wrong with a change; for a record changed meanwhile, a button that reads it again. */
export function ChangeErrorAlert({ error, onReload }: { error: ChangeError | null; onReload: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert
      type={error.stale ? 'warning' : 'error'}
      showIcon
      style={{ marginTop: 8 }}
      title={error.stale ? t('ledger:detail.staleTitle') : error.message}
      description={error.stale ? t('ledger:detail.staleText') : undefined}
      data-testid="resident-change-error"
      action={
        error.stale ? (
          <Button size="small" icon={<ReloadOutlined />} onClick={onReload} data-testid="resident-reload">
            {t('ledger:detail.reload')}
          </Button>
        ) : undefined
      }
    />
  );
}
