// Reader of SWMM 5.x binary output files (.out), written from the format description
// (§11 of the algorithms digest), not from SWMM's reader. Every read is bounds-checked:
// a truncated or corrupt file raises OutFileError with a message, never a RangeError or
// TypeError from a DataView.

export type OutFileErrorCode = 'truncated' | 'bad-magic' | 'bad-layout' | 'run-error' | 'bad-argument';

export class OutFileError extends Error {
  readonly code: OutFileErrorCode;
  constructor(code: OutFileErrorCode, message: string) {
    super(message);
    this.name = 'OutFileError';
    this.code = code;
  }
}

const MAGIC = 516114522;
const FLOW_UNITS = ['CFS', 'GPM', 'MGD', 'CMS', 'LPS', 'MLD'] as const;
/** Upper bound on object counts, to reject garbage before allocating for it. */
const MAX_OBJECTS = 50_000_000;

export type OutObjectKind = 'subcatchment' | 'node' | 'link' | 'system';

export interface OutPeriod {
  /** SWMM date-time (days since 30-Dec-1899). */
  dateTime: number;
  /** nSubcatch × subcatchVars values, object-major. */
  subcatchments: Float32Array;
  nodes: Float32Array;
  links: Float32Array;
  system: Float32Array;
}

export interface OutFile {
  version: number;
  flowUnitsCode: number;
  /** 'CFS' ... 'MLD', or undefined for an unknown code. */
  flowUnits: string | undefined;
  ids: { subcatchments: string[]; nodes: string[]; links: string[]; pollutants: string[] };
  /** Concentration units code per pollutant: 0 mg/L, 1 ug/L, 2 #/L. */
  pollutantUnits: Int32Array;
  properties: {
    subcatchCodes: Int32Array;
    subcatchAreas: Float32Array;
    nodeCodes: Int32Array;
    nodeTypes: Int32Array;
    nodeInverts: Float32Array;
    nodeFullDepths: Float32Array;
    linkCodes: Int32Array;
    linkTypes: Int32Array;
    linkOffsets1: Float32Array;
    linkOffsets2: Float32Array;
    linkFullDepths: Float32Array;
    linkLengths: Float32Array;
  };
  /** Variable codes of each object kind, in the order values are stored. */
  variables: { subcatchment: Int32Array; node: Int32Array; link: Int32Array; system: Int32Array };
  /** SWMM date-time one report step before the first period. */
  startDateTime: number;
  reportStepSec: number;
  nPeriods: number;
  errorCode: number;
  idStartPos: number;
  inputStartPos: number;
  outputStartPos: number;
  bytesPerPeriod: number;
  /** Values of one variable of one object over all periods. `objectIndex` is ignored for 'system'. */
  getSeries(kind: OutObjectKind, objectIndex: number, varIndex: number): Float32Array;
  /** Date-time of period k (0-based). */
  getPeriodDate(k: number): number;
  /** All values of period k (0-based). */
  getPeriod(k: number): OutPeriod;
}

export interface ReadOutOptions {
  /** Decode object names (default UTF-8, invalid bytes become U+FFFD). */
  decodeName?: (bytes: Uint8Array) => string;
  /** Accept a file whose closing record reports a run error (default: reject it). */
  allowRunError?: boolean;
}

/** UTF-8 decoding without TextDecoder (not in the engine's lib). */
export function utf8Decode(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    let cp = 0xfffd;
    let n = 1;
    if (c < 0x80) cp = c;
    else if (c >= 0xc2 && c < 0xe0 && i + 1 < b.length && (b[i + 1]! & 0xc0) === 0x80) {
      cp = ((c & 31) << 6) | (b[i + 1]! & 63);
      n = 2;
    } else if (c >= 0xe0 && c < 0xf0 && i + 2 < b.length && (b[i + 1]! & 0xc0) === 0x80 && (b[i + 2]! & 0xc0) === 0x80) {
      cp = ((c & 15) << 12) | ((b[i + 1]! & 63) << 6) | (b[i + 2]! & 63);
      n = 3;
      if (cp < 0x800 || (cp >= 0xd800 && cp < 0xe000)) cp = 0xfffd;
    } else if (
      c >= 0xf0 &&
      c < 0xf5 &&
      i + 3 < b.length &&
      (b[i + 1]! & 0xc0) === 0x80 &&
      (b[i + 2]! & 0xc0) === 0x80 &&
      (b[i + 3]! & 0xc0) === 0x80
    ) {
      cp = ((c & 7) << 18) | ((b[i + 1]! & 63) << 12) | ((b[i + 2]! & 63) << 6) | (b[i + 3]! & 63);
      n = 4;
      if (cp < 0x10000 || cp > 0x10ffff) cp = 0xfffd;
    }
    s += String.fromCodePoint(cp);
    i += n;
  }
  return s;
}

/** Bounds-checked little-endian cursor. */
class Cursor {
  pos: number;
  constructor(
    private readonly view: DataView,
    pos: number,
    private readonly end: number,
  ) {
    this.pos = pos;
  }
  need(n: number, what: string): void {
    if (n < 0 || this.pos + n > this.end) {
      throw new OutFileError('truncated', `output file too short: ${what} needs ${n} bytes at offset ${this.pos}, section ends at ${this.end}`);
    }
  }
  i32(what: string): number {
    this.need(4, what);
    const v = this.view.getInt32(this.pos, true);
    this.pos += 4;
    return v;
  }
  f32(what: string): number {
    this.need(4, what);
    const v = this.view.getFloat32(this.pos, true);
    this.pos += 4;
    return v;
  }
  f64(what: string): number {
    this.need(8, what);
    const v = this.view.getFloat64(this.pos, true);
    this.pos += 8;
    return v;
  }
}

function count(v: number, what: string): number {
  if (v < 0 || v > MAX_OBJECTS) throw new OutFileError('bad-layout', `implausible ${what}: ${v}`);
  return v;
}

/** Parse a SWMM binary output file held in memory. Throws OutFileError when it is not valid. */
export function readOut(bytes: Uint8Array, options: ReadOutOptions = {}): OutFile {
  if (!(bytes instanceof Uint8Array)) throw new OutFileError('bad-argument', 'readOut expects a Uint8Array');
  const decode = options.decodeName ?? utf8Decode;
  const len = bytes.byteLength;
  if (len < 28 + 24) throw new OutFileError('truncated', `output file too short (${len} bytes)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, len);

  if (view.getInt32(0, true) !== MAGIC) throw new OutFileError('bad-magic', 'not a SWMM output file: bad magic number at start');
  const tail = len - 24;
  const idStartPos = view.getInt32(tail, true);
  const inputStartPos = view.getInt32(tail + 4, true);
  const outputStartPos = view.getInt32(tail + 8, true);
  const nPeriods = view.getInt32(tail + 12, true);
  const errorCode = view.getInt32(tail + 16, true);
  if (view.getInt32(tail + 20, true) !== MAGIC) {
    throw new OutFileError('bad-magic', 'output file is incomplete or corrupt: bad magic number at end');
  }
  if (errorCode !== 0 && !options.allowRunError) {
    throw new OutFileError('run-error', `output file reports run error code ${errorCode}`);
  }

  const c = new Cursor(view, 4, tail);
  const version = c.i32('version');
  const flowUnitsCode = c.i32('flow units');
  const nSub = count(c.i32('subcatchment count'), 'subcatchment count');
  const nNode = count(c.i32('node count'), 'node count');
  const nLink = count(c.i32('link count'), 'link count');
  const nPoll = count(c.i32('pollutant count'), 'pollutant count');
  if (idStartPos !== c.pos) throw new OutFileError('bad-layout', `ID section position ${idStartPos} should be ${c.pos}`);

  const readIds = (n: number, what: string): string[] => {
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      const l = c.i32(`${what} name length`);
      if (l < 0) throw new OutFileError('bad-layout', `negative ${what} name length`);
      c.need(l, `${what} name`);
      out.push(decode(bytes.subarray(c.pos, c.pos + l)));
      c.pos += l;
    }
    return out;
  };
  // Cheap plausibility check before reading names: each needs at least 4 bytes.
  c.need(4 * (nSub + nNode + nLink + 2 * nPoll), 'ID section');
  const ids = {
    subcatchments: readIds(nSub, 'subcatchment'),
    nodes: readIds(nNode, 'node'),
    links: readIds(nLink, 'link'),
    pollutants: readIds(nPoll, 'pollutant'),
  };
  const pollutantUnits = new Int32Array(nPoll);
  for (let p = 0; p < nPoll; p++) pollutantUnits[p] = c.i32('pollutant units');
  if (inputStartPos !== c.pos) throw new OutFileError('bad-layout', `property section position ${inputStartPos} should be ${c.pos}`);

  const codes = (what: string): Int32Array => {
    const n = c.i32(`${what} property count`);
    if (n < 0 || n > 100) throw new OutFileError('bad-layout', `implausible ${what} property count ${n}`);
    const a = new Int32Array(n);
    for (let k = 0; k < n; k++) a[k] = c.i32(`${what} property code`);
    return a;
  };
  const subcatchCodes = codes('subcatchment');
  if (subcatchCodes.length !== 1) throw new OutFileError('bad-layout', `expected 1 subcatchment property, found ${subcatchCodes.length}`);
  c.need(4 * nSub, 'subcatchment properties');
  const subcatchAreas = new Float32Array(nSub);
  for (let i = 0; i < nSub; i++) subcatchAreas[i] = c.f32('subcatchment area');
  const nodeCodes = codes('node');
  if (nodeCodes.length !== 3) throw new OutFileError('bad-layout', `expected 3 node properties, found ${nodeCodes.length}`);
  c.need(12 * nNode, 'node properties');
  const nodeTypes = new Int32Array(nNode);
  const nodeInverts = new Float32Array(nNode);
  const nodeFullDepths = new Float32Array(nNode);
  for (let i = 0; i < nNode; i++) {
    nodeTypes[i] = c.i32('node type');
    nodeInverts[i] = c.f32('node invert');
    nodeFullDepths[i] = c.f32('node depth');
  }
  const linkCodes = codes('link');
  if (linkCodes.length !== 5) throw new OutFileError('bad-layout', `expected 5 link properties, found ${linkCodes.length}`);
  c.need(20 * nLink, 'link properties');
  const linkTypes = new Int32Array(nLink);
  const linkOffsets1 = new Float32Array(nLink);
  const linkOffsets2 = new Float32Array(nLink);
  const linkFullDepths = new Float32Array(nLink);
  const linkLengths = new Float32Array(nLink);
  for (let i = 0; i < nLink; i++) {
    linkTypes[i] = c.i32('link type');
    linkOffsets1[i] = c.f32('link offset');
    linkOffsets2[i] = c.f32('link offset');
    linkFullDepths[i] = c.f32('link depth');
    linkLengths[i] = c.f32('link length');
  }
  const expectVars = inputStartPos + 4 * (nSub + 2 + (3 * nNode + 4) + (5 * nLink + 6));
  if (c.pos !== expectVars) throw new OutFileError('bad-layout', `variable section at ${c.pos}, expected ${expectVars}`);

  const varCodes = (what: string): Int32Array => {
    const n = c.i32(`${what} variable count`);
    if (n < 0 || n > 10_000) throw new OutFileError('bad-layout', `implausible ${what} variable count ${n}`);
    c.need(4 * n, `${what} variable codes`);
    const a = new Int32Array(n);
    for (let k = 0; k < n; k++) a[k] = c.i32(`${what} variable code`);
    return a;
  };
  const variables = { subcatchment: varCodes('subcatchment'), node: varCodes('node'), link: varCodes('link'), system: varCodes('system') };
  const startDateTime = c.f64('start date');
  const reportStepSec = c.i32('report step');
  if (outputStartPos !== c.pos) throw new OutFileError('bad-layout', `results section position ${outputStartPos} should be ${c.pos}`);

  const nSubV = variables.subcatchment.length;
  const nNodeV = variables.node.length;
  const nLinkV = variables.link.length;
  const nSysV = variables.system.length;
  const valuesPerPeriod = nSub * nSubV + nNode * nNodeV + nLink * nLinkV + nSysV;
  const bytesPerPeriod = 8 + 4 * valuesPerPeriod;
  if (nPeriods < 0) throw new OutFileError('bad-layout', `negative period count ${nPeriods}`);
  const resultsBytes = tail - outputStartPos;
  if (resultsBytes !== nPeriods * bytesPerPeriod) {
    const code = resultsBytes < nPeriods * bytesPerPeriod ? 'truncated' : 'bad-layout';
    throw new OutFileError(code, `results section holds ${resultsBytes} bytes; ${nPeriods} periods of ${bytesPerPeriod} bytes need ${nPeriods * bytesPerPeriod}`);
  }

  const subBase = 8;
  const nodeBase = subBase + 4 * nSub * nSubV;
  const linkBase = nodeBase + 4 * nNode * nNodeV;
  const sysBase = linkBase + 4 * nLink * nLinkV;

  const checkIndex = (what: string, i: number, n: number): void => {
    if (!Number.isInteger(i) || i < 0 || i >= n) throw new OutFileError('bad-argument', `${what} ${i} out of range 0..${n - 1}`);
  };

  const readFloats = (from: number, n: number): Float32Array => {
    const a = new Float32Array(n);
    for (let k = 0; k < n; k++) a[k] = view.getFloat32(from + 4 * k, true);
    return a;
  };

  return {
    version,
    flowUnitsCode,
    flowUnits: FLOW_UNITS[flowUnitsCode],
    ids,
    pollutantUnits,
    properties: {
      subcatchCodes,
      subcatchAreas,
      nodeCodes,
      nodeTypes,
      nodeInverts,
      nodeFullDepths,
      linkCodes,
      linkTypes,
      linkOffsets1,
      linkOffsets2,
      linkFullDepths,
      linkLengths,
    },
    variables,
    startDateTime,
    reportStepSec,
    nPeriods,
    errorCode,
    idStartPos,
    inputStartPos,
    outputStartPos,
    bytesPerPeriod,
    getSeries(kind: OutObjectKind, objectIndex: number, varIndex: number): Float32Array {
      let off: number;
      switch (kind) {
        case 'subcatchment':
          checkIndex('subcatchment index', objectIndex, nSub);
          checkIndex('subcatchment variable', varIndex, nSubV);
          off = subBase + 4 * (objectIndex * nSubV + varIndex);
          break;
        case 'node':
          checkIndex('node index', objectIndex, nNode);
          checkIndex('node variable', varIndex, nNodeV);
          off = nodeBase + 4 * (objectIndex * nNodeV + varIndex);
          break;
        case 'link':
          checkIndex('link index', objectIndex, nLink);
          checkIndex('link variable', varIndex, nLinkV);
          off = linkBase + 4 * (objectIndex * nLinkV + varIndex);
          break;
        case 'system':
          checkIndex('system variable', varIndex, nSysV);
          off = sysBase + 4 * varIndex;
          break;
        default:
          throw new OutFileError('bad-argument', `unknown object kind ${String(kind)}`);
      }
      const out = new Float32Array(nPeriods);
      let p = outputStartPos + off;
      for (let k = 0; k < nPeriods; k++, p += bytesPerPeriod) out[k] = view.getFloat32(p, true);
      return out;
    },
    getPeriodDate(k: number): number {
      checkIndex('period', k, nPeriods);
      return view.getFloat64(outputStartPos + k * bytesPerPeriod, true);
    },
    getPeriod(k: number): OutPeriod {
      checkIndex('period', k, nPeriods);
      const at = outputStartPos + k * bytesPerPeriod;
      return {
        dateTime: view.getFloat64(at, true),
        subcatchments: readFloats(at + subBase, nSub * nSubV),
        nodes: readFloats(at + nodeBase, nNode * nNodeV),
        links: readFloats(at + linkBase, nLink * nLinkV),
        system: readFloats(at + sysBase, nSysV),
      };
    },
  };
}
