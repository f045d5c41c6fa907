export type Language = 'zh-CN' | 'en';

/** First usable hint wins: ?lang=…, the stored choice, then the browser's languages; default zh-CN. */
export function pickLanguage(query: string, stored: string | null, browser: readonly string[]): Language {
  const q = new URLSearchParams(query).get('lang');
  for (const cand of [q, stored, ...browser]) {
    if (!cand) continue;
    if (cand.toLowerCase().startsWith('zh')) return 'zh-CN';
    if (cand.toLowerCase().startsWith('en')) return 'en';
  }
  return 'zh-CN';
}
