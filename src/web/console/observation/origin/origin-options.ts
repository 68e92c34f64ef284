import type { areaList as AreaList } from '@vant/area-data';
// The division data's own file, served as it is: imported by its address so that a retry can ask for it again (below).
import areaDataUrl from '@vant/area-data?url';

/** A division in the origin picker: province → city → county, 6-digit codes. */
export interface OriginOption {
  value: string;
  label: string;
  children?: OriginOption[];
}

let loading: Promise<OriginOption[]> | undefined;
let failures = 0;

/**
 * The divisions as cascader options, read from @vant/area-data only when a
 * picker first opens (the data is large: most pages never need it), then kept.
 * A failed load (the network dropped while the file came) is not kept: the
 * next call tries again, at an address of its own, since the browser keeps a
 * module that failed to load as failed for its address. A county hangs under
 * the city and province its code names, as the server reads it.
 */
export function loadOrigins(): Promise<OriginOption[]> {
  const url = failures ? `${areaDataUrl}${areaDataUrl.includes('?') ? '&' : '?'}attempt=${failures}` : areaDataUrl;
  loading ??= (import(/* @vite-ignore */ url) as Promise<{ areaList: typeof AreaList }>).then(optionsOf).catch((e: unknown) => {
    loading = undefined;
    failures += 1;
    throw e;
  });
  return loading;
}

function optionsOf({ areaList }: { areaList: typeof AreaList }): OriginOption[] {
  const provinces = new Map<string, OriginOption>();
  const cities = new Map<string, OriginOption>();
  for (const [code, name] of Object.entries(areaList.province_list)) provinces.set(code, { value: code, label: name, children: [] });
  for (const [code, name] of Object.entries(areaList.city_list)) {
    const province = provinces.get(`${code.slice(0, 2)}0000`);
    if (!province) continue;
    const city = { value: code, label: name, children: [] };
    cities.set(code, city);
    province.children!.push(city);
  }
  for (const [code, name] of Object.entries(areaList.county_list)) cities.get(`${code.slice(0, 4)}00`)?.children!.push({ value: code, label: name });
  return [...provinces.values()].filter((p) => p.children!.length > 0);
}

/** The cascader's path to a county code. */
export const originPath = (countyCode: string): string[] => [`${countyCode.slice(0, 2)}0000`, `${countyCode.slice(0, 4)}00`, countyCode];
