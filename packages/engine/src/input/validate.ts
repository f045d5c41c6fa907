// Cross-object checks after all lines are read, and attaching per-object side tables
// ([SUBAREAS], [INFILTRATION], [XSECTIONS], [LOSSES]) to their objects.
import type { ParseState } from './state.js';

/** Attach [SUBAREAS], [INFILTRATION], [XSECTIONS], [LOSSES] data to their objects. */
export function attachSideTables(st: ParseState): void {
  const { model } = st;
  for (const s of model.subcatchments) {
    const key = s.name.toUpperCase();
    const sa = st.subareas.get(key);
    if (sa) s.subareas = sa;
    const inf = st.infil.get(key);
    if (inf) s.infiltration = inf;
  }

  for (const l of model.links) {
    const key = l.name.toUpperCase();
    const x = st.xsect.get(key);
    if (x) l.xsect = x;
    if (l.kind === 'CONDUIT') {
      const loss = st.losses.get(key);
      if (loss) l.losses = loss;
    }
  }
  for (const s of st.series.values()) if (!s.dated && s.ts.times.length > 0) s.ts.relative = true;
}

/** Cross-object checks (SWMM's project validation), run when all lines read cleanly. */
export function validateModel(st: ParseState): void {
  const { ctx, model } = st;
  for (const l of model.links) {
    const x = l.xsect;
    if (l.kind === 'CONDUIT') {
      if (!x) ctx.objErr(117, l.name, l.line, '[CONDUITS]');
      if (!(l.length > 0)) ctx.objErr(111, l.name, l.line, '[CONDUITS]');
      if (!(l.roughness > 0)) ctx.objErr(113, l.name, l.line, '[CONDUITS]');
    } else if (l.kind === 'ORIFICE' || l.kind === 'WEIR') {
      if (!x) ctx.objErr(117, l.name, l.line, l.kind === 'WEIR' ? '[WEIRS]' : '[ORIFICES]');
    } else if (l.kind === 'PUMP') {
      if (l.curve !== null) {
        const c = st.curves.get(l.curve.toUpperCase());
        if (c && !c.type.startsWith('PUMP')) ctx.objErr(121, l.name, l.line, '[PUMPS]');
      }
      if (l.startupDepth > 0 && l.startupDepth <= l.shutoffDepth) ctx.objErr(122, l.name, l.line, '[PUMPS]');
    }
  }

  // curves: x strictly increasing
  for (const c of model.curves) {
    for (let i = 1; i < c.x.length; i++) {
      if (!(c.x[i]! > c.x[i - 1]!)) {
        ctx.objErr(171, c.name, c.line, '[CURVES]');
        break;
      }
    }
  }

  // time series: times strictly increasing
  for (const s of st.series.values()) {
    const t = s.ts.times;
    for (let i = 1; i < t.length; i++) {
      if (!(t[i]! > t[i - 1]!)) {
        ctx.objErr(173, s.ts.name, s.ts.line, '[TIMESERIES]');
        break;
      }
    }
  }

  // transects
  for (const t of model.transects) {
    if (t.stations.length < 2) ctx.objErr(223, t.name, t.line, '[TRANSECTS]');
    else if (t.stations.length > 1500) ctx.objErr(225, t.name, t.line, '[TRANSECTS]');
    else if (!(t.nChannel > 0)) ctx.objErr(227, t.name, t.line, '[TRANSECTS]');
  }

  validateGages(st);
}

function validateGages(st: ParseState): void {
  const { ctx, model } = st;
  // two FILE gages with the same station ID but different files are ambiguous (error 156);
  // time-series gages are checked with the option adjustments (finalize.ts)
  const fileGages: { station: string; file: string }[] = [];
  for (const g of model.gages) {
    if (g.source.kind !== 'FILE') continue;
    const station = g.source.station.toUpperCase();
    const file = g.source.file.toUpperCase();
    if (fileGages.some((x) => x.station === station && x.file !== file)) ctx.objErr(156, g.name, g.line, '[RAINGAGES]');
    fileGages.push({ station, file });
  }
}
