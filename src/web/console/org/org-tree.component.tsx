import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Empty, Spin, Tag, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { useEffect, useMemo, useState, type Key } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '../../../contract/org.ts';
import { childrenQuery, isDissolved, rootsQuery } from './org.resource.ts';

/** Stable, so that useQueries hands back the same array until some data changes. */
const dataOf = (results: { data?: OrgUnit[] | undefined }[]) => results.map((r) => r.data);

interface Props {
  selectedId: string | undefined;
  /** Ancestors of the selected unit, opened (with it) so that it and its children show in the tree. */
  ancestorIds: readonly string[];
  showDissolved: boolean;
  onSelect: (id: string) => void;
}

/** The user's area as a tree, children loaded when a unit is opened. */
export function OrgTree({ selectedId, ancestorIds, showDissolved, onSelect }: Props) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const roots = useQuery(rootsQuery());
  const [loadedIds, setLoadedIds] = useState<string[]>([]);
  const [expandedKeys, setExpandedKeys] = useState<Key[]>([]);

  // Another filter means other children: load the open units again.
  useEffect(() => setLoadedIds([]), [showDissolved]);

  useEffect(() => {
    const open = selectedId ? [...ancestorIds, selectedId] : ancestorIds;
    if (open.length) setExpandedKeys((keys) => [...new Set([...keys, ...open])]);
  }, [ancestorIds, selectedId]);

  const children = useQueries({ queries: loadedIds.map((id) => childrenQuery(id, showDissolved)), combine: dataOf });

  const treeData = useMemo(() => {
    const byParent = new Map<string, OrgUnit[]>();
    loadedIds.forEach((id, i) => {
      const data = children[i];
      if (data) byParent.set(id, data);
    });
    const toNode = (u: OrgUnit): TreeDataNode => {
      const kids = byParent.get(u.id);
      return {
        key: u.id,
        title: <UnitTitle unit={u} />,
        isLeaf: u.childCount === 0 || (kids !== undefined && kids.length === 0),
        ...(kids ? { children: kids.map(toNode) } : {}),
      };
    };
    return (roots.data ?? []).filter((u) => showDissolved || !isDissolved(u)).map(toNode);
  }, [roots.data, loadedIds, showDissolved, children]);

  if (roots.isPending) return <Spin style={{ display: 'block', margin: '32px auto' }} />;
  if (roots.isError) return <Typography.Text type="danger">{roots.error.message}</Typography.Text>;
  if (treeData.length === 0) return <Empty description={t('console:org.noUnits')} />;

  return (
    <div data-testid="org-tree">
      <Tree
        className="linli-tree"
        blockNode
        showLine={{ showLeafIcon: false }}
        treeData={treeData}
        selectedKeys={selectedId ? [selectedId] : []}
        expandedKeys={expandedKeys}
        loadedKeys={loadedIds}
        onExpand={(keys) => setExpandedKeys(keys)}
        onSelect={(keys) => {
          const key = keys[0];
          if (key !== undefined) onSelect(String(key));
        }}
        loadData={async (node) => {
          const id = String(node.key);
          await qc.fetchQuery(childrenQuery(id, showDissolved));
          setLoadedIds((ids) => (ids.includes(id) ? ids : [...ids, id]));
        }}
      />
    </div>
  );
}

/** A unit's name; a dissolved one greyed, with the day it was dissolved. */
export function UnitTitle({ unit }: { unit: OrgUnit }) {
  const { t } = useTranslation();
  const gone = isDissolved(unit);
  return (
    <span className={gone ? 'linli-dissolved' : undefined} title={t(`server:orgKinds.${unit.kind}`)}>
      {unit.name}
      {gone && (
        <Tag style={{ marginInlineStart: 6, fontSize: 11, lineHeight: '16px' }}>
          {t('console:org.dissolvedOn', { date: unit.validTo })}
        </Tag>
      )}
    </span>
  );
}
