import { CascaderView, Popup, type CascaderOption } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Where the person comes from: province → city → county, from the division
 * data @vant/area-data maintains. The data (some 150 KB) is loaded only when
 * the picker is first opened, so it weighs on no other page. Three taps and
 * the sheet closes by itself.
 */
interface Props {
  value: string | null;
  text: string;
  onChange: (code: string, text: string) => void;
  invalid: boolean;
  testId: string;
}

interface Divisions {
  options: CascaderOption[];
  textOf: (code: string) => string | null;
}

let divisions: Promise<Divisions> | undefined;

async function loadDivisions(): Promise<Divisions> {
  const [{ areaList }, { originOf, originText }] = await Promise.all([import('@vant/area-data'), import('../../../domain/observation/origin.ts')]);
  const cities = new Map<string, CascaderOption[]>();
  for (const [code, name] of Object.entries(areaList.county_list)) {
    const city = `${code.slice(0, 4)}00`;
    const list = cities.get(city) ?? [];
    list.push({ value: code, label: name });
    cities.set(city, list);
  }
  const provinces = new Map<string, CascaderOption[]>();
  for (const [code, name] of Object.entries(areaList.city_list)) {
    const province = `${code.slice(0, 2)}0000`;
    const list = provinces.get(province) ?? [];
    list.push({ value: code, label: name, children: cities.get(code) ?? [] });
    provinces.set(province, list);
  }
  const options = Object.entries(areaList.province_list).map(([code, name]) => ({ value: code, label: name, children: provinces.get(code) ?? [] }));
  const textOf = (code: string) => {
    const origin = originOf(code);
    return origin ? originText(origin) : null;
  };
  return { options, textOf };
}

function useDivisions(wanted: boolean): Divisions | null {
  const [loaded, setLoaded] = useState<Divisions | null>(null);
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    divisions ??= loadDivisions().catch((e: unknown) => {
      divisions = undefined;
      throw e;
    });
    divisions.then((d) => live && setLoaded(d)).catch(() => undefined);
    return () => {
      live = false;
    };
  }, [wanted]);
  return loaded;
}

export function OriginPicker({ value, text, onChange, invalid, testId }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const data = useDivisions(open);
  // The path to the chosen county, so opening the sheet again shows where one is.
  const path = value ? [`${value.slice(0, 2)}0000`, `${value.slice(0, 4)}00`, value] : [];
  return (
    <>
      <button
        type="button"
        className={`field-input obs-picker-button${invalid ? ' obs-invalid' : ''}${text ? '' : ' obs-placeholder'}`}
        onClick={() => setOpen(true)}
        data-testid={testId}
        data-code={value ?? ''}
      >
        {text || t('observation-field:form.originPlaceholder')}
      </button>
      <Popup visible={open} onMaskClick={() => setOpen(false)} bodyClassName="obs-origin-sheet" destroyOnClose>
        <div className="obs-origin-head">
          <strong>{t('observation-field:form.originTitle')}</strong>
          <button type="button" className="obs-link-button" onClick={() => setOpen(false)}>
            {t('common:cancel')}
          </button>
        </div>
        <CascaderView
          options={data?.options ?? []}
          loading={!data}
          defaultValue={path}
          placeholder={(level) => t(`observation-field:form.originLevel.${level}`)}
          onChange={(chosen, extend) => {
            const code = chosen[2];
            if (!extend.isLeaf || typeof code !== 'string' || !data) return;
            onChange(code, data.textOf(code) ?? extend.items.map((i) => i?.label).join(' '));
            setOpen(false);
          }}
          data-testid={`${testId}-sheet`}
        />
      </Popup>
    </>
  );
}
