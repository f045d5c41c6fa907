// Math expressions of [CONTROLS] EXPRESSION lines (SWMM 5.2): numbers, named variables,
// + - * / ^, parentheses and the functions COS SIN TAN COT ABS SGN SQRT LOG EXP ASIN
// ACOS ATAN ACOT SINH COSH TANH COTH LOG10 STEP.
//
// Grammar and value rules follow SWMM's expression evaluator so that results agree:
//   expr   := term { ('+' | '-') term }
//   term   := [unary '+'/'-' only at the start or right after '('] factor { ('*' | '/' | '^') factor }
//   factor := number | variable | FUNC '(' expr ')' | '(' expr ')'
// '*', '/' and '^' share ONE precedence level and associate to the left (2*3^2 = 36),
// a unary minus negates the whole product chain, and a '-' directly followed by a digit
// at the start or after '(' is part of a negative number literal (so -2^2 = (-2)^2,
// which is 0 because x^y is 0 for x <= 0). Functions guard their domains as SWMM does
// (sqrt of a negative, log of a non-positive, cot(0), log10(0) give 0).
//
// An expression compiles to a postfix program (opcode + argument arrays) evaluated with a
// preallocated stack: no allocation or closures while a simulation runs.

export const OP_NUM = 1;
export const OP_VAR = 2;
export const OP_ADD = 3;
export const OP_SUB = 4;
export const OP_MUL = 5;
export const OP_DIV = 6;
export const OP_POW = 7;
export const OP_NEG = 8;
/** Functions: OP_FUNC + index into FUNCTION_NAMES. */
export const OP_FUNC = 16;

export const FUNCTION_NAMES = [
  'COS', 'SIN', 'TAN', 'COT', 'ABS', 'SGN', 'SQRT', 'LOG', 'EXP', 'ASIN', 'ACOS', 'ATAN', 'ACOT',
  'SINH', 'COSH', 'TANH', 'COTH', 'LOG10', 'STEP',
] as const;

/** A compiled expression: postfix opcodes with their arguments (number or variable index). */
export interface ExprProgram {
  readonly ops: Int32Array;
  readonly args: Float64Array;
  /** Stack slots the program needs. */
  readonly maxDepth: number;
  /** Named-variable indexes the program reads (each once). */
  readonly vars: Int32Array;
}

export type CompileResult = { program: ExprProgram } | { error: string; at: number };

// ---- lexer
const T_END = 0;
const T_NUM = 1;
const T_NAME = 2;
const T_LPAREN = 3;
const T_RPAREN = 4;
const T_PLUS = 5;
const T_MINUS = 6;
const T_STAR = 7;
const T_SLASH = 8;
const T_CARET = 9;

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isLetterCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

class Lexer {
  pos = 0;
  tok = T_END;
  num = 0;
  name = '';
  start = 0;
  /** The token before the current one (to recognise negative literals). */
  prev = T_END;
  constructor(readonly s: string) {}

  /** Reads a decimal number at pos: digits [. digits] [e [+-] digits]. */
  private number(): number | undefined {
    const s = this.s;
    const p0 = this.pos;
    let p = p0;
    while (p < s.length && isDigitCode(s.charCodeAt(p))) p++;
    if (p < s.length && s.charCodeAt(p) === 46) {
      p++;
      while (p < s.length && isDigitCode(s.charCodeAt(p))) p++;
    }
    if (p === p0 || (p === p0 + 1 && s.charCodeAt(p0) === 46)) return undefined;
    if (p < s.length && (s.charCodeAt(p) === 101 || s.charCodeAt(p) === 69)) {
      let q = p + 1;
      if (q < s.length && (s.charCodeAt(q) === 43 || s.charCodeAt(q) === 45)) q++;
      if (q >= s.length || !isDigitCode(s.charCodeAt(q))) return undefined;
      while (q < s.length && isDigitCode(s.charCodeAt(q))) q++;
      p = q;
    }
    this.pos = p;
    return Number(s.slice(p0, p));
  }

  /** Advances to the next token; returns false on an unknown character or bad number. */
  next(): boolean {
    const s = this.s;
    this.prev = this.tok;
    while (this.pos < s.length && (s.charCodeAt(this.pos) === 32 || s.charCodeAt(this.pos) === 9)) this.pos++;
    this.start = this.pos;
    if (this.pos >= s.length) {
      this.tok = T_END;
      return true;
    }
    const c = s.charCodeAt(this.pos);
    if (isDigitCode(c) || (c === 46 && isDigitCode(s.charCodeAt(this.pos + 1)))) {
      const v = this.number();
      if (v === undefined) return false;
      this.tok = T_NUM;
      this.num = v;
      return true;
    }
    if (isLetterCode(c)) {
      let p = this.pos + 1;
      while (p < s.length && (isLetterCode(s.charCodeAt(p)) || isDigitCode(s.charCodeAt(p)))) p++;
      this.name = s.slice(this.pos, p);
      this.pos = p;
      this.tok = T_NAME;
      return true;
    }
    this.pos++;
    switch (c) {
      case 40: this.tok = T_LPAREN; return true;
      case 41: this.tok = T_RPAREN; return true;
      case 43: this.tok = T_PLUS; return true;
      case 45: {
        // negative literal: '-' + digit at the start of the text or right after '('
        const atStart = this.prev === T_END || this.prev === T_LPAREN;
        if (atStart && this.pos < s.length && isDigitCode(s.charCodeAt(this.pos))) {
          const v = this.number();
          if (v === undefined) return false;
          this.tok = T_NUM;
          this.num = -v;
          return true;
        }
        this.tok = T_MINUS;
        return true;
      }
      case 42: this.tok = T_STAR; return true;
      case 47: this.tok = T_SLASH; return true;
      case 94: this.tok = T_CARET; return true;
      default:
        this.pos--;
        return false;
    }
  }
}

class CompileError {
  constructor(readonly message: string, readonly at: number) {}
}

class Compiler {
  readonly ops: number[] = [];
  readonly args: number[] = [];
  private depth = 0;
  maxDepth = 0;
  readonly lx: Lexer;
  constructor(text: string, private readonly varIndex: (name: string) => number) {
    this.lx = new Lexer(text);
  }

  /** Current token (a method so narrowing does not survive advance()). */
  private cur(): number {
    return this.lx.tok;
  }

  private advance(): void {
    if (!this.lx.next()) throw new CompileError(`unexpected character '${this.lx.s[this.lx.pos] ?? ''}'`, this.lx.pos);
  }

  private emit(op: number, arg: number, push: number): void {
    this.ops.push(op);
    this.args.push(arg);
    this.depth += push;
    if (this.depth > this.maxDepth) this.maxDepth = this.depth;
  }

  compile(): void {
    this.lx.tok = T_END; // so a leading '-' digit reads as a negative literal
    this.advance();
    this.expr();
    if (this.lx.tok !== T_END) throw new CompileError(this.lx.tok === T_RPAREN ? "unbalanced ')'" : 'operator expected', this.lx.start);
  }

  private expr(): void {
    this.term(true);
    for (;;) {
      const t = this.lx.tok;
      if (t !== T_PLUS && t !== T_MINUS) return;
      this.advance();
      this.term(false);
      this.emit(t === T_PLUS ? OP_ADD : OP_SUB, 0, -1);
    }
  }

  /** A product chain; `leading` allows a unary sign (start of text or after '('). */
  private term(leading: boolean): void {
    let neg = false;
    if (leading && (this.lx.tok === T_MINUS || this.lx.tok === T_PLUS)) {
      neg = this.lx.tok === T_MINUS;
      this.advance();
    }
    this.factor();
    for (;;) {
      const t = this.lx.tok;
      if (t !== T_STAR && t !== T_SLASH && t !== T_CARET) break;
      this.advance();
      this.factor();
      this.emit(t === T_STAR ? OP_MUL : t === T_SLASH ? OP_DIV : OP_POW, 0, -1);
    }
    if (neg) this.emit(OP_NEG, 0, 0);
  }

  private factor(): void {
    const lx = this.lx;
    switch (lx.tok) {
      case T_NUM:
        this.emit(OP_NUM, lx.num, 1);
        this.advance();
        return;
      case T_LPAREN:
        this.advance();
        this.expr();
        if (this.cur() !== T_RPAREN) throw new CompileError("missing ')'", lx.start);
        this.advance();
        return;
      case T_NAME: {
        const up = lx.name.toUpperCase();
        const f = (FUNCTION_NAMES as readonly string[]).indexOf(up);
        if (f >= 0) {
          const at = lx.start;
          const fname = lx.name;
          this.advance();
          if (this.cur() !== T_LPAREN) throw new CompileError(`'(' expected after function ${fname}`, at);
          this.advance();
          this.expr();
          if (this.cur() !== T_RPAREN) throw new CompileError("missing ')'", lx.start);
          this.advance();
          this.emit(OP_FUNC + f, 0, 0);
          return;
        }
        const v = this.varIndex(lx.name);
        if (v < 0) throw new CompileError(`unknown variable ${lx.name}`, lx.start);
        this.emit(OP_VAR, v, 1);
        this.advance();
        return;
      }
      case T_END:
        throw new CompileError('operand expected at end of expression', lx.start);
      default:
        throw new CompileError('operand expected', lx.start);
    }
  }
}

/**
 * Compile an expression. `varIndex` maps a name (any case) to a named-variable index, or −1.
 * Function names take precedence over variable names, as in SWMM.
 */
export function compileExpression(text: string, varIndex: (name: string) => number): CompileResult {
  const c = new Compiler(text, varIndex);
  try {
    c.compile();
  } catch (e) {
    if (e instanceof CompileError) return { error: e.message, at: e.at };
    throw e;
  }
  const vars: number[] = [];
  for (let i = 0; i < c.ops.length; i++) {
    if (c.ops[i] === OP_VAR && !vars.includes(c.args[i]!)) vars.push(c.args[i]!);
  }
  return {
    program: {
      ops: Int32Array.from(c.ops),
      args: Float64Array.from(c.args),
      maxDepth: c.maxDepth,
      vars: Int32Array.from(vars),
    },
  };
}

function applyFunction(f: number, x: number): number {
  switch (f) {
    case 0: return Math.cos(x);
    case 1: return Math.sin(x);
    case 2: return Math.tan(x);
    case 3: return x === 0 ? 0 : 1 / Math.tan(x);
    case 4: return Math.abs(x);
    case 5: return x < 0 ? -1 : x > 0 ? 1 : 0;
    case 6: return x < 0 ? 0 : Math.sqrt(x);
    case 7: return x <= 0 ? 0 : Math.log(x);
    case 8: return Math.exp(x);
    case 9: return Math.asin(x);
    case 10: return Math.acos(x);
    case 11: return Math.atan(x);
    case 12: return 1.5707963267948966 - Math.atan(x);
    // hyperbolic functions from exponentials, as SWMM computes them
    case 13: return (Math.exp(x) - Math.exp(-x)) / 2;
    case 14: return (Math.exp(x) + Math.exp(-x)) / 2;
    case 15: return (Math.exp(x) - Math.exp(-x)) / (Math.exp(x) + Math.exp(-x));
    case 16: return (Math.exp(x) + Math.exp(-x)) / (Math.exp(x) - Math.exp(-x));
    case 17: return x === 0 ? 0 : Math.log10(x);
    case 18: return x <= 0 ? 0 : 1;
    default: return NaN;
  }
}

/**
 * Evaluate a program. `varValues[k]` holds the current value of named variable k (the
 * caller fills the entries listed in `program.vars`); `stack` needs `program.maxDepth` slots.
 */
export function evalExpression(p: ExprProgram, varValues: Float64Array, stack: Float64Array): number {
  const ops = p.ops;
  const args = p.args;
  let sp = -1;
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!;
    switch (op) {
      case OP_NUM: stack[++sp] = args[i]!; break;
      case OP_VAR: stack[++sp] = varValues[args[i]!]!; break;
      case OP_ADD: sp--; stack[sp] = stack[sp]! + stack[sp + 1]!; break;
      case OP_SUB: sp--; stack[sp] = stack[sp]! - stack[sp + 1]!; break;
      case OP_MUL: sp--; stack[sp] = stack[sp]! * stack[sp + 1]!; break;
      case OP_DIV: sp--; stack[sp] = stack[sp]! / stack[sp + 1]!; break;
      case OP_POW: {
        sp--;
        const base = stack[sp]!;
        stack[sp] = base <= 0 ? 0 : Math.pow(base, stack[sp + 1]!);
        break;
      }
      case OP_NEG: stack[sp] = -stack[sp]!; break;
      default: stack[sp] = applyFunction(op - OP_FUNC, stack[sp]!);
    }
  }
  return sp >= 0 ? stack[sp]! : 0;
}
