import { DeleteOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Shift } from '../../../../contract/rosters.ts';
import { DEFAULT_SHIFTS, isShiftTimes } from '../../../../domain/rosters/shifts.ts';
import { useSetShifts } from '../rosters.resource.ts';

interface Props {
  entranceId: string;
  checkpoint: string;
  shifts: readonly Shift[];
  onClose: () => void;
}

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/**
 * A checkpoint's shifts: clock times (24:00 ends the day) and the fewest
 * people each needs. The server refuses overlapping shifts (SHIFTS_OVERLAP)
 * with a message naming both; it is shown above the list.
 */
export function ShiftsEditModal({ entranceId, checkpoint, shifts, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ shifts: Shift[] }>();
  const save = useSetShifts();
  const [error, setError] = useState<string | null>(null);
  const fallbackMinimum = shifts[0]?.minimum ?? 1;

  const submit = async () => {
    const { shifts: next } = await form.validateFields();
    setError(null);
    save.mutate(
      { entranceId, shifts: next.map((s) => ({ start: s.start.trim(), end: s.end.trim(), minimum: s.minimum })) },
      {
        onSuccess: () => {
          void message.success(t('teams-console:rosters.shifts.saved', { checkpoint }));
          onClose();
        },
        // In a row of narrow time fields the server's sentence ("07:00–12:00 and 11:00–18:00 overlap") reads best above them.
        onError: (e) => setError(e.message),
      },
    );
  };

  return (
    <Modal
      open
      title={t('teams-console:rosters.shifts.title', { checkpoint })}
      okText={t('teams-console:rosters.shifts.save')}
      cancelText={t('common:cancel')}
      confirmLoading={save.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'roster-shifts-save' }}
      width={520}
    >
      <Typography.Paragraph type="secondary">{t('teams-console:rosters.shifts.hint')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="roster-shifts-error" />}
      <Form form={form} layout="vertical" initialValues={{ shifts: shifts.map((s) => ({ ...s })) }} requiredMark={false} data-testid="roster-shifts-form">
        <Form.List name="shifts">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <Space key={field.key} align="start" style={{ display: 'flex' }} data-testid="roster-shift-line">
                  <Form.Item name={[field.name, 'start']} label={i === 0 ? t('teams-console:rosters.shifts.start') : undefined} rules={[{ pattern: CLOCK, required: true, message: t('teams-console:rosters.shifts.timeFormat') }]} style={{ width: 110 }}>
                    <Input placeholder="07:00" maxLength={5} data-testid="roster-shift-start" />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'end']}
                    label={i === 0 ? t('teams-console:rosters.shifts.end') : undefined}
                    dependencies={[['shifts', field.name, 'start']]}
                    rules={[
                      { pattern: CLOCK, required: true, message: t('teams-console:rosters.shifts.timeFormat') },
                      ({ getFieldValue }) => ({
                        validator: (_, end: string) => {
                          const start = getFieldValue(['shifts', field.name, 'start']) as string;
                          return !CLOCK.test(start ?? '') || !CLOCK.test(end ?? '') || isShiftTimes({ start, end }) ? Promise.resolve() : Promise.reject(new Error(t('teams-console:rosters.shifts.endAfterStart')));
                        },
                      }),
                    ]}
                    style={{ width: 110 }}
                  >
                    <Input placeholder="12:00" maxLength={5} data-testid="roster-shift-end" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'minimum']} label={i === 0 ? t('teams-console:rosters.shifts.minimum') : undefined} rules={[{ required: true, message: t('teams-console:rosters.shifts.minimumRequired') }]} style={{ width: 110 }}>
                    <InputNumber min={0} max={50} precision={0} style={{ width: '100%' }} data-testid="roster-shift-minimum" />
                  </Form.Item>
                  <Button type="text" danger icon={<DeleteOutlined />} disabled={fields.length <= 1} onClick={() => remove(field.name)} aria-label={t('teams-console:rosters.shifts.remove')} style={i === 0 ? { marginTop: 30 } : undefined} />
                </Space>
              ))}
              <Space>
                <Button icon={<PlusOutlined />} onClick={() => add({ start: '', end: '', minimum: fallbackMinimum })} disabled={fields.length >= 12} data-testid="roster-shift-add-line">
                  {t('teams-console:rosters.shifts.add')}
                </Button>
                <Button icon={<UndoOutlined />} onClick={() => form.setFieldsValue({ shifts: DEFAULT_SHIFTS.map((s) => ({ ...s, minimum: fallbackMinimum })) })}>
                  {t('teams-console:rosters.shifts.defaults')}
                </Button>
              </Space>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
