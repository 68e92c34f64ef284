import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CommunityReportRow } from '../../../../contract/reports.ts';
import { stateTags } from './office-format.ts';

/** A report's state as tags: submitted (late), draft, missing, overdue in red. */
export function ReportStateTags({ row }: { row: Pick<CommunityReportRow, 'state' | 'late' | 'overdue'> }) {
  const { t } = useTranslation();
  return (
    <span data-testid="report-state" data-state={row.state} data-late={row.late} data-overdue={row.overdue}>
      {stateTags(row).map((tag) => (
        <Tag key={tag.key} color={tag.color}>
          {t(`reports-office:state.${tag.key}`)}
        </Tag>
      ))}
    </span>
  );
}
