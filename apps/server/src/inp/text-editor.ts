// Line edits on one InpText, rendered back to text. Each scenario change parses the current text, edits it
// and renders it, so the next change sees the result (changes compose in order).
import { formatToken, parseInp, section, tokenize, type InpText } from './sections.js';

export class InpEditor {
  private readonly replaced = new Map<number, string>();
  private readonly appended = new Map<string, string[]>();
  private readonly newSections: { name: string; lines: string[] }[] = [];

  constructor(readonly inp: InpText) {}

  static fromText(text: string): InpEditor {
    return new InpEditor(parseInp(text));
  }

  /** Current tokens of an original line (after edits made through this editor). */
  tokensAt(index: number): string[] {
    return tokenize(this.replaced.get(index) ?? this.inp.lines[index]!);
  }

  /** Rewrites a data line from tokens, keeping its column layout and trailing comment. */
  replaceLine(index: number, tokens: string[]): void {
    const original = this.inp.lines[index]!;
    const comment = commentOf(original);
    const starts = tokenStarts(original);
    let out = '';
    tokens.map(formatToken).forEach((t, k) => {
      if (k > 0) {
        // Start where the original column started, or one space after the previous token.
        const col = starts[k] ?? 0;
        out += col > out.length ? ' '.repeat(col - out.length) : out.endsWith(' ') ? '' : ' ';
      }
      out += t;
    });
    this.replaced.set(index, out + (comment ? `  ${comment}` : ''));
  }

  /** Turns a line into a comment (kept for the reader, ignored by the engine). */
  commentOut(index: number): void {
    this.replaced.set(index, `;${this.inp.lines[index]!}`);
  }

  /** Appends lines at the end of a section, creating the section (at the end of the file) when absent. */
  append(sectionName: string, lines: string[], headerComment?: string): void {
    if (section(this.inp, sectionName)) {
      this.appended.set(sectionName, [...(this.appended.get(sectionName) ?? []), ...lines]);
      return;
    }
    let sec = this.newSections.find((s) => s.name === sectionName);
    if (!sec) {
      sec = { name: sectionName, lines: headerComment ? [headerComment] : [] };
      this.newSections.push(sec);
    }
    sec.lines.push(...lines);
  }

  render(): string {
    const { lines } = this.inp;
    // Appended lines go after the last non-blank line of their section, before the blank separator.
    const insertAfter = new Map<number, string[]>();
    for (const [name, add] of this.appended) {
      const sec = section(this.inp, name)!;
      let last = sec.end - 1;
      while (last > sec.header && lines[last]!.trim() === '') last--;
      insertAfter.set(last, [...(insertAfter.get(last) ?? []), ...add]);
    }
    const out: string[] = [];
    for (let i = 0; i < lines.length; i++) {
      out.push(this.replaced.get(i) ?? lines[i]!);
      const add = insertAfter.get(i);
      if (add) out.push(...add);
    }
    if (this.newSections.length) {
      while (out.length && out[out.length - 1]!.trim() === '') out.pop();
      for (const s of this.newSections) out.push('', s.name, ...s.lines);
      out.push('');
    }
    return out.join(this.inp.eol);
  }
}

/** Column where each token of a line starts (quotes included). */
function tokenStarts(line: string): number[] {
  const starts: number[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === ';') break;
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    starts.push(i);
    if (c === '"') {
      const close = line.indexOf('"', i + 1);
      i = close < 0 ? line.length : close + 1;
    } else {
      while (i < line.length && !' \t;'.includes(line[i]!)) i++;
    }
  }
  return starts;
}

function commentOf(line: string): string {
  let inQuote = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') inQuote = !inQuote;
    else if (c === ';' && !inQuote) return line.slice(i);
  }
  return '';
}

export function renderEdited(text: string, edit: (ed: InpEditor) => void): string {
  const ed = InpEditor.fromText(text);
  edit(ed);
  return ed.render();
}
