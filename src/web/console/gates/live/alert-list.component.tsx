import { AlertOutlined, CheckOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Modal, Table, Tag, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alert } from '../../../../contract/gates.ts';
import { temperatureOf, whenOf } from '../gate-format.ts';
import { useHandleAlert } from '../gates.resource.ts';

interface Props {
  alerts: readonly Alert[];
  canHandle: boolean;
  /** Called once the server has recorded the handling. */
  onHandled: (alertId: string) => void;
}

/** Unhandled fever alerts, newest first, in red until someone deals with each. */
export function AlertList({ alerts, canHandle, onHandled }: Props) {
  const { t } = useTranslation();
  const [handling, setHandling] = useState<Alert | null>(null);
  if (alerts.length === 0) return null;
  return (
    <Card
      size="small"
      data-testid="live-alerts"
      title={
        <span style={{ color: '#cf1322' }}>
          <AlertOutlined /> {t('gate-console:alerts.title', { count: alerts.length })}
        </span>
      }
      style={{ borderColor: '#ff7875', background: '#fff1f0' }}
      styles={{ header: { background: '#ffccc7' } }}
    >
      <Table<Alert>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={[...alerts]}
        onRow={(a) => ({ 'data-testid': 'live-alert', 'data-alert-id': a.id }) as HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'time', title: t('gate-console:alerts.time'), width: 130, render: (_, a) => whenOf(t, a.raisedAt) },
          {
            key: 'place',
            title: t('gate-console:alerts.place'),
            render: (_, a) => (
              <span>
                {a.place} {a.source === 'patrol' && <Tag>{t('gate-console:alerts.patrol')}</Tag>}
              </span>
            ),
          },
          { key: 'name', title: t('gate-console:alerts.name'), dataIndex: 'name' },
          {
            key: 'temperature',
            title: t('gate-console:alerts.temperature'),
            width: 110,
            render: (_, a) => (
              <Typography.Text strong style={{ color: '#cf1322', fontSize: 16 }} data-testid="alert-temperature">
                {temperatureOf(t, a.temperature)}
              </Typography.Text>
            ),
          },
          { key: 'recorder', title: t('gate-console:alerts.recordedBy'), dataIndex: 'recordedByName' },
          {
            key: 'action',
            width: 110,
            render: (_, a) =>
              canHandle && (
                <Button danger type="primary" icon={<CheckOutlined />} onClick={() => setHandling(a)} data-testid="alert-handle">
                  {t('gate-console:alerts.handle')}
                </Button>
              ),
          },
        ]}
      />
      {handling && (
        <HandleModal
          alert={handling}
          onClose={() => setHandling(null)}
          onDone={() => {
            onHandled(handling.id);
            setHandling(null);
          }}
        />
      )}
    </Card>
  );
}

/** Handling needs a note: what was done (sent to the fever clinic, home isolation …), kept with the alert. */
function HandleModal({ alert, onClose, onDone }: { alert: Alert; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const handle = useHandleAlert();
  const submit = async () => {
    const { note } = await form.validateFields();
    handle.mutate(
      { alertId: alert.id, note: note.trim() },
      {
        onSuccess: () => {
          void message.success(t('gate-console:alerts.handled', { name: alert.name }));
          onDone();
        },
        onError: (e) => void message.error(e.message),
      },
    );
  };
  return (
    <Modal
      open
      title={t('gate-console:alerts.handleTitle', { name: alert.name, temperature: temperatureOf(t, alert.temperature), place: alert.place })}
      okText={t('gate-console:alerts.handleOk')}
      cancelText={t('common:cancel')}
      confirmLoading={handle.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'alert-handle-ok' }}
    >
      <Form form={form} layout="vertical" requiredMark={false} style={{ marginTop: 12 }}>
        <Form.Item
          name="note"
          label={t('gate-console:alerts.note')}
          rules={[{ required: true, whitespace: true, message: t('gate-console:alerts.noteRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount placeholder={t('gate-console:alerts.notePlaceholder')} data-testid="alert-note" autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
