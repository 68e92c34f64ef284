import { ReloadOutlined } from '@ant-design/icons';
import { Button, Cascader, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
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

type Load = { state: 'loading' } | { state: 'ready'; options: OriginOption[] } | { state: 'failed' };

/**
 * Where a person comes from: province → city → county, from the division data
 * (loaded when the picker is first shown). Typing a name finds it at any level
 * (part of a county's name finds it with its city and province). If the data fails to
 * load, the picker says so and tries again on "retry" or when opened.
 */
export function OriginPicker({ value, onChange, id, status, testId = 'origin-picker' }: Props) {
  const { t } = useTranslation();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const live = useRef(true);
  const fetchOptions = useCallback(() => {
    setLoad({ state: 'loading' });
    loadOrigins().then(
      (options) => live.current && setLoad({ state: 'ready', options }),
      () => live.current && setLoad({ state: 'failed' }),
    );
  }, []);
  useEffect(() => {
    live.current = true;
    fetchOptions();
    return () => void (live.current = false);
  }, [fetchOptions]);
  const options = load.state === 'ready' ? load.options : null;
  const failed = load.state === 'failed';
  const retry = (
    <Button size="small" type="link" icon={<ReloadOutlined />} onClick={fetchOptions} data-testid="origin-retry">
      {t('observation-console:origin.retry')}
    </Button>
  );
  return (
    <>
      <Cascader<OriginOption>
        id={id}
        status={failed ? 'error' : status}
        options={options ?? []}
        loading={load.state === 'loading'}
        value={value && options ? originPath(value) : undefined}
        onChange={(path) => onChange?.(path && path.length === 3 ? String(path[2]) : undefined)}
        onOpenChange={(open) => open && failed && fetchOptions()}
        placeholder={t('observation-console:origin.placeholder')}
        showSearch={{
          filter: (input, path) => path.some((o) => o.label.includes(input.trim())),
          limit: 50,
        }}
        style={{ width: '100%' }}
        data-testid={testId}
        notFoundContent={failed ? t('observation-console:origin.failed') : t('observation-console:origin.notFound')}
      />
      {failed && (
        <Typography.Text type="danger" data-testid="origin-failed">
          {t('observation-console:origin.failed')} {retry}
        </Typography.Text>
      )}
    </>
  );
}
