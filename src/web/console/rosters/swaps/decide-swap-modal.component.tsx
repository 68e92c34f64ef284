import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Duty, Swap } from '../../../../contract/rosters.ts';
import { useDecideSwap } from '../rosters.resource.ts';

interface Props {
  swap: Swap;
  dutyText: (d: Duty) => string;
  onClose: () => void;
}

/**
 * The lead approves or refuses a swap, with a note if they like. Approval
 * moves the duty (and, in an exchange, the other one back); the server
 * refuses it if it would put someone in two places at once.
 */
export function DecideSwapModal({ swap, dutyText, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const decide = useDecideSwap();
  const [note, setNote] = useState('');
  const [choice, setChoice] = useState<boolean | null>(null);

  const send = (approve: boolean) => {
    setChoice(approve);
    decide.mutate(
      { swapId: swap.id, approve, ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: () => {
          void message.success(approve ? t('teams-console:rosters.swaps.approved') : t('teams-console:rosters.swaps.refused'));
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('teams-console:rosters.swaps.decideTitle', { name: swap.requestedByName })}
      onCancel={onClose}
      width={600}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common:cancel')}
        </Button>,
        <Button key="refuse" danger icon={<CloseOutlined />} loading={decide.isPending && choice === false} disabled={decide.isPending} onClick={() => send(false)} data-testid="swap-refuse">
          {t('teams-console:rosters.swaps.refuse')}
        </Button>,
        <Button key="approve" type="primary" icon={<CheckOutlined />} loading={decide.isPending && choice === true} disabled={decide.isPending} onClick={() => send(true)} data-testid="swap-approve">
          {t('teams-console:rosters.swaps.approve')}
        </Button>,
      ]}
    >
      <div data-testid="swap-decide-modal">
        <Descriptions column={1} size="small" bordered style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('teams-console:rosters.swaps.columns.duty')}>
            {dutyText(swap.duty)} ({swap.duty.name})
          </Descriptions.Item>
          <Descriptions.Item label={t('teams-console:rosters.swaps.columns.to')}>{swap.toName}</Descriptions.Item>
          <Descriptions.Item label={t('teams-console:rosters.swaps.columns.counter')}>{swap.counterDuty ? dutyText(swap.counterDuty) : t('teams-console:rosters.swaps.handOver')}</Descriptions.Item>
          <Descriptions.Item label={t('teams-console:rosters.swaps.columns.reason')}>{swap.reason}</Descriptions.Item>
        </Descriptions>
        <Input.TextArea
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={200}
          showCount
          rows={2}
          placeholder={t('teams-console:rosters.swaps.notePlaceholder')}
          data-testid="swap-note"
        />
        {decide.isError && <Alert type="error" showIcon title={decide.error.message} style={{ marginTop: 12 }} data-testid="swap-error" />}
      </div>
    </Modal>
  );
}
