import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from '../../../../domain/ids.ts';
import { PersonSelect } from '../person-select.component.tsx';
import { placeError } from '../teams-form-errors.ts';
import { useAreas, useTeams } from '../teams.resource.ts';
import { useCreateTask } from './briefing.resource.ts';

interface Values {
  text: string;
  groupIds?: string[];
  userIds?: string[];
  teamIds?: string[];
}

/** A task of the day's briefing: what to do, where (residential groups, when it concerns some), and who does it (people or whole work teams). */
export function TaskFormModal({ communityId, day, onClose }: { communityId: string; day: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [id] = useState(() => uuidv7());
  const create = useCreateTask();
  const groups = useAreas(communityId, day);
  const teams = useTeams(communityId, day);
  const [formError, setFormError] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    setFormError(null);
    const assignees = [...(v.userIds ?? []).map((userId) => ({ userId })), ...(v.teamIds ?? []).map((teamId) => ({ teamId }))];
    create.mutate(
      { id, communityId, day, text: v.text.trim(), groupIds: v.groupIds ?? [], assignees },
      {
        onSuccess: () => {
          void message.success(t('teams-console:tasks.created'));
          onClose();
        },
        onError: (e) => setFormError(placeError(form, e, {}, { assignees: 'userIds' })),
      },
    );
  };
  const needsSomeone = ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: () =>
      ((getFieldValue('userIds') as string[] | undefined)?.length ?? 0) + ((getFieldValue('teamIds') as string[] | undefined)?.length ?? 0) > 0
        ? Promise.resolve()
        : Promise.reject(new Error(t('teams-console:tasks.assigneeRequired'))),
  });
  return (
    <Modal
      open
      width={620}
      title={t('teams-console:tasks.createTitle', { day })}
      okText={t('teams-console:tasks.createOk')}
      cancelText={t('common:cancel')}
      confirmLoading={create.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'task-ok' } as Record<string, string>}
    >
      <Form<Values> form={form} layout="vertical" requiredMark={false} data-testid="task-form" style={{ marginTop: 12 }}>
        <Form.Item name="text" label={t('teams-console:tasks.text')} rules={[{ required: true, whitespace: true, message: t('teams-console:form.required') }]}>
          <Input.TextArea rows={3} maxLength={300} showCount placeholder={t('teams-console:tasks.textPlaceholder')} data-testid="task-text" autoFocus />
        </Form.Item>
        <Form.Item name="groupIds" label={t('teams-console:tasks.groups')} extra={t('teams-console:tasks.groupsHint')}>
          <Select
            mode="multiple"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={groups.isPending}
            placeholder={t('teams-console:tasks.groupsPick')}
            options={(groups.data?.groups ?? []).map((g) => ({ value: g.groupId, label: g.groupName }))}
            data-testid="task-groups"
          />
        </Form.Item>
        <Form.Item name="userIds" label={t('teams-console:tasks.people')} dependencies={['teamIds']} rules={[needsSomeone]}>
          <PersonSelect communityId={communityId} multiple placeholder={t('teams-console:tasks.peoplePick')} data-testid="task-people" />
        </Form.Item>
        <Form.Item name="teamIds" label={t('teams-console:tasks.teams')} dependencies={['userIds']} rules={[needsSomeone]}>
          <Select
            mode="multiple"
            allowClear
            loading={teams.isPending}
            placeholder={t('teams-console:tasks.teamsPick')}
            notFoundContent={t('teams-console:tasks.noTeams')}
            options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
            data-testid="task-teams"
          />
        </Form.Item>
      </Form>
      {formError && <Alert type="error" showIcon title={formError} />}
    </Modal>
  );
}
