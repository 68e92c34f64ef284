import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PassSummary } from '../../../../contract/gates.ts';

const COLOR = { active: 'green', suspended: 'orange', revoked: 'red' } as const;

/** Active / suspended / revoked, with the reason on hover. */
export function PassStatusTag({ pass }: { pass: Pick<PassSummary, 'status' | 'statusReason'> }) {
  const { t } = useTranslation();
  const tag = (
    <Tag color={COLOR[pass.status]} data-status={pass.status} style={{ marginInlineEnd: 0 }}>
      {t(`gates:passStatus.${pass.status}`)}
    </Tag>
  );
  return pass.statusReason ? <Tooltip title={pass.statusReason}>{tag}</Tooltip> : tag;
}
