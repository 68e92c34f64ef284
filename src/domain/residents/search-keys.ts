import { pinyin } from 'pinyin-pro';

/**
 * What a name can be found by with one thumb: the name itself, its pinyin
 * initials and its full pinyin, without tones or spaces (张树根 → zsg,
 * zhangshugen). Surnames are read as surnames (单 shan, 曾 zeng).
 */
export function nameSearchKeys(name: string): { initials: string; full: string } {
  const clean = name.replace(/\s+/g, '');
  const syllables = pinyin(clean, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive', v: true });
  const words = syllables.map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, '')).filter(Boolean);
  return { initials: words.map((w) => w[0]).join(''), full: words.join('') };
}

/** The last run of digits of an address (401 of 3栋2单元401, 12 of 12号), or '' without one. */
export function addressNumber(address: string): string {
  return /(\d+)\D*$/.exec(address)?.[1] ?? '';
}
