import { AlertOutlined, CheckOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Modal, Table } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DutyAlert } from '../../../../contract/rosters.ts';
import { whenOf } from '../../gates/gate-format.ts';
import { shortDay } from '../roster-grid.ts';
import { useHandleDutyAlert } from '../rosters.resource.ts';

/** Open alerts of checkpoints left short of people, in red until the lead deals with each. */
export function DutyAlerts({ alerts, canHandle }: { alerts: readonly DutyAlert[]; canHandle: boolean }) {
  const { t } = useTranslation();
  const [handling, setHandling] = useState<DutyAlert | null>(null);
  if (alerts.length === 0) return null;
  return (
    <Card
      size="small"
      data-testid="duty-alerts"
      title={
        <span style={{ color: '#cf1322' }}>
          <AlertOutlined /> {t('teams-console:rosters.alerts.title', { count: alerts.length })}
        </span>
      }
      style={{ borderColor: '#ff7875', background: '#fff1f0' }}
      styles={{ header: { background: '#ffccc7' } }}
    >
      <Table<DutyAlert>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={[...alerts]}
        onRow={(a) => ({ 'data-testid': 'duty-alert', 'data-checkpoint': a.entranceName }) as HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'raised', title: t('teams-console:rosters.alerts.raised'), width: 130, render: (_, a) => whenOf(t, a.raisedAt) },
          { key: 'checkpoint', title: t('teams-console:rosters.alerts.checkpoint'), render: (_, a) => a.entranceName },
          { key: 'shift', title: t('teams-console:rosters.alerts.shift'), render: (_, a) => `${shortDay(a.day)} ${a.start}–${a.end}` },
          { key: 'checkedIn', title: t('teams-console:rosters.alerts.checkedIn'), render: (_, a) => <strong style={{ color: '#cf1322' }}>{t('teams-console:rosters.alerts.checkedInOf', { checkedIn: a.checkedIn, minimum: a.minimum })}</strong> },
          {
            key: 'action',
            width: 110,
            render: (_, a) =>
              canHandle && (
                <Button danger type="primary" icon={<CheckOutlined />} onClick={() => setHandling(a)} data-testid="duty-alert-handle">
                  {t('teams-console:rosters.alerts.handle')}
                </Button>
              ),
          },
        ]}
      />
      {handling && <HandleModal alert={handling} onClose={() => setHandling(null)} />}
    </Card>
  );
}

/** Handling needs a note: who was sent, who was called, kept with the alert. */
function HandleModal({ alert, onClose }: { alert: DutyAlert; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const handle = useHandleDutyAlert();
  const submit = async () => {
    const { note } = await form.validateFields();
    handle.mutate(
      { alertId: alert.id, note: note.trim() },
      {
        onSuccess: () => {
          void message.success(t('teams-console:rosters.alerts.handled', { checkpoint: alert.entranceName }));
          onClose();
        },
        onError: (e) => void message.error(e.message),
      },
    );
  };
  return (
    <Modal
      open
      title={t('teams-console:rosters.alerts.handleTitle', { checkpoint: alert.entranceName, time: `${alert.start}–${alert.end}` })}
      okText={t('teams-console:rosters.alerts.handleOk')}
      cancelText={t('common:cancel')}
      confirmLoading={handle.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'duty-alert-handle-ok' }}
    >
      <Form form={form} layout="vertical" requiredMark={false} style={{ marginTop: 12 }}>
        <Form.Item name="note" label={t('teams-console:rosters.alerts.note')} rules={[{ required: true, whitespace: true, message: t('teams-console:rosters.alerts.noteRequired') }]}>
          <Input.TextArea rows={3} maxLength={200} showCount placeholder={t('teams-console:rosters.alerts.notePlaceholder')} data-testid="duty-alert-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
