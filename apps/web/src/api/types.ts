// Types of the platform REST API, mirrored from docs/platform-api.md (the contract with apps/server).
// Kept as plain interfaces so the web app does not import server code.

export interface Project {
  id: string;
  name: string;
  description: string;
  createdAt: string;
  updatedAt: string;
}

export interface ModelCounts {
  subcatchments: number;
  nodes: number;
  links: number;
  [kind: string]: number;
}

export interface ModelInfo {
  id: string;
  projectId: string;
  name: string;
  flowUnits: string;
  counts: ModelCounts;
  createdAt: string;
}

export type Position = [number, number];

export interface Feature<G> {
  type: 'Feature';
  id?: string | number;
  geometry: G;
  properties: Record<string, unknown> & { name: string; kind?: string };
}

export interface PointGeometry { type: 'Point'; coordinates: Position }
export interface LineStringGeometry { type: 'LineString'; coordinates: Position[] }
export interface PolygonGeometry { type: 'Polygon'; coordinates: Position[][] }

export interface FeatureCollection<G> {
  type: 'FeatureCollection';
  features: Feature<G>[];
}

export interface ModelGeo {
  crs: 'wgs84' | 'local';
  bounds: [number, number, number, number];
  subcatchments: FeatureCollection<PolygonGeometry>;
  nodes: FeatureCollection<PointGeometry>;
  links: FeatureCollection<LineStringGeometry>;
}

export interface ModelWithGeo extends ModelInfo {
  geo: ModelGeo;
}

export const LID_TYPES = ['BC', 'RG', 'GR', 'IT', 'PP', 'RB', 'RD', 'VS'] as const;
export type LidType = (typeof LID_TYPES)[number];

export interface AddLidChange {
  kind: 'addLid';
  subcatchment: string;
  lidName: string;
  lidType: LidType;
  areaM2?: number;
  areaPct?: number;
  number?: number;
  params?: Record<string, number>;
}

export interface SetParamChange {
  kind: 'setParam';
  objectKind: string;
  name: string;
  field: string;
  value: string | number;
}

export interface StormParams {
  A: number;
  C: number;
  b: number;
  n: number;
}

export interface DesignStormChange {
  kind: 'designStorm';
  rainGage?: string;
  periodYears: number;
  durationMin: number;
  stepMin: number;
  /** Peak position ratio r (0..1). */
  peak: number;
  /** Formula id (default "beijing") or user parameters of q = A(1 + C lg P)/(t + b)^n, L/(s·ha). */
  formula?: string | StormParams;
}

export interface DesignStormRequest {
  formula?: string;
  params?: StormParams;
  periodYears: number;
  durationMin: number;
  stepMin: number;
  peak: number;
}

export interface DesignStormPreview {
  formula: { id: string; name: string };
  totalDepthMm: number;
  depthsMm: number[];
  intensitiesMmPerH: number[];
  peakTimeMin: number;
}

export type Change = AddLidChange | SetParamChange | DesignStormChange;

export interface Scenario {
  id: string;
  projectId: string;
  modelId: string;
  name: string;
  isBaseline: boolean;
  changes: Change[];
  createdAt: string;
  updatedAt: string;
}

export interface ProjectDetail extends Project {
  models: ModelInfo[];
  scenarios: Scenario[];
}

export type RunStatus = 'queued' | 'running' | 'done' | 'failed';

export interface Run {
  id: string;
  scenarioId: string;
  status: RunStatus;
  progress: number;
  error?: string | null;
  summary?: Record<string, unknown> | null;
  createdAt: string;
  startedAt?: string | null;
  finishedAt?: string | null;
}

export interface ObjectProps {
  kind: string;
  name: string;
  props: Record<string, string | number>;
}

export interface Series {
  times: string[];
  values: number[];
  unit: string;
}

export interface RunResults {
  /** SI models: flow in the model's flow units, volumes m³, depths mm; US: flow units, ft³, in. */
  units?: { flow: string; volume: 'm3' | 'ft3'; depth: 'mm' | 'in' };
  /** Continuity errors (%) of runoff and routing, as the status report prints them. */
  continuity: { runoff?: number | null; routing?: number | null };
  subcatchments: { name: string; runoffDepth: number; runoffVolume: number; peakRunoff: number }[];
  outfalls: { name: string; peakFlow: number; volume: number }[];
  totals?: { precipVolume: number | null; runoffVolume: number; outflowVolume: number; peakOutflow: number };
  /** Event volume control rate 1 − V_out / V_rain, a fraction. */
  eventControlRate?: number | null;
}

export interface CompareResult {
  a: RunResults;
  b: RunResults;
  deltas: { peakFlowPct: number | null; runoffVolumePct: number | null; controlRate: number | null };
}

export interface Template {
  id: string;
  name: string;
  description: string;
}

export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}
