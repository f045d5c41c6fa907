// Section-level view of .inp text: which lines belong to which [SECTION], tokenized like SWMM does
// (';' starts a comment, double quotes group a token with spaces). Edits work on this view and
// write back only the lines they change, so the rest of the user's file (comments, layout) survives.

export interface InpLine {
  /** 0-based index into InpText.lines. */
  index: number;
  tokens: string[];
}

export interface InpSection {
  /** Upper-case with brackets, e.g. "[JUNCTIONS]". */
  name: string;
  /** Index of the header line. */
  header: number;
  /** One past the last line that belongs to the section. */
  end: number;
  /** Data lines only (no blanks or comment lines). */
  lines: InpLine[];
}

export interface InpText {
  lines: string[];
  eol: '\n' | '\r\n';
  sections: InpSection[];
}

export function tokenize(line: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  const n = line.length;
  while (i < n) {
    const c = line[i]!;
    if (c === ';') break;
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      i++;
      continue;
    }
    if (c === '"') {
      const close = line.indexOf('"', i + 1);
      const end = close < 0 ? n : close;
      tokens.push(line.slice(i + 1, end));
      i = end + 1;
      continue;
    }
    let j = i;
    while (j < n && !' \t\r\n;'.includes(line[j]!)) j++;
    tokens.push(line.slice(i, j));
    i = j;
  }
  return tokens;
}

/** Quote a token for writing when it contains spaces (SWMM's only quoting rule). */
export function formatToken(t: string): string {
  return t === '' || /[\s;]/.test(t) ? `"${t}"` : t;
}

export function parseInp(text: string): InpText {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const sections: InpSection[] = [];
  let current: InpSection | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const trimmed = line.trimStart();
    if (trimmed.startsWith('[')) {
      const close = trimmed.indexOf(']');
      const name = (close > 0 ? trimmed.slice(0, close + 1) : trimmed.split(/\s/)[0]!).toUpperCase();
      if (current) current.end = i;
      current = { name, header: i, end: lines.length, lines: [] };
      sections.push(current);
      continue;
    }
    if (!current) continue;
    const tokens = tokenize(line);
    if (tokens.length > 0) current.lines.push({ index: i, tokens });
  }
  return { lines, eol, sections };
}

export function section(inp: InpText, name: string): InpSection | undefined {
  return inp.sections.find((s) => s.name === name);
}

/** Data lines of a section (empty when the section is absent). */
export function rows(inp: InpText, name: string): InpLine[] {
  return section(inp, name)?.lines ?? [];
}

export function sameName(a: string, b: string): boolean {
  // SWMM object names are case-insensitive.
  return a.toUpperCase() === b.toUpperCase();
}

/** [OPTIONS] key → first value token (keys upper-cased). */
export function options(inp: InpText): Map<string, string> {
  const m = new Map<string, string>();
  for (const l of rows(inp, '[OPTIONS]')) if (l.tokens.length >= 2) m.set(l.tokens[0]!.toUpperCase(), l.tokens[1]!);
  return m;
}

export const US_FLOW_UNITS = new Set(['CFS', 'GPM', 'MGD']);

export function flowUnits(inp: InpText): string {
  return (options(inp).get('FLOW_UNITS') ?? 'CFS').toUpperCase();
}

export function isSI(inp: InpText): boolean {
  return !US_FLOW_UNITS.has(flowUnits(inp));
}
