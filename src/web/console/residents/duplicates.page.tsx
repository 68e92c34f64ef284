import { MergeCellsOutlined } from '@ant-design/icons';
import { Alert, App, Breadcrumb, Button, Card, Col, Descriptions, Empty, Modal, Row, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { z } from 'zod';
import type { Me } from '../../../contract/auth.ts';
import type { DuplicateGroup, ResidentSummary } from '../../../contract/ledger.ts';
import { roleAllows } from '../../../domain/access/roles.ts';
import { UnitTreeSelect } from '../shared/unit-tree-select.component.tsx';
import { CategoryTags, dash, ElderlyTag, StatusTag, tabular } from './resident-cells.component.tsx';
import { useDuplicates, useMergeResident, useResident } from './residents.resource.ts';

type Group = z.infer<typeof DuplicateGroup>;

/** Where to look first: the unit of the user's first role that may merge. */
function defaultUnit(me: Me): string | undefined {
  return me.roles.find((r) => r.unit && roleAllows(r.role, 'ledger.manage'))?.unit?.id;
}

/**
 * People entered twice: the same name and birth date under a unit, side by
 * side. Staff compare and merge one into the other; nothing merges by itself.
 */
export function DuplicatesPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unitId') ?? defaultUnit(me);
  const groups = useDuplicates(unitId);

  return (
    <Card>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ key: 'list', title: <Link to="/residents">{t('ledger:nav.residents')}</Link> }, { key: 'dup', title: t('ledger:duplicates.title') }]}
      />
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('ledger:duplicates.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('ledger:duplicates.intro')}</Typography.Paragraph>
      <Space style={{ marginBottom: 16 }}>
        <UnitTreeSelect value={unitId} allowClear={false} onChange={(v) => setParams(v ? { unitId: v } : {}, { replace: true })} style={{ width: 260 }} />
        {groups.data && (
          <Typography.Text type="secondary" data-testid="duplicates-count">
            {t('ledger:duplicates.count', { count: groups.data.length })}
          </Typography.Text>
        )}
      </Space>
      {groups.isPending && unitId && <Skeleton active />}
      {groups.isError && <Alert type="error" showIcon title={groups.error.message} />}
      {groups.data?.length === 0 && <Empty description={t('ledger:duplicates.none')} data-testid="duplicates-none" />}
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {groups.data?.map((g) => <DuplicateCard key={`${g.name}|${g.birthDate}|${g.residents.map((r) => r.id).join()}`} group={g} />)}
      </Space>
    </Card>
  );
}

function DuplicateCard({ group }: { group: Group }) {
  const { t } = useTranslation();
  const [merging, setMerging] = useState<{ from: ResidentSummary; into: ResidentSummary } | null>(null);
  const others = (r: ResidentSummary) => group.residents.filter((o) => o.id !== r.id);
  return (
    <Card
      size="small"
      type="inner"
      data-testid="duplicate-group"
      title={
        <Space>
          <Typography.Text strong>{group.name}</Typography.Text>
          <Typography.Text type="secondary">{t('ledger:duplicates.born', { date: group.birthDate })}</Typography.Text>
          <Typography.Text type="secondary">{t('ledger:duplicates.records', { count: group.residents.length })}</Typography.Text>
        </Space>
      }
    >
      <Row gutter={[16, 16]}>
        {group.residents.map((r, i) => (
          <Col key={r.id} xs={24} lg={12} xxl={8}>
            <Card
              size="small"
              data-testid="duplicate-record"
              title={
                <Space size={6}>
                  <Link to={`/residents/${r.id}`}>{t('ledger:duplicates.recordN', { n: i + 1 })}</Link>
                  <StatusTag status={r.status} />
                </Space>
              }
              actions={others(r).map((o) => (
                <Button
                  key={o.id}
                  type="link"
                  size="small"
                  icon={<MergeCellsOutlined />}
                  onClick={() => setMerging({ from: r, into: o })}
                  data-testid="duplicate-merge"
                >
                  {t('ledger:duplicates.mergeInto', { n: group.residents.indexOf(o) + 1 })}
                </Button>
              ))}
            >
              <Descriptions
                column={1}
                size="small"
                styles={{ label: { width: 90 } }}
                items={[
                  { key: 'group', label: t('ledger:field.group'), children: r.groupName ?? dash },
                  { key: 'address', label: t('ledger:field.address'), children: r.address ?? dash },
                  { key: 'relation', label: t('ledger:field.relation'), children: r.relation ? t(`server:relations.${r.relation}`) : dash },
                  { key: 'id', label: t('ledger:field.idNumber'), children: <span style={tabular}>{r.idMasked}</span> },
                  { key: 'phone', label: t('ledger:field.phone'), children: <span style={tabular}>{r.phoneMasked ?? dash}</span> },
                  {
                    key: 'sex',
                    label: t('ledger:field.sexAge'),
                    children: (
                      <span>
                        {t(`server:sexes.${r.sex}`)} · {r.age}
                        {r.elderly && <ElderlyTag />}
                      </span>
                    ),
                  },
                  { key: 'categories', label: t('ledger:field.categories'), children: r.categories.length ? <CategoryTags categories={r.categories} /> : dash },
                ]}
              />
            </Card>
          </Col>
        ))}
      </Row>
      {merging && <MergeConfirm from={merging.from} into={merging.into} numberOf={(r) => group.residents.indexOf(r) + 1} onClose={() => setMerging(null)} />}
    </Card>
  );
}

/**
 * The merge, stated plainly: which record closes, which one is kept, what
 * moves over. The version is read fresh, so a record changed meanwhile is
 * not merged blind.
 */
interface MergeProps {
  from: ResidentSummary;
  into: ResidentSummary;
  /** The record's number on the card, as the user sees it. */
  numberOf: (r: ResidentSummary) => number;
  onClose: () => void;
}

function MergeConfirm({ from, into, numberOf, onClose }: MergeProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const dup = useResident(from.id);
  const merge = useMergeResident();
  const where = (r: ResidentSummary) => [r.groupName, r.address].filter(Boolean).join(' ') || dash;

  const ok = () => {
    if (!dup.data) return;
    merge.mutate(
      { id: from.id, version: dup.data.version, intoId: into.id },
      {
        onSuccess: () => {
          void message.success(t('ledger:duplicates.merged', { name: into.name }));
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('ledger:duplicates.confirmTitle')}
      okText={t('ledger:duplicates.confirmOk')}
      okButtonProps={{ danger: true, disabled: !dup.data, 'data-testid': 'duplicate-merge-confirm' }}
      cancelText={t('common:cancel')}
      confirmLoading={merge.isPending}
      onOk={ok}
      onCancel={onClose}
    >
      <Typography.Paragraph>
        {t('ledger:duplicates.confirmText', {
          name: from.name,
          fromN: numberOf(from),
          from: t('ledger:duplicates.where', { where: where(from), id: from.idMasked }),
          intoN: numberOf(into),
          into: t('ledger:duplicates.where', { where: where(into), id: into.idMasked }),
        })}
      </Typography.Paragraph>
      <ul style={{ paddingInlineStart: 20, color: 'rgba(0,0,0,0.65)' }}>
        <li>{t('ledger:duplicates.confirmKeeps')}</li>
        <li>{t('ledger:duplicates.confirmCategories')}</li>
        <li>{t('ledger:duplicates.confirmAudit')}</li>
      </ul>
      {dup.isError && <Alert type="error" showIcon title={dup.error.message} />}
      {merge.isError && <Alert type="error" showIcon title={merge.error.message} />}
    </Modal>
  );
}
