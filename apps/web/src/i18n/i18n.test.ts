import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { pickLanguage } from './pick';
import { zhCN } from './zh-CN';

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}
function get(o: object, key: string): unknown {
  return key.split('.').reduce<unknown>((x, k) => (x && typeof x === 'object' ? (x as Record<string, unknown>)[k] : undefined), o);
}
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(f) && !f.endsWith('.test.ts') ? [p] : [];
  });
}

describe('translations', () => {
  it('zh-CN and en have the same keys, none empty', () => {
    expect(keys(zhCN).sort()).toEqual(keys(en).sort());
    for (const k of keys(en)) {
      expect(String(get(en, k)).trim(), k).not.toBe('');
      expect(String(get(zhCN, k)).trim(), k).not.toBe('');
    }
  });

  it('every literal key used with t() exists (plural keys via _one/_other)', () => {
    const srcDir = fileURLToPath(new URL('..', import.meta.url));
    const used = new Set<string>();
    for (const file of sources(srcDir)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter((k) => get(en, k) === undefined && get(en, `${k}_other`) === undefined);
    expect(missing).toEqual([]);
  });

  it('keeps the same {{placeholders}} in both languages', () => {
    for (const k of keys(en)) {
      const ph = (s: unknown) => [...String(s).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(ph(get(zhCN, k)), k).toEqual(ph(get(en, k)));
    }
  });
});

describe('language choice', () => {
  it('prefers ?lang, then the stored choice, then the browser', () => {
    expect(pickLanguage('?lang=en', 'zh-CN', ['zh-CN'])).toBe('en');
    expect(pickLanguage('', 'en', ['zh-CN'])).toBe('en');
    expect(pickLanguage('', null, ['fr-FR', 'en-US'])).toBe('en');
    expect(pickLanguage('', null, ['zh-TW'])).toBe('zh-CN');
    expect(pickLanguage('', null, ['fr-FR'])).toBe('zh-CN');
  });
});
