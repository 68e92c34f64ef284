import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, Input, List, Space, Switch, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import type { Me } from '../../../contract/auth.ts';
import { OrgTree, UnitTitle } from './org-tree.component.tsx';
import { canCreateTopUnits, isDissolved, rootsQuery, useOrgSearch, useOrgUnit } from './org.resource.ts';
import { UnitCreateModal } from './unit-create.component.tsx';
import { UnitDetail } from './unit-detail.component.tsx';

/** The hierarchy: the tree on the left, the selected unit (in the URL) on the right. */
export function OrgTreePage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const [showDissolved, setShowDissolved] = useState(false);
  const [q, setQ] = useState('');
  const [creatingTop, setCreatingTop] = useState(false);
  const roots = useQuery(rootsQuery());
  const selected = useOrgUnit(id);
  const ancestorIds = useMemo(() => selected.data?.ancestors.map((a) => a.id) ?? [], [selected.data]);
  const open = (unitId: string) => navigate(`/org/${unitId}`);

  // A dissolved unit opened by link or search: show dissolved units, or it would be missing from the tree.
  const selectedGone = selected.data ? isDissolved(selected.data) : false;
  useEffect(() => {
    if (selectedGone) setShowDissolved(true);
  }, [id, selectedGone]);

  // One unit at the top (a community, a street): open it at once.
  useEffect(() => {
    const only = roots.data?.length === 1 ? roots.data[0] : undefined;
    if (!id && only) void navigate(`/org/${only.id}`, { replace: true });
  }, [id, roots.data, navigate]);

  return (
    <Flex gap={16} align="flex-start">
      <Card
        size="small"
        style={{ width: 320, flex: 'none', position: 'sticky', top: 0 }}
        styles={{ body: { padding: 12 } }}
        title={t('console:org.treeTitle')}
      >
        <Space orientation="vertical" size={10} style={{ width: '100%' }}>
          <Input.Search
            allowClear
            placeholder={t('console:org.searchPlaceholder')}
            onSearch={(v) => setQ(v.trim())}
            onChange={(e) => !e.target.value && setQ('')}
          />
          <label style={{ display: 'flex', alignItems: 'center', gap: 8, cursor: 'pointer' }}>
            <Switch size="small" checked={showDissolved} onChange={setShowDissolved} />
            <Typography.Text type="secondary">{t('console:org.showDissolved')}</Typography.Text>
          </label>
          <div style={{ maxHeight: 'calc(100vh - 250px)', overflow: 'auto' }}>
            {q ? (
              <SearchResults q={q} selectedId={id} onSelect={open} showDissolved={showDissolved} />
            ) : (
              <OrgTree selectedId={id} ancestorIds={ancestorIds} showDissolved={showDissolved} onSelect={open} />
            )}
          </div>
        </Space>
      </Card>
      <div style={{ flex: 1, minWidth: 0 }}>
        {id ? (
          <UnitDetail id={id} me={me} showDissolved={showDissolved} onOpen={open} />
        ) : (
          <Card>
            <Empty description={t('console:org.pickUnit')}>
              {canCreateTopUnits(me) && (
                <Button type="primary" onClick={() => setCreatingTop(true)}>
                  {t('console:org.addTopUnit')}
                </Button>
              )}
            </Empty>
          </Card>
        )}
      </div>
      {creatingTop && <UnitCreateModal parent={null} onClose={() => setCreatingTop(false)} onCreated={open} />}
    </Flex>
  );
}

function SearchResults({ q, selectedId, showDissolved, onSelect }: { q: string; selectedId: string | undefined; showDissolved: boolean; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const search = useOrgSearch(q);
  const items = (search.data ?? []).filter((u) => showDissolved || u.current || u.validTo === null);
  return (
    <List
      size="small"
      loading={search.isPending}
      dataSource={items}
      locale={{ emptyText: t('console:org.noMatch') }}
      renderItem={(u) => (
        <List.Item
          onClick={() => onSelect(u.id)}
          style={{ cursor: 'pointer', paddingInline: 8, background: u.id === selectedId ? '#e6f0fb' : undefined, borderRadius: 4 }}
          extra={<Typography.Text type="secondary">{t(`server:orgKinds.${u.kind}`)}</Typography.Text>}
        >
          <Space orientation="vertical" size={0}>
            <UnitTitle unit={u} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {u.code}
            </Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}
