import { AlertOutlined, CheckOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Form, Input, Modal, Table, Tag, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAlerts, useHandleAlert, type AlertItem } from '../observation.resource.ts';
import { dateTimeOf, DASH, FEVER_RED, temperatureText } from '../observation-format.ts';

interface Props {
  communityId: string;
  /** Where a name leads: the person's record, keeping the community chosen. */
  arrivalLink: (arrivalId: string) => string;
}

/**
 * The community's open observation alerts (a fever, a positive test, a check
 * not done in time), looked at again every 30 seconds, in red until someone
 * handles each with a note.
 */
export function ObservationAlerts({ communityId, arrivalLink }: Props) {
  const { t } = useTranslation();
  const alerts = useAlerts(communityId);
  const [handling, setHandling] = useState<AlertItem | null>(null);
  const list = alerts.data ?? [];
  const open = list.length;
  return (
    <Card
      size="small"
      data-testid="observation-alerts"
      data-count={alerts.data ? open : ''}
      loading={alerts.isPending}
      title={
        <span style={open ? { color: FEVER_RED } : undefined}>
          <AlertOutlined /> {t('observation-console:alerts.title', { count: open })}
        </span>
      }
      style={open ? { borderColor: '#ff7875', background: '#fff1f0' } : undefined}
      styles={open ? { header: { background: '#ffccc7' } } : undefined}
    >
      {alerts.error && <Typography.Text type="danger">{alerts.error.message}</Typography.Text>}
      {alerts.data && open === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('observation-console:alerts.none')} />}
      {open > 0 && (
        <Table<AlertItem>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={list}
          onRow={(a) => ({ 'data-testid': 'observation-alert', 'data-kind': a.kind, 'data-name': a.name }) as HTMLAttributes<HTMLElement>}
          columns={[
            { key: 'kind', title: t('observation-console:alerts.kind'), width: 110, render: (_, a) => <Tag color={a.kind === 'overdue' ? 'orange' : 'red'}>{t(`observation:alertKind.${a.kind}`)}</Tag> },
            { key: 'name', title: t('observation-console:alerts.name'), render: (_, a) => <Link to={arrivalLink(a.arrivalId)}>{a.name}</Link> },
            {
              key: 'what',
              title: t('observation-console:alerts.what'),
              render: (_, a) =>
                a.temperature !== null ? (
                  <Typography.Text strong style={{ color: FEVER_RED }}>{temperatureText(t, a.temperature)}</Typography.Text>
                ) : a.dueAt ? (
                  t('observation-console:alerts.missed', { when: dateTimeOf(a.dueAt) })
                ) : (
                  DASH
                ),
            },
            { key: 'worker', title: t('observation-console:alerts.worker'), dataIndex: 'workerName' },
            { key: 'raised', title: t('observation-console:alerts.raised'), width: 150, render: (_, a) => dateTimeOf(a.raisedAt) },
            {
              key: 'action',
              width: 110,
              render: (_, a) => (
                <Button danger type="primary" icon={<CheckOutlined />} onClick={() => setHandling(a)} data-testid="observation-alert-handle">
                  {t('observation-console:alerts.handle')}
                </Button>
              ),
            },
          ]}
        />
      )}
      {handling && <HandleModal alert={handling} onClose={() => setHandling(null)} />}
    </Card>
  );
}

/** Handling needs a note (called the person, reading taken late, sent to the fever clinic), kept with the alert. */
function HandleModal({ alert, onClose }: { alert: AlertItem; onClose: () => void }) {
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
          void message.success(t('observation-console:alerts.handled', { name: alert.name }));
          onClose();
        },
        onError: (e) => void message.error(e.message),
      },
    );
  };
  return (
    <Modal
      open
      title={t('observation-console:alerts.handleTitle', { name: alert.name, kind: t(`observation:alertKind.${alert.kind}`) })}
      okText={t('observation-console:alerts.handleOk')}
      cancelText={t('common:cancel')}
      confirmLoading={handle.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'observation-alert-handle-ok' }}
    >
      <Form form={form} layout="vertical" requiredMark={false} style={{ marginTop: 12 }}>
        <Form.Item name="note" label={t('observation-console:alerts.note')} rules={[{ required: true, whitespace: true, message: t('observation-console:alerts.noteRequired') }]}>
          <Input.TextArea rows={3} maxLength={200} showCount placeholder={t('observation-console:alerts.notePlaceholder')} data-testid="observation-alert-note" autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
