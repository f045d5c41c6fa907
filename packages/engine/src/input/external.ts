// Reading injected external files named in the .inp: time-series files and rain files.
import { findFile } from './files.js';
import { parseTimeseriesFile } from './tsfile.js';
import { readRainFile } from './rainfile.js';
import type { ParseState } from './state.js';

export function loadExternalFiles(st: ParseState): void {
  const { ctx, model } = st;
  for (const ts of model.timeseries) {
    if (ts.file === undefined) continue;
    const f = findFile(ctx.files, ts.file);
    if (!f) {
      ctx.objErr(361, ts.name, ts.line, '[TIMESERIES]');
      continue;
    }
    const r = parseTimeseriesFile(f.text, model.options.startDateTime);
    if (r.error) {
      ctx.fileErr(363, ts.name, f.key, r.error.line, r.error.expected);
      continue;
    }
    ts.times = r.times;
    ts.values = r.values;
    for (let i = 1; i < r.times.length; i++) {
      if (!(r.times[i]! > r.times[i - 1]!)) {
        ctx.objErr(173, ts.name, ts.line, '[TIMESERIES]');
        break;
      }
    }
  }
  for (const g of model.gages) {
    if (g.source.kind !== 'FILE') continue;
    const f = findFile(ctx.files, g.source.file);
    if (!f) {
      ctx.objErr(317, g.source.file, g.line, '[RAINGAGES]');
      continue;
    }
    // read it now so a bad file is reported with the input errors, as SWMM does at start
    for (const e of readRainFile(f.text, g, { fileName: f.key }).errors) if (!ctx.full) ctx.errors.push(e);
  }
}
