// Keyword matching the way SWMM does it: case-insensitive, and a keyword matches a token
// when the keyword is a PREFIX of the token (so `[SUBCATCHMENTS]` matches `[SUBCATCHMENT`,
// `FUNCTIONAL/HEAD` must be listed before `FUNCTIONAL`). First match in list order wins.

/** True when `keyword` (upper case) is a prefix of `token`, ignoring case and leading blanks. */
export function keywordMatches(token: string, keyword: string): boolean {
  let i = 0;
  while (i < token.length && (token.charCodeAt(i) === 32 || token.charCodeAt(i) === 9)) i++;
  if (token.length - i < keyword.length || keyword.length === 0) return false;
  for (let k = 0; k < keyword.length; k++) {
    let c = token.charCodeAt(i + k);
    if (c >= 97 && c <= 122) c -= 32;
    if (c !== keyword.charCodeAt(k)) return false;
  }
  return true;
}

/** Index of the first keyword (upper case) that matches `token`, or -1. */
export function findKeyword(token: string | undefined, keywords: readonly string[]): number {
  if (token === undefined) return -1;
  for (let i = 0; i < keywords.length; i++) if (keywordMatches(token, keywords[i]!)) return i;
  return -1;
}

/** The matching keyword itself, or undefined. */
export function matchKeyword<T extends string>(token: string | undefined, keywords: readonly T[]): T | undefined {
  const i = findKeyword(token, keywords);
  return i < 0 ? undefined : keywords[i];
}

export const NO_YES = ['NO', 'YES'] as const;
export const OFF_ON = ['OFF', 'ON'] as const;

/** YES → true, NO → false, anything else → undefined. */
export function parseYesNo(token: string | undefined): boolean | undefined {
  const k = findKeyword(token, NO_YES);
  return k < 0 ? undefined : k === 1;
}
