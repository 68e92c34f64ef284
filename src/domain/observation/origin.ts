import { areaList } from '@vant/area-data';

/**
 * Where an outside worker or returnee comes from: a county-level division
 * (6-digit code) with its city and province, from the division data that
 * @vant/area-data maintains. Names are the divisions' own (Chinese) names.
 */
export interface Origin {
  code: string;
  province: string;
  city: string;
  county: string;
}

export function originOf(countyCode: string): Origin | null {
  if (!/^\d{6}$/.test(countyCode)) return null;
  const county = areaList.county_list[countyCode];
  const city = areaList.city_list[`${countyCode.slice(0, 4)}00`];
  const province = areaList.province_list[`${countyCode.slice(0, 2)}0000`];
  if (!county || !city || !province) return null;
  return { code: countyCode, province, city, county };
}

/** "湖南省 株洲市 荷塘区"; a municipality is named once ("北京市 东城区"). */
export function originText(origin: Origin): string {
  return [origin.province, origin.city === origin.province ? null : origin.city, origin.county].filter(Boolean).join(' ');
}
