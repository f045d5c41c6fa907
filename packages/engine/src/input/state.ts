// Mutable state of one parse (pass 2): the model being filled and per-object side tables
// that are attached once all lines are read (objects may be referenced before they are
// defined, and e.g. [XSECTIONS] may come before [CONDUITS]).
import type {
  CrossSection, Curve, DryWeatherFlow, InfiltrationParams, Losses, Model, Pattern, Subareas, TimeSeries, Transect,
} from '../model/types.js';
import type { ParseContext } from './context.js';

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
  /** Upper-case names of curves, to tell a continuation line from a new curve. */
  evapSeen: boolean;
}
