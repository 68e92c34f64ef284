import { Cascader } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadOrigins, originPath, type OriginOption } from './origin-options.ts';

interface Props {
  /** The county's 6-digit code (what the API takes as originCode). */
  value?: string | undefined;
  onChange?: (code: string | undefined) => void;
  id?: string;
  status?: '' | 'error' | 'warning';
  testId?: string;
}

/**
 * Where a person comes from: province → city → county, from the division data
 * (loaded when the picker is first shown). Typing a name finds it at any level
 * ("武昌" finds the county with its city and province).
 */
export function OriginPicker({ value, onChange, id, status, testId = 'origin-picker' }: Props) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<OriginOption[] | null>(null);
  useEffect(() => {
    let live = true;
    void loadOrigins().then((o) => live && setOptions(o));
    return () => void (live = false);
  }, []);
  return (
    <Cascader<OriginOption>
      id={id}
      status={status}
      options={options ?? []}
      loading={!options}
      value={value && options ? originPath(value) : undefined}
      onChange={(path) => onChange?.(path && path.length === 3 ? String(path[2]) : undefined)}
      placeholder={t('observation-console:origin.placeholder')}
      showSearch={{
        filter: (input, path) => path.some((o) => o.label.includes(input.trim())),
        limit: 50,
      }}
      style={{ width: '100%' }}
      data-testid={testId}
      notFoundContent={t('observation-console:origin.notFound')}
    />
  );
}
