import { Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../figures/figures-format.ts';
import { VisitProgress } from './round-progress.component.tsx';
import type { CoverageAnswer } from './screening.resource.ts';

type GroupRow = CoverageAnswer['byGroup'][number];

interface Props {
  rows: readonly GroupRow[];
  selected: string | undefined;
  /** A click on a group filters the households not yet visited; a second click clears it. */
  onSelect: (groupId: string | undefined) => void;
}

/** How far each group of the round has come. */
export function GroupCoverage({ rows, selected, onSelect }: Props) {
  const { t } = useTranslation();
  return (
    <Table<GroupRow>
      data-testid="coverage-groups"
      rowKey="groupId"
      size="small"
      pagination={false}
      dataSource={[...rows]}
      onRow={(g) =>
        ({
          onClick: () => onSelect(g.groupId === selected ? undefined : g.groupId),
          style: { cursor: 'pointer', background: g.groupId === selected ? '#e6f0fa' : undefined },
          'data-testid': 'coverage-group-row',
        }) as HTMLAttributes<HTMLElement>
      }
      columns={[
        { key: 'name', title: t('screening:round.groups.name'), render: (_, g) => <Typography.Link>{g.groupName}</Typography.Link> },
        { key: 'progress', title: t('screening:round.groups.progress'), render: (_, g) => <VisitProgress done={g.visited} of={g.households} width={90} /> },
        {
          key: 'nobodyHome',
          title: t('screening:round.groups.nobodyHome'),
          align: 'right',
          width: 90,
          render: (_, g) => (g.nobodyHome > 0 ? <Typography.Text type="warning">{formatCount(g.nobodyHome)}</Typography.Text> : <Typography.Text type="secondary">0</Typography.Text>),
        },
      ]}
    />
  );
}
