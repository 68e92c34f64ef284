import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { suggestUsername } from '../teams-format.ts';
import { placeError } from '../teams-form-errors.ts';
import { useApproveVolunteer, type Approved, type Volunteer } from './volunteers.resource.ts';

const ROLES = ['checkpoint_volunteer', 'team_member'] as const;
type Role = (typeof ROLES)[number];

/** The role suited to what the volunteer offered: checkpoint duty makes a checkpoint volunteer, anything else a team member. */
const roleFor = (v: Volunteer): Role => (v.skills.includes('gate') || v.skills.length === 0 ? 'checkpoint_volunteer' : 'team_member');

/**
 * Approves a sign-up into a field app account at the community: the role it
 * takes and its username (one is offered, the desk may change it). The
 * one-time password comes back once and is handed to `onApproved` to show.
 */
export function ApproveVolunteerModal({ volunteer: v, onClose, onApproved }: { volunteer: Volunteer; onClose: () => void; onApproved: (approved: Approved) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ role: Role; username: string }>();
  const approve = useApproveVolunteer();
  const [formError, setFormError] = useState<string | null>(null);
  const submit = async () => {
    const values = await form.validateFields();
    setFormError(null);
    approve.mutate(
      { volunteerId: v.id, role: values.role, username: values.username.trim() },
      {
        onSuccess: (approved) => {
          onClose();
          onApproved(approved);
        },
        onError: (e) => setFormError(placeError(form, e, { USERNAME_TAKEN: 'username' })),
      },
    );
  };
  return (
    <Modal
      open
      title={t('teams-console:volunteers.approveTitle', { name: v.name })}
      okText={t('teams-console:volunteers.approveOk')}
      cancelText={t('common:cancel')}
      confirmLoading={approve.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'volunteer-approve-ok' } as Record<string, string>}
    >
      <Typography.Paragraph type="secondary">{t('teams-console:volunteers.approveHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ role: roleFor(v), username: suggestUsername(v.mobile) }} data-testid="volunteer-approve-form">
        <Form.Item name="role" label={t('teams-console:volunteers.role')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={ROLES.map((r) => ({ value: r, label: <span data-testid={`volunteer-role-${r}`}>{t(`teams:volunteerRoles.${r}`)}</span> }))}
          />
        </Form.Item>
        <Form.Item label={t('teams-console:volunteers.username')} extra={t('teams-console:volunteers.usernameHint')} required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item
              name="username"
              noStyle
              rules={[
                { required: true, whitespace: true, message: t('teams-console:form.required') },
                { pattern: /^[A-Za-z0-9_.-]{3,32}$/, message: t('teams-console:volunteers.usernameRule') },
                { pattern: /[A-Za-z]/, message: t('teams-console:volunteers.usernameRule') },
              ]}
            >
              <Input maxLength={32} data-testid="volunteer-username" />
            </Form.Item>
            <Button icon={<ReloadOutlined />} onClick={() => form.setFieldValue('username', suggestUsername(v.mobile))} data-testid="volunteer-username-again">
              {t('teams-console:volunteers.usernameAgain')}
            </Button>
          </Space.Compact>
        </Form.Item>
      </Form>
      {formError && <Alert type="error" showIcon title={formError} />}
    </Modal>
  );
}
