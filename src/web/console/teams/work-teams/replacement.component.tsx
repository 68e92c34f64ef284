import { Alert, App, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ShanghaiDayPicker } from '../../observation/time/shanghai-pickers.component.tsx';
import { PersonSelect } from '../person-select.component.tsx';
import { placeError } from '../teams-form-errors.ts';
import { useReplaceMember, type Membership, type Team } from '../teams.resource.ts';

interface Values {
  outgoingUserId: string;
  incomingUserId: string;
  day: Dayjs;
  reason: string;
}

/** The members who can still be replaced: those whose time has no end yet, once each. */
function replaceable(team: Team): Membership[] {
  const open = new Map<string, Membership>();
  for (const m of team.history) if (m.to === null) open.set(m.userId, m);
  return [...open.values()];
}

/**
 * From a day the outgoing member is off the team and the incoming person
 * takes their place in the same role, with the reason kept (an injury, a
 * recall). A day on or before the member joined is refused and said on the day.
 */
export function ReplacementModal({ team, day, outgoing, onClose }: { team: Team; day: string; outgoing?: Membership; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const replace = useReplaceMember();
  const [formError, setFormError] = useState<string | null>(null);
  const members = replaceable(team);
  const submit = async () => {
    const v = await form.validateFields();
    setFormError(null);
    replace.mutate(
      { teamId: team.id, outgoingUserId: v.outgoingUserId, incomingUserId: v.incomingUserId, day: v.day.format('YYYY-MM-DD'), reason: v.reason.trim() },
      {
        onSuccess: () => {
          void message.success(t('teams-console:replace.done'));
          onClose();
        },
        onError: (e) =>
          setFormError(
            placeError(form, e, {
              REPLACEMENT_BEFORE_JOINED: 'day',
              DAY_OUTSIDE_TEAM: 'day',
              MEMBER_NOT_ON_TEAM: 'outgoingUserId',
              MEMBER_ALREADY_ON_TEAM: 'incomingUserId',
              MEMBER_OUTSIDE_COMMUNITY: 'incomingUserId',
            }),
          ),
      },
    );
  };
  return (
    <Modal
      open
      width={560}
      title={t('teams-console:replace.title', { team: team.name })}
      okText={t('teams-console:replace.ok')}
      cancelText={t('common:cancel')}
      confirmLoading={replace.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'replace-ok' } as Record<string, string>}
    >
      <Typography.Paragraph type="secondary">{t('teams-console:replace.hint')}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" requiredMark={false} initialValues={{ outgoingUserId: outgoing?.userId, day: dayjs(day) }} data-testid="replace-form">
        <Form.Item name="outgoingUserId" label={t('teams-console:replace.outgoing')} rules={[{ required: true, message: t('teams-console:form.required') }]}>
          <Select
            placeholder={t('teams-console:replace.outgoingPick')}
            options={members.map((m) => ({ value: m.userId, label: `${m.name} · ${t(`teams:memberRoles.${m.role}`)} · ${t('teams-console:replace.joined', { from: m.from })}` }))}
            data-testid="replace-outgoing"
          />
        </Form.Item>
        <Form.Item name="incomingUserId" label={t('teams-console:replace.incoming')} rules={[{ required: true, message: t('teams-console:form.required') }]}>
          <PersonSelect communityId={team.communityId} exclude={members.map((m) => m.userId)} data-testid="replace-incoming" />
        </Form.Item>
        <Form.Item name="day" label={t('teams-console:replace.day')} extra={t('teams-console:replace.dayHint')} rules={[{ required: true, message: t('teams-console:form.required') }]}>
          <ShanghaiDayPicker allowClear={false} data-testid="replace-day" />
        </Form.Item>
        <Form.Item name="reason" label={t('teams-console:replace.reason')} rules={[{ required: true, whitespace: true, message: t('teams-console:form.required') }]}>
          <Input.TextArea rows={2} maxLength={200} showCount placeholder={t('teams-console:replace.reasonPlaceholder')} data-testid="replace-reason" />
        </Form.Item>
      </Form>
      {formError && <Alert type="error" showIcon title={formError} data-testid="replace-error" />}
    </Modal>
  );
}
