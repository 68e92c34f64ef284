/** A division in the origin picker: province → city → county, 6-digit codes. */
export interface OriginOption {
  value: string;
  label: string;
  children?: OriginOption[];
}

let loading: Promise<OriginOption[]> | undefined;

/**
 * The divisions as cascader options, read from @vant/area-data only when a
 * picker first opens (the data is large: most pages never need it), then kept.
 * A county hangs under the city and province its code names, as the server reads it.
 */
export function loadOrigins(): Promise<OriginOption[]> {
  loading ??= import('@vant/area-data').then(({ areaList }) => {
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
  });
  return loading;
}

/** The cascader's path to a county code. */
export const originPath = (countyCode: string): string[] => [`${countyCode.slice(0, 2)}0000`, `${countyCode.slice(0, 4)}00`, countyCode];
