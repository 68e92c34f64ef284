import { Card, Empty, Table, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ResidentDetail } from '../../../contract/ledger.ts';
import { categoryLabel } from './resident-cells.component.tsx';

type Membership = ResidentDetail['memberships'][number];
type CategoryPeriod = ResidentDetail['categoryHistory'][number];

/** Where the person has lived, newest first: each household with the relation held there and why it ended. */
export function MembershipHistory({ memberships }: { memberships: readonly Membership[] }) {
  const { t } = useTranslation();
  const items = [...memberships].reverse();
  return (
    <Card title={t('ledger:detail.memberships')} size="small" data-testid="resident-memberships">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ledger:detail.noMemberships')} />
      ) : (
        <Timeline
          style={{ marginTop: 8 }}
          items={items.map((m, i) => ({
            key: `${m.householdId}-${m.from}-${i}`,
            color: m.to ? 'gray' : 'green',
            content: (
              <div>
                <Typography.Text strong>{`${m.groupName} ${m.address}`}</Typography.Text>
                <Typography.Text type="secondary">{` · ${t(`server:relations.${m.relation}`)}`}</Typography.Text>
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {t('ledger:detail.period', { from: m.from, to: m.to ?? t('ledger:detail.now') })}
                </Typography.Text>
                {m.endReason && (
                  <Tag style={{ marginInlineStart: 8 }}>{t(`ledger:endReasons.${m.endReason}`, { defaultValue: m.endReason })}</Tag>
                )}
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}

/** Each category period: from when, until when, and whether a screening visit found it. */
export function CategoryHistory({ periods }: { periods: readonly CategoryPeriod[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('ledger:detail.categoryHistory')} size="small" data-testid="resident-category-history">
      <Table<CategoryPeriod>
        size="small"
        rowKey={(p) => `${p.category}-${p.from}`}
        pagination={false}
        dataSource={[...periods].reverse()}
        locale={{ emptyText: t('ledger:detail.noCategories') }}
        columns={[
          { key: 'category', title: t('ledger:field.categories'), render: (_, p) => categoryLabel(t, p) },
          { key: 'from', title: t('ledger:detail.from'), dataIndex: 'from', width: 110 },
          {
            key: 'to',
            title: t('ledger:detail.to'),
            width: 110,
            render: (_, p) => p.to ?? <Tag color="green">{t('ledger:detail.current')}</Tag>,
          },
          {
            key: 'source',
            title: t('ledger:detail.source'),
            width: 110,
            render: (_, p) => (p.foundByVisit ? <Tag color="blue">{t('ledger:detail.foundByVisit')}</Tag> : t('ledger:detail.entered')),
          },
        ]}
      />
    </Card>
  );
}
