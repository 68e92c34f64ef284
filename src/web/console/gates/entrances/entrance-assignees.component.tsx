import { Alert, App, Checkbox, Empty, Modal, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Entrance } from '../../../../contract/gates.ts';
import { useAssignable, useSetAssignees } from '../gates.resource.ts';

/** Who may register at this entrance: the community's volunteers, grid workers and team members. */
export function EntranceAssigneesModal({ entrance, onClose }: { entrance: Entrance; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const people = useAssignable(entrance.communityId);
  const save = useSetAssignees();
  const [chosen, setChosen] = useState<string[]>(entrance.assignees.map((a) => a.userId));
  const roles = (r: readonly string[]) => r.map((role) => t(`server:roles.${role}`)).join(t('gate-console:listSeparator'));

  return (
    <Modal
      open
      width={560}
      title={t('gate-console:assignees.title', { name: entrance.name })}
      okText={t('common:save')}
      cancelText={t('common:cancel')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'assignees-submit' }}
      onCancel={onClose}
      onOk={() =>
        save.mutate(
          { entranceId: entrance.id, userIds: chosen },
          {
            onSuccess: () => {
              void message.success(t('gate-console:assignees.saved', { name: entrance.name, count: chosen.length }));
              onClose();
            },
            onError: (e) => void message.error(e.message),
          },
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('gate-console:assignees.hint')}</Typography.Paragraph>
      {people.isPending && <Spin />}
      {people.isError && <Alert type="error" showIcon title={people.error.message} />}
      {people.data && people.data.length === 0 && <Empty description={t('gate-console:assignees.nobody')} />}
      {people.data && people.data.length > 0 && (
        <Checkbox.Group value={chosen} onChange={(v) => setChosen(v)} style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 10 }} data-testid="assignees">
          {people.data.map((p) => (
            <Checkbox key={p.userId} value={p.userId}>
              {p.name}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {' '}
                {roles(p.roles)}
              </Typography.Text>
            </Checkbox>
          ))}
        </Checkbox.Group>
      )}
    </Modal>
  );
}
