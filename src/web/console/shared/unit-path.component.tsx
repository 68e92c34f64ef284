import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUnitByPath } from '../org/org.resource.ts';
import { trail } from './format.ts';

/**
 * A unit named by its path (as audit events keep it): its name, the full place
 * on hover. When the server already sent the name, nothing is looked up.
 */
export function UnitPathName({ path, name }: { path: string | null; name?: string | null }) {
  const { t } = useTranslation();
  const unit = useUnitByPath(path && path !== '/' && !name ? path : null);
  if (!path) return <Typography.Text type="secondary">—</Typography.Text>;
  if (path === '/') return <span>{t('console:scope.wholeSystem')}</span>;
  if (name) return <Tooltip title={path}><span>{name}</span></Tooltip>;
  const code = path.split('/').filter(Boolean).pop() ?? path;
  if (!unit.data) return <Tooltip title={path}><span>{code}</span></Tooltip>;
  return (
    <Tooltip title={<>{trail([...unit.data.ancestors, unit.data])}<br />{unit.data.code}</>}>
      <span>{unit.data.name}</span>
    </Tooltip>
  );
}
