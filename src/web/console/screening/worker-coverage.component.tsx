import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../figures/figures-format.ts';
import type { CoverageAnswer } from './screening.resource.ts';

type WorkerRow = CoverageAnswer['byWorker'][number];

/** Who has been out: households reached and visits made (a household may need several tries). */
export function WorkerCoverage({ rows }: { rows: readonly WorkerRow[] }) {
  const { t } = useTranslation();
  return (
    <Table<WorkerRow>
      data-testid="coverage-workers"
      rowKey="userId"
      size="small"
      pagination={rows.length > 8 ? { pageSize: 8, size: 'small', showSizeChanger: false } : false}
      dataSource={[...rows]}
      locale={{ emptyText: t('screening:round.workers.none') }}
      columns={[
        { key: 'name', title: t('screening:round.workers.name'), dataIndex: 'name' },
        { key: 'households', title: t('screening:round.workers.households'), align: 'right', render: (_, w) => formatCount(w.households) },
        { key: 'visits', title: t('screening:round.workers.visits'), align: 'right', render: (_, w) => formatCount(w.visits) },
      ]}
    />
  );
}
