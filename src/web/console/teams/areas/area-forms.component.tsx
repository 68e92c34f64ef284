import { Alert, App, Form, Modal, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ShanghaiDayPicker } from '../../observation/time/shanghai-pickers.component.tsx';
import { PersonSelect } from '../person-select.component.tsx';
import { endAfter } from '../teams-format.ts';
import { placeError } from '../teams-form-errors.ts';
import { useAssignArea, useEndArea, type AreaGroupRow } from '../teams.resource.ts';
import type { AreaRow } from './area-rows.ts';

interface AssignValues {
  userId: string;
  groupIds: string[];
  from: Dayjs;
  last?: Dayjs | null;
}

/** Gives a person (a team member, a grid worker) several groups to answer for, from a day and until a last day or further notice. */
export function AreaAssignModal({ communityId, day, groups, preset, onClose }: { communityId: string; day: string; groups: readonly AreaRow[]; preset: string[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AssignValues>();
  const assign = useAssignArea();
  const [formError, setFormError] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    setFormError(null);
    assign.mutate(
      { communityId, userId: v.userId, groupIds: v.groupIds, from: v.from.format('YYYY-MM-DD'), to: endAfter(v.last?.format('YYYY-MM-DD')) },
      {
        onSuccess: () => {
          void message.success(t('teams-console:areas.assigned', { count: v.groupIds.length }));
          onClose();
        },
        onError: (e) =>
          setFormError(placeError(form, e, { AREA_ALREADY_ASSIGNED: 'groupIds', GROUP_NOT_IN_COMMUNITY: 'groupIds', MEMBER_OUTSIDE_COMMUNITY: 'userId' }, { to: 'last' })),
      },
    );
  };
  return (
    <Modal
      open
      width={600}
      title={t('teams-console:areas.assignTitle')}
      okText={t('teams-console:areas.assignOk')}
      cancelText={t('common:cancel')}
      confirmLoading={assign.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'area-assign-ok' } as Record<string, string>}
    >
      <Form<AssignValues> form={form} layout="vertical" requiredMark={false} initialValues={{ groupIds: preset, from: dayjs(day) }} data-testid="area-assign-form" style={{ marginTop: 12 }}>
        <Form.Item name="userId" label={t('teams-console:areas.person')} rules={[{ required: true, message: t('teams-console:form.required') }]}>
          <PersonSelect communityId={communityId} data-testid="area-person" />
        </Form.Item>
        <Form.Item name="groupIds" label={t('teams-console:areas.groups')} rules={[{ required: true, message: t('teams-console:form.required') }]} extra={t('teams-console:areas.groupsHint')}>
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'name' }}
            placeholder={t('teams-console:areas.groupsPick')}
            optionLabelProp="name"
            options={groups.map((g) => ({
              value: g.groupId,
              name: g.groupName,
              label: (
                <span data-testid="group-option" data-name={g.groupName}>
                  {g.groupName}
                  {g.uncovered && (
                    <Typography.Text type="danger" style={{ marginInlineStart: 8, fontSize: 12 }}>
                      {t('teams-console:areas.nobody')}
                    </Typography.Text>
                  )}
                </span>
              ),
            }))}
            data-testid="area-groups"
          />
        </Form.Item>
        <Space size={16} align="start">
          <Form.Item name="from" label={t('teams-console:areas.from')} rules={[{ required: true, message: t('teams-console:form.required') }]}>
            <ShanghaiDayPicker allowClear={false} data-testid="area-from" />
          </Form.Item>
          <Form.Item name="last" label={t('teams-console:areas.last')} extra={t('teams-console:areas.lastHint')}>
            <ShanghaiDayPicker offsets={[7, 14]} data-testid="area-last" />
          </Form.Item>
        </Space>
      </Form>
      {formError && <Alert type="error" showIcon title={formError} />}
    </Modal>
  );
}

/** Ends one person's responsibility for one group from a day on; the history keeps who answered for it before. */
export function AreaEndModal({ group, assignment, day, onClose }: { group: AreaGroupRow; assignment: AreaGroupRow['responsible'][number]; day: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ day: Dayjs }>();
  const end = useEndArea();
  const [formError, setFormError] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    setFormError(null);
    end.mutate(
      { assignmentId: assignment.id, day: v.day.format('YYYY-MM-DD') },
      {
        onSuccess: () => {
          void message.success(t('teams-console:areas.ended', { name: assignment.name, group: group.groupName }));
          onClose();
        },
        onError: (e) => setFormError(placeError(form, e)),
      },
    );
  };
  return (
    <Modal
      open
      title={t('teams-console:areas.endTitle', { name: assignment.name, group: group.groupName })}
      okText={t('teams-console:areas.endOk')}
      cancelText={t('common:cancel')}
      okButtonProps={{ danger: true, ...({ 'data-testid': 'area-end-ok' } as Record<string, string>) }}
      confirmLoading={end.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ day: dayjs(day) }} style={{ marginTop: 12 }}>
        <Form.Item name="day" label={t('teams-console:areas.endDay')} extra={t('teams-console:areas.endDayHint')} rules={[{ required: true, message: t('teams-console:form.required') }]}>
          <ShanghaiDayPicker allowClear={false} data-testid="area-end-day" />
        </Form.Item>
      </Form>
      {formError && <Alert type="error" showIcon title={formError} />}
    </Modal>
  );
}
