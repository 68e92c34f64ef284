import enServer from './locales/en/server.json' with { type: 'json' };
import zhServer from './locales/zh-CN/server.json' with { type: 'json' };
import type { Locale } from '../contract/common.ts';

/**
 * The server's own messages (errors, validation, names of roles and levels).
 * The web app loads the same files through i18next; here a tiny lookup is
 * enough and keeps i18next out of the request path.
 */
const CATALOGUES: Record<Locale, unknown> = { 'zh-CN': zhServer, en: enServer };

export function lookup(locale: Locale, key: string): string | undefined {
  let node: unknown = CATALOGUES[locale];
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** Translates `key`, filling {{name}} placeholders; unknown keys come back as given. */
export function translate(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const template = lookup(locale, key) ?? key;
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** The best of our languages for an Accept-Language header: English if asked first, else Chinese. */
export function localeFromHeader(header: string | undefined): Locale {
  if (!header) return 'zh-CN';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}
