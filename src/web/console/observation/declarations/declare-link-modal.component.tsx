import { CopyOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useObservationLink } from '../observation-frame.component.tsx';
import { useDeclareLink } from '../observation.resource.ts';
import { svgSource } from './svg-source.ts';

/** The public self-declaration page of the community: its QR code and address, and the way to the printable poster. */
export function DeclareLinkModal({ communityId, onClose }: { communityId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const link = useObservationLink();
  const declareLink = useDeclareLink(communityId);
  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      void message.success(t('common:copied'));
    } catch {
      // A plain-HTTP address has no clipboard: the address stays selectable on screen.
    }
  };
  return (
    <Modal
      open
      title={t('observation-console:declareLink.title')}
      onCancel={onClose}
      footer={
        <Link to={link('/observation/declarations/poster')}>
          <Button type="primary" icon={<PrinterOutlined />} data-testid="declare-poster-open">
            {t('observation-console:declareLink.poster')}
          </Button>
        </Link>
      }
    >
      {declareLink.isPending && <Spin style={{ display: 'block', margin: 40 }} />}
      {declareLink.error && <Alert type="error" showIcon title={declareLink.error.message} />}
      {declareLink.data && (
        <Space orientation="vertical" align="center" style={{ width: '100%' }} data-testid="declare-link">
          <img src={svgSource(declareLink.data.svg)} alt={t('observation-console:declareLink.qrAlt')} style={{ width: 240, height: 240 }} data-testid="declare-qr" />
          <Typography.Text copyable={false} code data-testid="declare-url" style={{ wordBreak: 'break-all' }}>
            {declareLink.data.url}
          </Typography.Text>
          <Button size="small" icon={<CopyOutlined />} onClick={() => void copy(declareLink.data.url)}>
            {t('common:copy')}
          </Button>
          <Typography.Text type="secondary">{t('observation-console:declareLink.hint')}</Typography.Text>
        </Space>
      )}
    </Modal>
  );
}
