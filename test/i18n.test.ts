import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../src/domain/access/roles.ts';
import { ORG_KINDS } from '../src/domain/org/org-kinds.ts';
import { CATEGORIES, RELATIONS } from '../src/domain/residents/resident-sheet.ts';
import { lookup } from '../src/i18n/messages.ts';
import { ERROR_STATUS } from '../src/server/errors.ts';

const LOCALES = join(import.meta.dirname, '../src/i18n/locales');
const NAMESPACES = readdirSync(join(LOCALES, 'zh-CN')).map((f) => f.replace(/\.json$/, ''));

function load(locale: string, ns: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(LOCALES, locale, `${ns}.json`), 'utf8')) as Record<string, unknown>;
}

function keysOf(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix];
  return Object.entries(node).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

/** Plural forms differ by language (English has _one/_other, Chinese only _other): compare base keys. */
const base = (k: string) => k.replace(/_(zero|one|two|few|many|other)$/, '');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe('translations', () => {
  it.each(NAMESPACES)('zh-CN and en have the same keys in %s', (ns) => {
    const zh = new Set(keysOf(load('zh-CN', ns)).map(base));
    const en = new Set(keysOf(load('en', ns)).map(base));
    expect([...zh].filter((k) => !en.has(k)), 'missing in en').toEqual([]);
    expect([...en].filter((k) => !zh.has(k)), 'missing in zh-CN').toEqual([]);
  });

  it('has no empty messages', () => {
    for (const locale of ['zh-CN', 'en']) {
      for (const ns of NAMESPACES) {
        const flat = keysOf(load(locale, ns));
        for (const key of flat) {
          const value = key.split('.').reduce<unknown>((n, part) => (n as Record<string, unknown>)[part], load(locale, ns));
          expect(typeof value === 'string' && value.trim().length > 0, `${locale}/${ns}:${key}`).toBe(true);
        }
      }
    }
  });

  it('names every error code, role and level in both languages', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const code of Object.keys(ERROR_STATUS)) expect(lookup(locale, `errors.${code}`), `${locale} errors.${code}`).toBeTruthy();
      for (const role of ROLES) expect(lookup(locale, `roles.${role}`), `${locale} roles.${role}`).toBeTruthy();
      for (const kind of ORG_KINDS) expect(lookup(locale, `orgKinds.${kind}`), `${locale} orgKinds.${kind}`).toBeTruthy();
      for (const r of RELATIONS) expect(lookup(locale, `relations.${r}`), `${locale} relations.${r}`).toBeTruthy();
      for (const c of [...CATEGORIES, 'elderly']) expect(lookup(locale, `categories.${c}`), `${locale} categories.${c}`).toBeTruthy();
      for (const k of ['idFormat', 'idBirthDate', 'idCheckDigit', 'unknownGroup', 'unknownRelation', 'unknownCategory', 'duplicateIdInFile', 'phone']) {
        expect(lookup(locale, `validation.${k}`), `${locale} validation.${k}`).toBeTruthy();
      }
    }
  });

  it('has every key the web app asks for', () => {
    const missing: string[] = [];
    const zh = Object.fromEntries(NAMESPACES.map((ns) => [ns, new Set(keysOf(load('zh-CN', ns)).map(base))]));
    for (const file of sourceFiles(join(import.meta.dirname, '../src/web'))) {
      const text = readFileSync(file, 'utf8');
      const defaultNs = /useTranslation\(\s*\[?\s*['"](\w+)['"]/.exec(text)?.[1] ?? 'common';
      for (const m of text.matchAll(/\bt\(\s*['"]([\w.:-]+)['"]/g)) {
        const raw = m[1]!;
        const [ns, key] = raw.includes(':') ? (raw.split(':') as [string, string]) : [defaultNs, raw];
        if (!zh[ns]?.has(key)) missing.push(`${file.split('/src/')[1]}: ${ns}:${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('keeps user-facing Chinese out of components', () => {
    const offenders = sourceFiles(join(import.meta.dirname, '../src/web'))
      .filter((f) => f.endsWith('.tsx'))
      .filter((f) => /[\u4e00-\u9fff]/.test(readFileSync(f, 'utf8').replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '')));
    expect(offenders).toEqual([]);
  });

  it('keeps Chinese out of component comments too, and Chinese punctuation (a list joined with 、) out of components', () => {
    const offenders = sourceFiles(join(import.meta.dirname, '../src/web'))
      .filter((f) => f.endsWith('.tsx'))
      .filter((f) => /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
