import { Alert, App, Form, Input, Modal, Radio, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ShanghaiDayPicker } from '../../observation/time/shanghai-pickers.component.tsx';
import { PersonSelect } from '../person-select.component.tsx';
import { placeError } from '../teams-form-errors.ts';
import { useAddMember, useEndMember, type Membership, type Team } from '../teams.resource.ts';

const ROLES: readonly Membership['role'][] = ['leader', 'member'];

/** Puts a person of the community on the team from a day, as leader or member. */
export function MemberAddModal({ team, day, onClose }: { team: Team; day: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ userId: string; role: Membership['role']; from: Dayjs }>();
  const add = useAddMember();
  const [formError, setFormError] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    setFormError(null);
    add.mutate(
      { teamId: team.id, userId: v.userId, role: v.role, from: v.from.format('YYYY-MM-DD') },
      {
        onSuccess: () => {
          void message.success(t('teams-console:members.added'));
          onClose();
        },
        onError: (e) =>
          setFormError(placeError(form, e, { MEMBER_ALREADY_ON_TEAM: 'userId', MEMBER_OUTSIDE_COMMUNITY: 'userId', DAY_OUTSIDE_TEAM: 'from' })),
      },
    );
  };
  return (
    <Modal
      open
      title={t('teams-console:members.addTitle', { team: team.name })}
      okText={t('teams-console:members.addOk')}
      cancelText={t('common:cancel')}
      confirmLoading={add.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'member-add-ok' } as Record<string, string>}
    >
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ role: team.onDay.length ? 'member' : 'leader', from: dayjs(day) }} style={{ marginTop: 12 }}>
        <Form.Item name="userId" label={t('teams-console:members.person')} rules={[{ required: true, message: t('teams-console:form.required') }]} extra={t('teams-console:members.personHint')}>
          <PersonSelect communityId={team.communityId} exclude={team.onDay.map((m) => m.userId)} data-testid="member-person" />
        </Form.Item>
        <Form.Item name="role" label={t('teams-console:members.role')}>
          <Radio.Group optionType="button" buttonStyle="solid" options={ROLES.map((r) => ({ value: r, label: t(`teams:memberRoles.${r}`) }))} />
        </Form.Item>
        <Form.Item name="from" label={t('teams-console:members.from')} rules={[{ required: true, message: t('teams-console:form.required') }]}>
          <ShanghaiDayPicker allowClear={false} data-testid="member-from" />
        </Form.Item>
      </Form>
      {formError && <Alert type="error" showIcon title={formError} />}
    </Modal>
  );
}

/** Ends a member's time on the team without a successor (left, fell ill): from that day they are off it, the history keeps them. */
export function MemberEndModal({ member, day, onClose }: { member: Membership; day: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ day: Dayjs; reason: string }>();
  const end = useEndMember();
  const [formError, setFormError] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    setFormError(null);
    end.mutate(
      { membershipId: member.id, day: v.day.format('YYYY-MM-DD'), reason: v.reason.trim() },
      {
        onSuccess: () => {
          void message.success(t('teams-console:members.ended', { name: member.name }));
          onClose();
        },
        onError: (e) => setFormError(placeError(form, e, { REPLACEMENT_BEFORE_JOINED: 'day', DAY_OUTSIDE_TEAM: 'day', MEMBER_NOT_ON_TEAM: 'day' })),
      },
    );
  };
  return (
    <Modal
      open
      title={t('teams-console:members.endTitle', { name: member.name })}
      okText={t('teams-console:members.endOk')}
      cancelText={t('common:cancel')}
      okButtonProps={{ danger: true, ...({ 'data-testid': 'member-end-ok' } as Record<string, string>) }}
      confirmLoading={end.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">{t('teams-console:members.endHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ day: dayjs(day) }}>
        <Form.Item name="day" label={t('teams-console:members.endDay')} rules={[{ required: true, message: t('teams-console:form.required') }]}>
          <ShanghaiDayPicker allowClear={false} data-testid="member-end-day" />
        </Form.Item>
        <Form.Item name="reason" label={t('teams-console:members.reason')} rules={[{ required: true, whitespace: true, message: t('teams-console:form.required') }]}>
          <Input.TextArea rows={2} maxLength={200} showCount data-testid="member-end-reason" />
        </Form.Item>
      </Form>
      {formError && <Alert type="error" showIcon title={formError} />}
    </Modal>
  );
}
