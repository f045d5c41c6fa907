// Per-parse state: error/warning collection, name registries (one per SWMM namespace),
// the injected files. One instance per parseInp call; nothing is shared between calls.
import type { EngineError, InjectedFiles } from '../api.js';
import { makeError } from './errors.js';
import type { InputLine } from './tokenizer.js';

export type Namespace =
  | 'gage' | 'subcatch' | 'node' | 'link' | 'pollutant' | 'landuse' | 'pattern' | 'curve'
  | 'timeseries' | 'transect' | 'aquifer' | 'unithyd' | 'snowpack' | 'lid' | 'street' | 'inlet';

export interface NameEntry {
  /** First spelling seen. */
  name: string;
  /** Object sub-kind (e.g. 'CONDUIT', 'STORAGE') where the namespace is shared. */
  kind: string;
  line: number;
}

/** SWMM stops reading after this many input errors. */
export const MAX_ERRORS = 100;

export class ParseContext {
  readonly errors: EngineError[] = [];
  readonly warnings: string[] = [];
  readonly fileName: string;
  readonly files: InjectedFiles;
  section = '';
  private readonly names = new Map<Namespace, Map<string, NameEntry>>();

  constructor(fileName: string, files: InjectedFiles) {
    this.fileName = fileName;
    this.files = files;
  }

  get full(): boolean {
    return this.errors.length >= MAX_ERRORS;
  }

  /** Record an input error on a line of the .inp. Returns false so callers can `return ctx.err(...)`. */
  err(code: number, token: string | undefined, line: InputLine | number | undefined, expected?: string): false {
    if (this.errors.length >= MAX_ERRORS) return false;
    const ln = typeof line === 'number' ? line : line?.line;
    const site: { file: string; line?: number; section?: string } = { file: this.fileName };
    if (ln !== undefined) site.line = ln;
    if (this.section) site.section = this.section;
    this.errors.push(makeError(code, token, site, expected));
    return false;
  }

  /** Record an error located in another (injected) file. */
  fileErr(code: number, arg: string, file: string, line?: number, expected?: string): false {
    if (this.errors.length >= MAX_ERRORS) return false;
    const site: { file: string; line?: number } = { file };
    if (line !== undefined) site.line = line;
    this.errors.push(makeError(code, arg, site, expected));
    return false;
  }

  /** Record an object-level error (no line context other than the object's own line). */
  objErr(code: number, name: string, line?: number, section?: string): false {
    if (this.errors.length >= MAX_ERRORS) return false;
    const site: { file: string; line?: number; section?: string } = { file: this.fileName };
    if (line !== undefined) site.line = line;
    if (section) site.section = section;
    this.errors.push(makeError(code, name, site));
    return false;
  }

  warn(text: string): void {
    this.warnings.push(text);
  }

  private table(ns: Namespace): Map<string, NameEntry> {
    let t = this.names.get(ns);
    if (!t) {
      t = new Map();
      this.names.set(ns, t);
    }
    return t;
  }

  /** Register a name; returns false if it already exists in the namespace. */
  add(ns: Namespace, name: string, kind: string, line: number): boolean {
    const t = this.table(ns);
    const key = name.toUpperCase();
    if (t.has(key)) return false;
    t.set(key, { name, kind, line });
    return true;
  }

  find(ns: Namespace, name: string | undefined): NameEntry | undefined {
    if (name === undefined) return undefined;
    return this.names.get(ns)?.get(name.toUpperCase());
  }

  has(ns: Namespace, name: string | undefined): boolean {
    return this.find(ns, name) !== undefined;
  }

  /** Canonical (first) spelling of a defined name, or the name itself. */
  canon(ns: Namespace, name: string): string {
    return this.find(ns, name)?.name ?? name;
  }

  count(ns: Namespace): number {
    return this.names.get(ns)?.size ?? 0;
  }
}
