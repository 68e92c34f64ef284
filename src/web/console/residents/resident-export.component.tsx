import { DownloadOutlined, DownOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { download, exportUrl, type ResidentFilters } from './residents.resource.ts';

interface Props {
  filters: ResidentFilters;
  /** How many people the filters hold, to say it before a full export. */
  total: number | undefined;
  /** The user may reveal: offer the export with full ID numbers (audited). */
  canFull: boolean;
}

/** The filtered list as .xlsx: masked, or in full after a warning that the export is recorded. */
export function ExportButton({ filters, total, canFull }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState(false);

  const run = async (full: boolean) => {
    setBusy(true);
    try {
      await download(exportUrl(filters, full), t('ledger:export.fileName'));
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const confirmFull = () =>
    void modal.confirm({
      title: t('ledger:export.fullTitle'),
      icon: <SafetyCertificateOutlined style={{ color: '#d46b08' }} />,
      content: t('ledger:export.fullWarning', { count: total ?? 0 }),
      okText: t('ledger:export.fullOk'),
      cancelText: t('common:cancel'),
      okButtonProps: { danger: true, 'data-testid': 'export-full-confirm' },
      onOk: () => run(true),
    });

  const main = (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void run(false)} data-testid="resident-export">
      {t('ledger:export.button')}
    </Button>
  );
  if (!canFull) return main;
  return (
    <Space.Compact>
      {main}
      <Dropdown
        trigger={['click']}
        menu={{
          items: [{ key: 'full', icon: <SafetyCertificateOutlined />, label: <span data-testid="resident-export-full">{t('ledger:export.full')}</span> }],
          onClick: confirmFull,
        }}
      >
        <Button icon={<DownOutlined />} disabled={busy} aria-label={t('ledger:export.more')} data-testid="resident-export-more" />
      </Dropdown>
    </Space.Compact>
  );
}
