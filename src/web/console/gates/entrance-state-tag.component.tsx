import { CheckCircleOutlined, LockOutlined, SafetyOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntranceState } from '../../../domain/gates/entrance-state.ts';

const LOOK: Record<EntranceState, { color: string; icon: ReactNode }> = {
  open: { color: 'green', icon: <CheckCircleOutlined /> },
  checkpoint: { color: 'blue', icon: <SafetyOutlined /> },
  // Sealed is not an alarm: grey with a lock, so that red stays for fevers.
  sealed: { color: 'default', icon: <LockOutlined /> },
};

/** Open / checkpoint / sealed, each with its own colour and icon. */
export function EntranceStateTag({ state }: { state: EntranceState }) {
  const { t } = useTranslation();
  const look = LOOK[state];
  return (
    <Tag color={look.color} icon={look.icon} data-state={state} style={{ marginInlineEnd: 0 }}>
      {t(`gates:states.${state}`)}
    </Tag>
  );
}
