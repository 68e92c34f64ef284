import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { TreeSelect } from 'antd';
import { useMemo, useState, type CSSProperties } from 'react';
import type { OrgUnit } from '../../../contract/org.ts';
import { childrenQuery, rootsQuery, unitQuery } from '../org/org.resource.ts';

interface Props {
  value?: string | null;
  onChange?: (id: string | undefined) => void;
  /** Told the unit picked, so a form can fit other fields (roles) to its kind. */
  onUnit?: (unit: OrgUnit | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  id?: string;
  status?: '' | 'error' | 'warning';
  disabled?: boolean;
}

/** Stable, so that useQueries hands back the same array until some data changes. */
const dataOf = (results: { data?: OrgUnit[] | undefined }[]) => results.map((r) => r.data);

/**
 * Picks a unit in the user's area; children load as branches open. Dissolved
 * units are left out: no new role or filter belongs there.
 */
export function UnitTreeSelect({ value, onChange, onUnit, placeholder, allowClear = true, style, id, status, disabled }: Props) {
  const qc = useQueryClient();
  const roots = useQuery(rootsQuery());
  const [loaded, setLoaded] = useState<string[]>([]);
  const children = useQueries({ queries: loaded.map((pid) => childrenQuery(pid, false)), combine: dataOf });

  const units = useMemo(() => {
    const all = new Map<string, OrgUnit>();
    for (const u of roots.data ?? []) if (u.current) all.set(u.id, u);
    for (const list of children) for (const u of list ?? []) all.set(u.id, u);
    return all;
  }, [roots.data, children]);

  // A value set from outside (a link, the URL) before its branch was opened: read it to show its name.
  const outside = useQuery({ ...unitQuery(value ?? ''), enabled: Boolean(value) && !units.has(value ?? '') && !roots.isPending });

  const treeData = useMemo(() => {
    const list = [...units.values()];
    if (outside.data && !units.has(outside.data.id)) list.push(outside.data);
    return list.map((u) => ({ id: u.id, pId: u.parentId, value: u.id, title: u.name, isLeaf: u.childCount === 0 }));
  }, [units, outside.data]);

  return (
    <TreeSelect
      id={id}
      status={status}
      disabled={disabled}
      treeDataSimpleMode
      treeData={treeData}
      value={value ?? undefined}
      onChange={(v: string | undefined) => {
        onChange?.(v ?? undefined);
        onUnit?.(v ? (units.get(v) ?? outside.data) : undefined);
      }}
      loading={roots.isPending}
      placeholder={placeholder}
      allowClear={allowClear}
      showSearch
      treeNodeFilterProp="title"
      treeLoadedKeys={loaded}
      loadData={async (node) => {
        const pid = String(node.value);
        await qc.fetchQuery(childrenQuery(pid, false));
        setLoaded((ids) => (ids.includes(pid) ? ids : [...ids, pid]));
      }}
      style={{ minWidth: 200, ...style }}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxHeight: 420, minWidth: 260 } } }}
    />
  );
}
