import { Alert, App, Form, Input, Modal, Radio, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ShanghaiDayPicker } from '../../observation/time/shanghai-pickers.component.tsx';
import { shanghaiDay } from '../../observation/time/shanghai-time.ts';
import { endAfter } from '../teams-format.ts';
import { placeError } from '../teams-form-errors.ts';
import { useCreateTeam, useSendingOrgs, type Team } from '../teams.resource.ts';

const KINDS: readonly Team['kind'][] = ['work_team', 'party_members'];

interface Values {
  sendingOrgId: string;
  name: string;
  kind: Team['kind'];
  from: Dayjs;
  last?: Dayjs | null;
}

/** A work team stationed at the community from a day, sent by a registered organisation; its members are added next. */
export function TeamFormModal({ communityId, onClose, onNeedOrg }: { communityId: string; onClose: () => void; onNeedOrg: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const orgs = useSendingOrgs(communityId);
  const create = useCreateTeam();
  const [formError, setFormError] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    setFormError(null);
    create.mutate(
      { communityId, sendingOrgId: v.sendingOrgId, name: v.name.trim(), kind: v.kind, from: v.from.format('YYYY-MM-DD'), to: endAfter(v.last?.format('YYYY-MM-DD')) },
      {
        onSuccess: (team) => {
          void message.success(t('teams-console:teams.created', { name: team.name }));
          onClose();
        },
        onError: (e) => setFormError(placeError(form, e, { TEAM_NAME_TAKEN: 'name' }, { to: 'last' })),
      },
    );
  };
  return (
    <Modal
      open
      title={t('teams-console:teams.createTitle')}
      okText={t('teams-console:teams.createOk')}
      cancelText={t('common:cancel')}
      confirmLoading={create.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'team-ok' } as Record<string, string>}
    >
      <Form<Values> form={form} layout="vertical" requiredMark={false} initialValues={{ kind: 'work_team', from: shanghaiDay(0) }} data-testid="team-form" style={{ marginTop: 12 }}>
        <Form.Item
          name="sendingOrgId"
          label={t('teams-console:teams.sendingOrg')}
          rules={[{ required: true, message: t('teams-console:form.required') }]}
          extra={
            <a onClick={onNeedOrg} data-testid="team-need-org">
              {t('teams-console:teams.orgMissing')}
            </a>
          }
        >
          <Select
            loading={orgs.isPending}
            placeholder={t('teams-console:teams.sendingOrgPick')}
            options={(orgs.data ?? []).map((o) => ({ value: o.id, label: `${o.name} · ${t(`teams:sendingKinds.${o.kind}`)}` }))}
            data-testid="team-org"
          />
        </Form.Item>
        <Form.Item name="name" label={t('teams-console:teams.name')} rules={[{ required: true, whitespace: true, message: t('teams-console:form.required') }]}>
          <Input maxLength={60} placeholder={t('teams-console:teams.namePlaceholder')} data-testid="team-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('teams-console:teams.kind')}>
          <Radio.Group optionType="button" buttonStyle="solid" options={KINDS.map((k) => ({ value: k, label: t(`teams:teamKinds.${k}`) }))} />
        </Form.Item>
        <Space size={16} align="start">
          <Form.Item name="from" label={t('teams-console:teams.from')} rules={[{ required: true, message: t('teams-console:form.required') }]}>
            <ShanghaiDayPicker allowClear={false} data-testid="team-from" />
          </Form.Item>
          <Form.Item
            name="last"
            label={t('teams-console:teams.last')}
            extra={t('teams-console:teams.lastHint')}
            dependencies={['from']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, last: Dayjs | null | undefined) => {
                  const from = getFieldValue('from') as Dayjs | undefined;
                  return !last || !from || !last.isBefore(from, 'day') ? Promise.resolve() : Promise.reject(new Error(t('teams-console:form.lastBeforeFrom')));
                },
              }),
            ]}
          >
            <ShanghaiDayPicker offsets={[30, 60]} data-testid="team-last" />
          </Form.Item>
        </Space>
      </Form>
      {formError && <Alert type="error" showIcon title={formError} />}
    </Modal>
  );
}
