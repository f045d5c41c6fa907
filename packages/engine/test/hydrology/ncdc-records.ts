// Test-only readers for the two NCDC hourly rain-file layouts used by the reference models,
// producing the RainRecords that climate.ts consumes. Reading rain files properly (all NWS,
// NCDC and Canadian formats, flags, accumulation periods) belongs to the parser; these
// readers handle just the plain records present in the reference files and refuse anything
// else, so a test never silently uses misread data.
import type { RainRecords } from '../../src/hydrology/climate.js';
import { encodeDate } from '../../src/time/datetime.js';

const HOUR_S = 3600;

/** Start of an hourly period whose time stamp (end of the hour) is hhmm on y-m-d. */
function periodStart(y: number, m: number, d: number, hhmm: number): number {
  const endHour = Math.floor(hhmm / 100);
  return encodeDate(y, m, d) + (endHour - 1) / 24;
}

/**
 * NCDC online "HPCP" CSV-like text: `COOP:134101 20130110 22:00 0.10 [flags]`. Values with a
 * decimal point are inches (new layout); integers are hundredths of an inch (old layout).
 */
export function readNcdcOnlineHourly(text: string): RainRecords {
  const dates: number[] = [];
  const depths: number[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*COOP:(\d+)\s+(\d{4})(\d{2})(\d{2})\s+(\d{2}):(\d{2})\s+(\S+)\s*(\S*)/.exec(line);
    if (!m) continue;
    const raw = m[7]!;
    const flag = m[8] ?? '';
    if (flag !== '' && flag !== 'g') throw new Error(`unsupported NCDC flag ${flag} in: ${line}`);
    const v = raw.includes('.') ? Number(raw) : Number(raw) / 100;
    if (!Number.isFinite(v) || v >= 99.99) throw new Error(`unsupported NCDC value in: ${line}`);
    if (v === 0) continue;
    dates.push(periodStart(+m[2]!, +m[3]!, +m[4]!, +m[5]! * 100 + +m[6]!));
    depths.push(v);
  }
  return { intervalS: HOUR_S, dates, depthsIn: depths };
}

/** NCDC DSI-3240 space-delimited daily lines: `STN CD HPCP HI YYYY MM DD hhmm vvvvv f f ...` (hundredths). */
export function readDsi3240Spaced(text: string, station: string): RainRecords {
  const dates: number[] = [];
  const depths: number[] = [];
  for (const line of text.split(/\r?\n/)) {
    const head = /^(\S+)\s+\S+\s+HPCP\s+\S+\s+(\d{4})\s+(\d{2})\s+(\d{2})\s+(.*)$/.exec(line);
    if (!head || head[1] !== station) continue;
    const y = +head[2]!, mo = +head[3]!, d = +head[4]!;
    const re = /(\d{4})\s+(-?\d{5})\s?([^\d\s]?)\s?([^\d\s]?)/g;
    let g: RegExpExecArray | null;
    while ((g = re.exec(head[5]!)) !== null) {
      const hhmm = +g[1]!;
      if (hhmm === 2500) continue; // daily total
      const flags = (g[3] ?? '') + (g[4] ?? '');
      if (flags.replace(/g/g, '') !== '') throw new Error(`unsupported DSI-3240 flag ${flags} in: ${line}`);
      const v = +g[2]! / 100;
      if (v < 0 || v >= 999.99) throw new Error(`unsupported DSI-3240 value in: ${line}`);
      if (v === 0) continue;
      dates.push(periodStart(y, mo, d, hhmm));
      depths.push(v);
    }
  }
  return { intervalS: HOUR_S, dates, depthsIn: depths };
}
