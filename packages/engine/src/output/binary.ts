// Writer of SWMM 5.2's binary output file (.out), layout of §11 of the algorithms digest:
//
//   opening record   7 INT4: magic, version, flow units, #subcatch, #nodes, #links, #pollutants
//   IDs              per object (subcatchments, nodes, links, pollutants): INT4 length + bytes;
//                    then one INT4 concentration-units code per pollutant
//   properties       subcatchments (area), nodes (type, invert, full depth),
//                    links (type, offsets, full depth, length), each preceded by its codes
//   variables        INT4 count + INT4 codes for subcatchments, nodes, links, system
//   start date       REAL8, then INT4 report step (s)
//   periods          REAL8 date-time + REAL4 values (subcatchments, nodes, links, system)
//   closing record   6 INT4: IDStartPos, InputStartPos, OutputStartPos, #periods, error, magic
//
// Everything is little-endian. Periods are appended into a growing buffer: after the
// header the caller fills one Float32Array per period (its own, or the writer's
// `period` scratch array) and nothing is allocated per period except when the buffer
// doubles.

import type { ConcUnitsName, FlowUnitsName } from './report.js';

export const OUT_MAGIC = 516114522;
export const OUT_VERSION = 52004;
/** Per-object result variables before the pollutant ones (SWMM 5.2). */
export const SUBCATCH_BASE_VARS = 8;
export const NODE_BASE_VARS = 6;
export const LINK_BASE_VARS = 5;
export const SYSTEM_VARS = 15;

export const FLOW_UNITS_CODES: Readonly<Record<FlowUnitsName, number>> = Object.freeze({ CFS: 0, GPM: 1, MGD: 2, CMS: 3, LPS: 4, MLD: 5 });
export const CONC_UNITS_CODES: Readonly<Record<ConcUnitsName, number>> = Object.freeze({ 'MG/L': 0, 'UG/L': 1, '#/L': 2 });
/** Node type codes of the property section. */
export const NODE_TYPE_CODES = Object.freeze({ JUNCTION: 0, OUTFALL: 1, STORAGE: 2, DIVIDER: 3 } as const);
/** Link type codes of the property section. */
export const LINK_TYPE_CODES = Object.freeze({ CONDUIT: 0, PUMP: 1, ORIFICE: 2, WEIR: 3, OUTLET: 4 } as const);

/** Everything the file header holds, for the objects that are reported. */
export interface OutHeader {
  flowUnits: FlowUnitsName;
  subcatchIds: readonly string[];
  nodeIds: readonly string[];
  linkIds: readonly string[];
  /** All pollutants (SWMM always writes every pollutant unless quality is ignored). */
  pollutants: ReadonlyArray<{ name: string; concUnits: ConcUnitsName }>;
  /** acres or hectares, one per reported subcatchment. */
  subcatchAreas: ArrayLike<number>;
  /** NODE_TYPE_CODES, one per reported node. */
  nodeTypes: ArrayLike<number>;
  /** ft or m */
  nodeInverts: ArrayLike<number>;
  nodeFullDepths: ArrayLike<number>;
  /** LINK_TYPE_CODES, one per reported link. */
  linkTypes: ArrayLike<number>;
  /** Upstream and downstream offsets (ft or m; 0 for pumps). */
  linkOffsets1: ArrayLike<number>;
  linkOffsets2: ArrayLike<number>;
  /** ft or m; 0 for pumps and outlets. */
  linkFullDepths: ArrayLike<number>;
  /** ft or m; conduits only, 0 otherwise. */
  linkLengths: ArrayLike<number>;
  /** SWMM date-time (days since 30-Dec-1899) one report step before the first period. */
  startDateTime: number;
  reportStepSec: number;
  /** Encoding of object names (default UTF-8). */
  encodeName?: (name: string) => Uint8Array;
}

/** UTF-8 bytes of a string (the engine has no TextEncoder type in its lib). */
export function utf8Encode(s: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c >= 0xd800 && c < 0xe000) c = 0xfffd; // lone surrogate
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

function checkLength(what: string, a: ArrayLike<number>, n: number): void {
  if (a.length !== n) throw new RangeError(`OutWriter: ${what} has ${a.length} values for ${n} objects`);
}

/** True when Float32Array stores little-endian bytes (all mainstream platforms). */
function platformIsLittleEndian(): boolean {
  return new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
}

/**
 * Streams a SWMM 5.2 .out file into memory.
 *
 * ```ts
 * const w = new OutWriter(header);
 * for (each reporting period) { fill w.period (layout: w.nodeOffset(i) + var, ...); w.commitPeriod(dateTime); }
 * const bytes = w.finish();
 * ```
 */
export class OutWriter {
  readonly nSubcatch: number;
  readonly nNodes: number;
  readonly nLinks: number;
  readonly nPollutants: number;
  readonly subcatchVars: number;
  readonly nodeVars: number;
  readonly linkVars: number;
  /** REAL4 values in one period: subcatchments, then nodes, links, and the 15 system values. */
  readonly valuesPerPeriod: number;
  readonly bytesPerPeriod: number;
  readonly idStartPos = 28;
  readonly inputStartPos: number;
  readonly outputStartPos: number;
  /** Scratch array for one period; fill it and call commitPeriod. */
  readonly period: Float32Array;

  private buf: Uint8Array;
  private view: DataView;
  private pos: number;
  private periods = 0;
  private finished = false;
  private readonly littleEndian = platformIsLittleEndian();
  private readonly scratchBytes: Uint8Array;
  // Byte view of the last array passed to writePeriod, so a caller reusing one array
  // allocates nothing per period.
  private lastValues: Float32Array | null = null;
  private lastBytes: Uint8Array | null = null;

  constructor(h: OutHeader, opts: { expectedPeriods?: number } = {}) {
    const encode = h.encodeName ?? utf8Encode;
    this.nSubcatch = h.subcatchIds.length;
    this.nNodes = h.nodeIds.length;
    this.nLinks = h.linkIds.length;
    this.nPollutants = h.pollutants.length;
    checkLength('subcatchAreas', h.subcatchAreas, this.nSubcatch);
    for (const [k, a] of [
      ['nodeTypes', h.nodeTypes],
      ['nodeInverts', h.nodeInverts],
      ['nodeFullDepths', h.nodeFullDepths],
    ] as const)
      checkLength(k, a, this.nNodes);
    for (const [k, a] of [
      ['linkTypes', h.linkTypes],
      ['linkOffsets1', h.linkOffsets1],
      ['linkOffsets2', h.linkOffsets2],
      ['linkFullDepths', h.linkFullDepths],
      ['linkLengths', h.linkLengths],
    ] as const)
      checkLength(k, a, this.nLinks);

    this.subcatchVars = SUBCATCH_BASE_VARS + this.nPollutants;
    this.nodeVars = NODE_BASE_VARS + this.nPollutants;
    this.linkVars = LINK_BASE_VARS + this.nPollutants;
    this.valuesPerPeriod = this.nSubcatch * this.subcatchVars + this.nNodes * this.nodeVars + this.nLinks * this.linkVars + SYSTEM_VARS;
    this.bytesPerPeriod = 8 + 4 * this.valuesPerPeriod;
    this.period = new Float32Array(this.valuesPerPeriod);
    this.scratchBytes = new Uint8Array(this.period.buffer);

    const names: Uint8Array[] = [];
    for (const id of h.subcatchIds) names.push(encode(id));
    for (const id of h.nodeIds) names.push(encode(id));
    for (const id of h.linkIds) names.push(encode(id));
    for (const p of h.pollutants) names.push(encode(p.name));
    let idBytes = 0;
    for (const n of names) idBytes += 4 + n.length;
    idBytes += 4 * this.nPollutants;
    this.inputStartPos = this.idStartPos + idBytes;
    const propBytes = 4 * (this.nSubcatch + 2 + (3 * this.nNodes + 4) + (5 * this.nLinks + 6));
    const varBytes = 4 * (4 + this.subcatchVars + this.nodeVars + this.linkVars + SYSTEM_VARS);
    this.outputStartPos = this.inputStartPos + propBytes + varBytes + 8 + 4;

    const expected = Math.max(1, opts.expectedPeriods ?? 16);
    this.buf = new Uint8Array(this.outputStartPos + expected * this.bytesPerPeriod + 24);
    this.view = new DataView(this.buf.buffer);
    this.pos = 0;

    const i32 = (v: number): void => {
      this.view.setInt32(this.pos, v, true);
      this.pos += 4;
    };
    const f32 = (v: number): void => {
      this.view.setFloat32(this.pos, v, true);
      this.pos += 4;
    };
    i32(OUT_MAGIC);
    i32(OUT_VERSION);
    i32(FLOW_UNITS_CODES[h.flowUnits]);
    i32(this.nSubcatch);
    i32(this.nNodes);
    i32(this.nLinks);
    i32(this.nPollutants);
    for (const n of names) {
      i32(n.length);
      this.buf.set(n, this.pos);
      this.pos += n.length;
    }
    for (const p of h.pollutants) i32(CONC_UNITS_CODES[p.concUnits]);

    // Properties: codes say which property follows (0 type, 1 area, 2 invert, 3 max depth,
    // 4 offset, 5 length).
    i32(1);
    i32(1);
    for (let i = 0; i < this.nSubcatch; i++) f32(h.subcatchAreas[i]!);
    i32(3);
    i32(0);
    i32(2);
    i32(3);
    for (let i = 0; i < this.nNodes; i++) {
      i32(h.nodeTypes[i]!);
      f32(h.nodeInverts[i]!);
      f32(h.nodeFullDepths[i]!);
    }
    i32(5);
    i32(0);
    i32(4);
    i32(4);
    i32(3);
    i32(5);
    for (let i = 0; i < this.nLinks; i++) {
      i32(h.linkTypes[i]!);
      f32(h.linkOffsets1[i]!);
      f32(h.linkOffsets2[i]!);
      f32(h.linkFullDepths[i]!);
      f32(h.linkLengths[i]!);
    }

    // Variable codes; pollutant variables continue the numbering.
    i32(this.subcatchVars);
    for (let k = 0; k < this.subcatchVars; k++) i32(k);
    i32(this.nodeVars);
    for (let k = 0; k < this.nodeVars; k++) i32(k);
    i32(this.linkVars);
    for (let k = 0; k < this.linkVars; k++) i32(k);
    i32(SYSTEM_VARS);
    for (let k = 0; k < SYSTEM_VARS; k++) i32(k);

    this.view.setFloat64(this.pos, h.startDateTime, true);
    this.pos += 8;
    i32(h.reportStepSec);
    if (this.pos !== this.outputStartPos) throw new Error('OutWriter: header size mismatch');
  }

  /** Index in a period array of subcatchment i's first variable. */
  subcatchOffset(i: number): number {
    return i * this.subcatchVars;
  }
  /** Index in a period array of node i's first variable. */
  nodeOffset(i: number): number {
    return this.nSubcatch * this.subcatchVars + i * this.nodeVars;
  }
  /** Index in a period array of link i's first variable. */
  linkOffset(i: number): number {
    return this.nSubcatch * this.subcatchVars + this.nNodes * this.nodeVars + i * this.linkVars;
  }
  /** Index in a period array of the first system variable. */
  get systemOffset(): number {
    return this.valuesPerPeriod - SYSTEM_VARS;
  }
  get periodCount(): number {
    return this.periods;
  }

  /** Append one reporting period from the writer's `period` array. */
  commitPeriod(dateTime: number): void {
    this.appendPeriod(dateTime, this.period, this.scratchBytes);
  }

  /** Append one reporting period from `values` (length `valuesPerPeriod`). */
  writePeriod(dateTime: number, values: Float32Array): void {
    if (values.length !== this.valuesPerPeriod) {
      throw new RangeError(`OutWriter: period has ${values.length} values, expected ${this.valuesPerPeriod}`);
    }
    let bytes = this.lastBytes;
    if (values !== this.lastValues || bytes === null) {
      bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
      this.lastValues = values;
      this.lastBytes = bytes;
    }
    this.appendPeriod(dateTime, values, bytes);
  }

  private appendPeriod(dateTime: number, values: Float32Array, bytes: Uint8Array): void {
    if (this.finished) throw new Error('OutWriter: file already finished');
    this.ensure(this.bytesPerPeriod + 24);
    this.view.setFloat64(this.pos, dateTime, true);
    this.pos += 8;
    if (this.littleEndian) {
      // A byte copy: the platform's Float32Array bytes are already the file's.
      this.buf.set(bytes, this.pos);
      this.pos += bytes.length;
    } else {
      for (let k = 0; k < values.length; k++, this.pos += 4) this.view.setFloat32(this.pos, values[k]!, true);
    }
    this.periods++;
  }

  private ensure(extra: number): void {
    if (this.pos + extra <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.pos + extra) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  /** Write the closing record and return the file's bytes (a view of exactly its length). */
  finish(errorCode = 0): Uint8Array {
    if (this.finished) throw new Error('OutWriter: file already finished');
    // Positions in the closing record are INT4.
    if (this.pos + 24 > 0x7fffffff) throw new RangeError('OutWriter: output larger than 2 GB');
    this.ensure(24);
    const v = this.view;
    v.setInt32(this.pos, this.idStartPos, true);
    v.setInt32(this.pos + 4, this.inputStartPos, true);
    v.setInt32(this.pos + 8, this.outputStartPos, true);
    v.setInt32(this.pos + 12, this.periods, true);
    v.setInt32(this.pos + 16, errorCode, true);
    v.setInt32(this.pos + 20, OUT_MAGIC, true);
    this.pos += 24;
    this.finished = true;
    return this.buf.subarray(0, this.pos);
  }
}
