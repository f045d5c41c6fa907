// Parses a SWMM 5.2 status report (ours or EPA's) into the same shape as the reference
// `<id>_rpt.json` files, so both sides of a parity check go through one reader.

export interface ContinuityTable {
  rows: Record<string, number[]>;
}

export interface SummaryTable {
  header: string[];
  rows: (string | number)[][];
  notes: string[];
}

export interface ParsedReport {
  continuity: Record<string, ContinuityTable>;
  tables: Record<string, SummaryTable>;
  text: Record<string, string[]>;
  errors: string[];
  warnings: string[];
}

const STARS = /^\s*\*{5,}/;
const DASHES = /^\s*-{5,}\s*$/;
const TIME_TOKEN = /^\d+:\d\d(:\d\d)?$/;

function tokenValue(tok: string): string | number {
  if (TIME_TOKEN.test(tok)) return tok;
  const v = Number(tok);
  return tok !== '' && Number.isFinite(v) ? v : tok;
}

/** Splits a table row: first token is the object id (kept as text), the rest become numbers where they parse. */
function splitRow(line: string): (string | number)[] {
  const toks = line.trim().split(/\s+/);
  return [toks[0] ?? '', ...toks.slice(1).map(tokenValue)];
}

export function parseReport(text: string): ParsedReport {
  const lines = text.split(/\r?\n/);
  const out: ParsedReport = { continuity: {}, tables: {}, text: {}, errors: [], warnings: [] };
  for (const l of lines) {
    const t = l.trim();
    if (/^ERROR \d+/.test(t)) out.errors.push(t);
    else if (/^WARNING \d+/.test(t)) out.warnings.push(t);
  }
  let i = 0;
  while (i < lines.length) {
    if (!(STARS.test(lines[i]!) && i + 2 < lines.length && STARS.test(lines[i + 2]!))) {
      i++;
      continue;
    }
    const titleLine = lines[i + 1]!;
    i += 3;
    // Continuity tables put units on the title line: "Runoff Quantity Continuity     acre-feet  inches".
    const title = titleLine.trim().split(/\s{2,}/)[0]!.trim();
    const body: string[] = [];
    while (i < lines.length && !(STARS.test(lines[i]!) && i + 2 < lines.length && STARS.test(lines[i + 2]!))) {
      if (/^\s*Analysis begun on/.test(lines[i]!)) break;
      body.push(lines[i]!);
      i++;
    }
    if (/Continuity$/.test(title)) {
      const rows: Record<string, number[]> = {};
      for (const b of body) {
        const m = /^\s+(.+?)\s*\.{2,}\s+(.*)$/.exec(b);
        if (!m) continue;
        rows[m[1]!.trim()] = m[2]!.trim().split(/\s+/).map(Number);
      }
      out.continuity[title] = { rows };
      continue;
    }
    const dashIdx = body.map((b, k) => (DASHES.test(b) ? k : -1)).filter((k) => k >= 0);
    if (dashIdx.length < 2) {
      out.text[title] = body.map((b) => b.trimEnd()).filter((b) => b.trim() !== '');
      continue;
    }
    const header = body.slice(dashIdx[0]! + 1, dashIdx[1]!).map((h) => h.trim());
    const notes = body.slice(0, dashIdx[0]!).map((h) => h.trim()).filter((h) => h !== '');
    const rows: (string | number)[][] = [];
    for (let k = dashIdx[1]! + 1; k < body.length; k++) {
      const b = body[k]!;
      if (DASHES.test(b)) continue;
      if (b.trim() === '') {
        if (rows.length > 0) break;
        continue;
      }
      rows.push(splitRow(b));
    }
    out.tables[title] = { header, rows, notes };
  }
  return out;
}
