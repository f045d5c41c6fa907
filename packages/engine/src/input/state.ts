// Mutable state of one parse (pass 2): the model being filled and per-object side tables
// that are attached once all lines are read (objects may be referenced before they are
// defined, and e.g. [XSECTIONS] may come before [CONDUITS]).
import type {
  CrossSection, Curve, DryWeatherFlow, InfiltrationParams, Losses, Model, Pattern, Subareas, TimeSeries, Transect,
} from '../model/types.js';
import type { ParseContext } from './context.js';
import type { LidInfo } from './read-extra.js';
import type { ControlState } from './read-controls.js';

export interface SeriesState {
  ts: TimeSeries;
  /** Date used for entries without a date (start date-time until a date is given). */
  lastDate: number;
  /** True once any entry carried a date. */
  dated: boolean;
}

export interface TransectState {
  current?: Transect;
  /** Expected station count from the X1 line. */
  nSta: number;
  nLeft: number;
  nRight: number;
  nChannel: number;
}

export interface ParseState {
  ctx: ParseContext;
  model: Model;
  subareas: Map<string, Subareas>;
  infil: Map<string, InfiltrationParams>;
  xsect: Map<string, CrossSection>;
  losses: Map<string, Losses>;
  curves: Map<string, Curve>;
  series: Map<string, SeriesState>;
  patterns: Map<string, Pattern>;
  dwf: Map<string, DryWeatherFlow>;
  transect: TransectState;
  /** [LID_CONTROLS] types and layers seen, by upper-case LID name. */
  lids: Map<string, LidInfo>;
  /** [LID_USAGE] totals per subcatchment (upper-case name): Σ number·area, Σ %from. */
  lidUsage: Map<string, { name: string; area: number; fromImp: number; fromPerv: number; line: number }>;
  controls: ControlState;
}
