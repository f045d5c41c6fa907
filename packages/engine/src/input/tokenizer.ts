// Line splitting and SWMM-style tokenizing (digest §1.1).
// - Everything after the first ';' is a comment (even inside quotes, as SWMM does).
// - Tokens are separated by space, tab, CR, LF; a token that starts with '"' runs to the
//   next '"' (or end of line) and may contain spaces; the quotes are dropped, so `""` is
//   an empty token (used for "no time series" in [INFLOWS]).
// Hand-written scanner: linear in the line length, no regular expressions.

export interface InputLine {
  /** 1-based line number in the file. */
  line: number;
  /** The line as written (no trailing CR). */
  raw: string;
  /** The line with its comment removed, trimmed. */
  text: string;
  tokens: string[];
}

function isSep(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10 || c === 11 || c === 12;
}

/** Index of the first ';' or the line length. */
export function commentStart(s: string): number {
  const i = s.indexOf(';');
  return i < 0 ? s.length : i;
}

/** Split one line into tokens following SWMM's rules. */
export function tokenize(line: string): string[] {
  const end = commentStart(line);
  const out: string[] = [];
  let i = 0;
  while (i < end) {
    const c = line.charCodeAt(i);
    if (isSep(c)) {
      i++;
      continue;
    }
    if (c === 34) {
      // quoted token: up to the closing quote or end of (uncommented) line
      const start = i + 1;
      let j = start;
      while (j < end && line.charCodeAt(j) !== 34) j++;
      out.push(line.slice(start, j));
      i = j + 1;
      continue;
    }
    let j = i + 1;
    while (j < end && !isSep(line.charCodeAt(j))) j++;
    out.push(line.slice(i, j));
    i = j;
  }
  return out;
}

function oddQuotes(s: string): boolean {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 34) n++;
  return n % 2 === 1;
}

/** Split text into lines (LF or CRLF or lone CR) and tokenize each. */
export function splitLines(text: string): InputLine[] {
  const lines: InputLine[] = [];
  let start = 0;
  let n = 0;
  const len = text.length;
  // strip a UTF-8 byte-order mark
  if (len > 0 && text.charCodeAt(0) === 0xfeff) start = 1;
  while (start <= len) {
    let j = start;
    while (j < len) {
      const c = text.charCodeAt(j);
      if (c === 10 || c === 13) break;
      j++;
    }
    const raw = text.slice(start, j);
    n++;
    const body = raw.slice(0, commentStart(raw));
    // an unterminated quoted token runs to the end of the line, trailing blanks included
    const clean = oddQuotes(body) ? body.trimStart() : body.trim();
    lines.push({ line: n, raw, text: clean, tokens: tokenize(raw) });
    if (j >= len) break;
    // CRLF counts as one line break
    start = text.charCodeAt(j) === 13 && j + 1 < len && text.charCodeAt(j + 1) === 10 ? j + 2 : j + 1;
    if (start === len) break;
  }
  return lines;
}
