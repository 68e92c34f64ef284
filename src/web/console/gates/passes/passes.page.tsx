import { IdcardOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { Me } from '../../../../contract/auth.ts';
import type { PassSummary } from '../../../../contract/gates.ts';
import { query } from '../../../shared/api.ts';
import { formatCount } from '../../figures/figures-format.ts';
import { GatesFrame } from '../gates-frame.component.tsx';
import { useCommunityGroups, usePasses, type PassStatus } from '../gates.resource.ts';
import { useUrlParams } from '../../../shared/url-params.ts';
import { PassIssueModal } from './pass-issue.component.tsx';
import { actionsFor, PassStatusModal, type PassAction } from './pass-status.component.tsx';
import { PassStatusTag } from './pass-status-tag.component.tsx';

/** Resident passes of the community: find them, issue more, suspend or revoke one, print cards. */
export function PassesPage({ me }: { me: Me }) {
  return <GatesFrame me={me} section="passes">{(communityId) => <PassesBody key={communityId} communityId={communityId} />}</GatesFrame>;
}

const STATUSES: readonly PassStatus[] = ['active', 'suspended', 'revoked'];

function PassesBody({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, set] = useUrlParams({ replace: true });
  const groupId = params.get('groupId') ?? undefined;
  const status = (params.get('status') as PassStatus | null) ?? undefined;
  const q = params.get('q') ?? undefined;
  const passes = usePasses({ communityId, groupId, status, q });
  const groups = useCommunityGroups(communityId);
  const [selected, setSelected] = useState<string[]>([]);
  const [issuing, setIssuing] = useState(false);
  const [changing, setChanging] = useState<{ pass: PassSummary; action: PassAction } | null>(null);
  const list = passes.data ?? [];
  const chosen = list.filter((p) => selected.includes(p.id));
  const printSelected = `/gates/passes/print${query({ communityId, ids: chosen.map((p) => p.id).join(',') })}`;
  const printGroup = `/gates/passes/print${query({ communityId, groupId })}`;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center' }}>
        <Select
          allowClear
          placeholder={t('gate-console:passes.filters.group')}
          value={groupId}
          onChange={(v: string | undefined) => set({ groupId: v })}
          options={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
          style={{ width: 140 }}
          data-testid="passes-group"
        />
        <Select
          allowClear
          placeholder={t('gate-console:passes.filters.status')}
          value={status}
          onChange={(v: PassStatus | undefined) => set({ status: v })}
          options={STATUSES.map((s) => ({ value: s, label: t(`gates:passStatus.${s}`) }))}
          style={{ width: 120 }}
          data-testid="passes-status"
        />
        <Input.Search
          allowClear
          defaultValue={q}
          placeholder={t('gate-console:passes.filters.text')}
          onSearch={(v) => set({ q: v.trim() || undefined })}
          style={{ width: 240 }}
          data-testid="passes-search"
        />
        <div style={{ flex: 1 }} />
        <Button icon={<PrinterOutlined />} onClick={() => void navigate(chosen.length ? printSelected : printGroup)} data-testid="passes-print">
          {chosen.length ? t('gate-console:passes.printSelected', { count: chosen.length }) : groupId ? t('gate-console:passes.printGroup') : t('gate-console:passes.printAll')}
        </Button>
        <Button type="primary" icon={<IdcardOutlined />} onClick={() => setIssuing(true)} data-testid="passes-issue">
          {t('gate-console:passes.issue.button')}
        </Button>
      </div>
      {passes.isError && <Alert type="error" showIcon title={passes.error.message} />}
      <Table<PassSummary>
        data-testid="passes"
        data-fresh={String(!passes.isPlaceholderData && !passes.isPending)}
        data-group={groupId ?? ''}
        rowKey="id"
        size="small"
        loading={passes.isPending}
        dataSource={list}
        style={{ opacity: passes.isPlaceholderData ? 0.6 : 1 }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]), preserveSelectedRowKeys: true }}
        pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (n) => t('gate-console:passes.total', { count: n, formatted: formatCount(n) }) }}
        locale={{ emptyText: t('gate-console:passes.none') }}
        onRow={(p) => ({ 'data-testid': 'pass-row', 'data-pass-id': p.id, 'data-status': p.status }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            key: 'holder',
            title: t('gate-console:passes.columns.holder'),
            render: (_, p) => (
              <Space size={6}>
                <Typography.Text strong>{p.holderName}</Typography.Text>
                <Tag style={{ marginInlineEnd: 0 }}>{t(`gates:holderKinds.${p.holderKind}`)}</Tag>
              </Space>
            ),
          },
          { key: 'group', title: t('gate-console:passes.columns.group'), dataIndex: 'groupName', width: 90 },
          { key: 'address', title: t('gate-console:passes.columns.address'), render: (_, p) => p.address ?? '' },
          { key: 'id', title: t('gate-console:passes.columns.idMasked'), width: 190, render: (_, p) => <span style={{ fontFamily: 'monospace' }}>{p.idMasked ?? ''}</span> },
          { key: 'people', title: t('gate-console:passes.columns.people'), width: 70, align: 'right', render: (_, p) => p.people },
          { key: 'validity', title: t('gate-console:passes.columns.validity'), width: 200, render: (_, p) => t('gate-console:passes.validity', { from: p.validFrom, to: p.validTo }) },
          { key: 'status', title: t('gate-console:passes.columns.status'), width: 90, render: (_, p) => <PassStatusTag pass={p} /> },
          {
            key: 'actions',
            width: 130,
            render: (_, p) => (
              <Space size={0}>
                {actionsFor(p.status).map((action) => (
                  <Button
                    key={action}
                    type="link"
                    size="small"
                    danger={action === 'revoke'}
                    onClick={() => setChanging({ pass: p, action })}
                    data-testid={`pass-${action}`}
                  >
                    {t(`gate-console:passes.status.button.${action}`)}
                  </Button>
                ))}
              </Space>
            ),
          },
        ]}
      />
      {issuing && <PassIssueModal communityId={communityId} selected={chosen} onClose={() => setIssuing(false)} />}
      {changing && <PassStatusModal pass={changing.pass} action={changing.action} onClose={() => setChanging(null)} />}
    </Space>
  );
}
