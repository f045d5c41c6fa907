// Air temperature and snowmelt (SWMM 5.2 Reference Manual Vol. I, chapter 5):
//
// Climate ([TEMPERATURE]) — air temperature from a time series (linear interpolation, end
// values held), plus the monthly [ADJUSTMENTS] TEMPERATURE offsets; monthly wind speed; the
// SNOWMELT parameters (dividing temperature between rain and snow, ATI weight, negative melt
// ratio, elevation, latitude, longitude correction) and the areal depletion curves (ADC).
// Precipitation at or below the dividing temperature is snow and is multiplied by the gage's
// snow catch factor.
//
// Snowpacks ([SNOWPACKS]) — each subcatchment with a snowpack has three snow surfaces:
// plowable impervious, other impervious, pervious. Per runoff step and surface:
//   1. new snow is added; snow on the plowable area deeper than the plowing depth is
//      redistributed by the REMOVAL fractions (out of the system, to the other impervious
//      area, to the pervious area, melted at once, or to another subcatchment's pervious area);
//   2. the snow-covered fraction comes from the areal depletion curve (the plowable area is
//      always fully covered); new snow covers everything and starts a temporary curve back
//      to the old cover (Anderson's "new snow" ADC);
//   3. melt: with rain > 0.02 in/hr, Anderson's rain-on-snow energy balance
//      M = (Ta − 32)(0.001167 + 7.5·γ·0.006·u + 0.007·P) + 8.5·0.006·u·(ea − 0.18) in/hr;
//      otherwise degree-day melt Dhm·(Ta − Tbase) when Ta ≥ Tbase, where the melt coefficient
//      follows the season, Dhm = ½[Dhmax(1 + s) + Dhmin(1 − s)], s = sin(2π(day − 81)/365);
//      below Tbase the cold content grows with the antecedent temperature index (ATI, weight
//      converted from its 6-hour basis to the step) and melt must first satisfy it;
//   4. melt and rain on the covered area enter the pack's free water; water above the free
//      water holding capacity (a fraction of the pack) leaves as liquid melt;
//   5. packs thinner than 0.001 in melt at once.
// Net input to each subarea = liquid melt + immediate melt + rain on the bare fraction; the
// two impervious snow surfaces are area-weighted into the impervious subareas' input.
//
// All internal: ft, ft/s, °F, mph. Columns are indexed 3·j + surface. One SnowModel per run;
// the step methods allocate nothing.
import type { EngineError } from '../api.js';
import type { Model } from '../model/types.js';
import type { UnitFactors } from '../model/units.js';
import { dayOfYear } from '../time/datetime.js';
import type { ClimateState } from './climate.js';

export const SNOW_PLOWABLE = 0;
export const SNOW_IMPERV = 1;
export const SNOW_PERV = 2;

/** Packs thinner than this (ft of water, = 0.001 in) melt completely. */
const MIN_PACK_FT = 0.001 / 12;
/** Rain/snow rates above 0.02 in/hr count as "raining" or "snowing" for melt and ATI. */
const RATE_THRESHOLD_IN_HR = 0.02;
/** ft/s → in/hr. */
const FT_S_TO_IN_HR = 43200;

/** Melt parameters of one [SNOWPACKS] set (internal units). */
interface MeltSet {
  name: string;
  dhmin: Float64Array;
  dhmax: Float64Array;
  /** °F */
  tbase: Float64Array;
  fwfrac: Float64Array;
  wsnow0: Float64Array;
  fw0: Float64Array;
  /** Fraction of impervious area that is plowable. */
  snn: number;
  /** Depth at 100 % cover of impervious / pervious areas (ft), index by surface. */
  si: Float64Array;
  weplow: number;
  sfrac: Float64Array;
  /** Subcatchment receiving plowed snow, −1 none. */
  toSubcatch: number;
  /** Melt coefficient of the current season (ft/s/°F) per surface. */
  dhm: Float64Array;
}

function readNumber(tok: string | undefined): number {
  return tok === undefined ? NaN : Number(tok);
}

export class SnowModel {
  // ---- climate
  readonly hasTempSeries: boolean;
  private readonly tTimes: ArrayLike<number>;
  private readonly tValues: ArrayLike<number>;
  private tCursor = 0;
  private readonly si: boolean;
  /** Monthly temperature offsets (°F). */
  private readonly adjTempF = new Float64Array(12);
  /** Monthly wind speeds (mph). */
  private readonly windMph = new Float64Array(12);
  /** Dividing temperature between rain and snow (°F). */
  readonly snowTempF: number;
  private readonly tipm: number;
  private readonly rnm: number;
  private readonly gamma: number;
  /** Areal depletion curves: [0..9] impervious, [10..19] pervious. */
  private readonly adc = new Float64Array(20).fill(1);
  private lastDay = -Infinity;
  /** Saturation vapor pressure at the air temperature (in Hg). */
  private ea = 0;
  private wind = 0;
  private airF = 70;
  private readonly ignoreSnowmelt: boolean;
  private readonly rainUcf: number;
  private readonly scf: Float64Array;

  // ---- snowpacks
  private readonly sets: MeltSet[] = [];
  /** Per subcatchment: melt set index, −1 without a snowpack. */
  readonly pack: Int32Array;
  /** Subcatchment areas and their LID areas (ft², the runoff state's own arrays): snow lies on the non-LID part. */
  private readonly subArea: ArrayLike<number>;
  private readonly lidArea: ArrayLike<number>;
  /** Snow plus free water of each pack at the start (ft over the non-LID area). */
  private readonly initCoverFt: Float64Array;
  private readonly fArea: Float64Array;
  private readonly wsnow: Float64Array;
  private readonly fw: Float64Array;
  private readonly coldc: Float64Array;
  private readonly ati: Float64Array;
  private readonly awe: Float64Array;
  private readonly sba: Float64Array;
  private readonly sbws: Float64Array;
  private readonly imelt: Float64Array;
  readonly oldDepth: Float64Array;
  readonly newDepth: Float64Array;
  /** Snow plowed out of the system (ft³). */
  removedFt3 = 0;
  /** [SNOWPACKS] defines at least one set (the continuity table then has snow rows). */
  readonly hasPacks: boolean;

  // ---- per-step scratch (set by split())
  rainFtS = 0;
  snowFtS = 0;
  /** Net precipitation per subarea (IMPERV0, IMPERV1, PERV) written by melt(). */
  readonly netPrecip = new Float64Array(3);

  readonly errors: EngineError[] = [];

  constructor(model: Model, uf: UnitFactors, fracImperv: ArrayLike<number>, areaFt2: ArrayLike<number>, lidAreaFt2: ArrayLike<number>) {
    const n = model.subcatchments.length;
    this.si = uf.system === 'SI';
    this.rainUcf = uf.rainfall;
    this.ignoreSnowmelt = model.options.ignoreSnowmelt;
    this.scf = Float64Array.from(model.gages, (g) => g.snowCatchFactor);
    // SWMM's defaults (Reference Manual Vol. I, Table 5-1).
    let snotmp = 34;
    let tipm = 0.5;
    let rnm = 0.6;
    let elevFt = 0;
    let series: { times: ArrayLike<number>; values: ArrayLike<number> } | null = null;
    for (const ln of model.extra['[TEMPERATURE]']?.lines ?? []) {
      const t = ln.tokens;
      const key = (t[0] ?? '').toUpperCase();
      if (key === 'TIMESERIES') {
        const ts = model.timeseries.find((s) => s.name.toUpperCase() === (t[1] ?? '').toUpperCase());
        if (!ts) this.errors.push({ code: 209, message: `undefined temperature time series ${t[1] ?? ''}`, line: ln.line, section: '[TEMPERATURE]', token: t[1] ?? '' });
        else series = { times: ts.times, values: ts.values };
      } else if (key === 'WINDSPEED' && (t[1] ?? '').toUpperCase() === 'MONTHLY') {
        for (let m = 0; m < 12; m++) this.windMph[m] = readNumber(t[m + 2]) / uf.windSpeed;
      } else if (key === 'SNOWMELT') {
        snotmp = readNumber(t[1]);
        if (this.si) snotmp = (9 / 5) * snotmp + 32;
        tipm = readNumber(t[2]);
        rnm = readNumber(t[3]);
        elevFt = readNumber(t[4]) / uf.length;
        if (!(tipm >= 0 && tipm <= 1 && rnm >= 0 && rnm <= 1) || !(Math.abs(readNumber(t[5])) < 89.99)) {
          this.errors.push({ code: 221, message: 'invalid snow melt climatology parameters', line: ln.line, section: '[TEMPERATURE]', token: 'SNOWMELT' });
        }
      } else if (key === 'ADC') {
        const off = (t[1] ?? '').toUpperCase().startsWith('IMPERV') ? 0 : 10;
        for (let i = 0; i < 10; i++) this.adc[off + i] = readNumber(t[i + 2]);
      }
    }
    this.snowTempF = snotmp;
    this.tipm = tipm;
    this.rnm = rnm;
    // Psychrometric constant from the atmospheric pressure at the site's elevation.
    const z = elevFt / 1000;
    const pa = z <= 0 ? 29.9 : 29.9 - 1.02 * z + 0.0032 * Math.pow(z, 2.4);
    this.gamma = 0.000359 * pa;
    this.hasTempSeries = series !== null;
    this.tTimes = series?.times ?? [];
    this.tValues = series?.values ?? [];
    for (const ln of model.extra['[ADJUSTMENTS]']?.lines ?? []) {
      if (!(ln.tokens[0] ?? '').toUpperCase().startsWith('TEMP')) continue;
      for (let m = 0; m < 12; m++) this.adjTempF[m] = readNumber(ln.tokens[m + 1]) * (this.si ? 9 / 5 : 1);
    }

    // ---- melt parameter sets
    const setIdx = new Map<string, number>();
    const subIdx = new Map(model.subcatchments.map((s, j) => [s.name.toUpperCase(), j] as const));
    const ucfT = uf.temperature;
    for (const ln of model.extra['[SNOWPACKS]']?.lines ?? []) {
      const t = ln.tokens;
      const key = (t[0] ?? '').toUpperCase();
      let k = setIdx.get(key);
      if (k === undefined) {
        k = this.sets.length;
        setIdx.set(key, k);
        this.sets.push({
          name: t[0]!, dhmin: new Float64Array(3), dhmax: new Float64Array(3), tbase: new Float64Array(3), fwfrac: new Float64Array(3),
          wsnow0: new Float64Array(3), fw0: new Float64Array(3), snn: 0, si: new Float64Array(3), weplow: 1e6,
          sfrac: new Float64Array(5), toSubcatch: -1, dhm: new Float64Array(3),
        });
      }
      const s = this.sets[k]!;
      const surf = ['PLOWABLE', 'IMPERVIOUS', 'PERVIOUS', 'REMOVAL'].findIndex((w) => w.startsWith((t[1] ?? '').toUpperCase()) && (t[1] ?? '') !== '');
      const x = (i: number): number => readNumber(t[i + 2]);
      if (surf >= 0 && surf <= 2) {
        // Melt coefficients in in/hr/°F (mm/hr/°C) converted as SWMM does.
        s.dhmin[surf] = (x(0) * ucfT) / uf.rainfall;
        s.dhmax[surf] = (x(1) * ucfT) / uf.rainfall;
        s.tbase[surf] = this.si ? (9 / 5) * x(2) + 32 : x(2);
        s.fwfrac[surf] = x(3);
        s.wsnow0[surf] = x(4) / uf.rainDepth;
        s.fw0[surf] = Math.min(x(5), x(3) * x(4)) / uf.rainDepth;
        if (surf === SNOW_PLOWABLE) s.snn = x(6);
        else s.si[surf] = x(6) / uf.rainDepth;
      } else if (surf === 3) {
        s.weplow = x(0) / uf.rainDepth;
        for (let i = 0; i < 5; i++) s.sfrac[i] = x(i + 1);
        const to = t[8];
        s.toSubcatch = to !== undefined && to !== '' ? subIdx.get(to.toUpperCase()) ?? -1 : -1;
      }
    }
    for (const s of this.sets) {
      let bad = s.snn < 0 || s.snn > 1;
      for (let i = 0; i < 3; i++) if (s.dhmin[i]! > s.dhmax[i]! || s.fwfrac[i]! < 0 || s.fwfrac[i]! > 1) bad = true;
      let sum = 0;
      for (let i = 0; i < 5; i++) sum += s.sfrac[i]!;
      if (sum > 1.01) bad = true;
      if (bad) this.errors.push({ code: 219, message: `invalid snow pack parameters for ${s.name}`, section: '[SNOWPACKS]', token: s.name });
    }

    // ---- subcatchment snowpacks
    this.pack = new Int32Array(n).fill(-1);
    this.subArea = areaFt2;
    this.lidArea = lidAreaFt2;
    this.initCoverFt = new Float64Array(n);
    const f3 = (): Float64Array => new Float64Array(3 * n);
    this.fArea = f3();
    this.wsnow = f3();
    this.fw = f3();
    this.coldc = f3();
    this.ati = f3();
    this.awe = f3();
    this.sba = f3();
    this.sbws = f3();
    this.imelt = f3();
    this.oldDepth = new Float64Array(n);
    this.newDepth = new Float64Array(n);
    if (!this.ignoreSnowmelt) {
      model.subcatchments.forEach((sc, j) => {
        if (!sc.snowPack) return;
        const k = setIdx.get(sc.snowPack.toUpperCase());
        if (k === undefined) {
          this.errors.push({ code: 209, message: `undefined snow pack ${sc.snowPack} for subcatchment ${sc.name}`, section: '[SUBCATCHMENTS]', token: sc.snowPack });
          return;
        }
        this.pack[j] = k;
      });
    }
    // SWMM prints the snow rows of the continuity table whenever [SNOWPACKS] defines a set.
    this.hasPacks = this.sets.length > 0;
    for (let j = 0; j < n; j++) {
      this.initPack(j, fracImperv[j]!);
      this.initCoverFt[j] = this.coverDepthFt(j);
    }
  }

  private initPack(j: number, fImp: number): void {
    const k = this.pack[j]!;
    if (k < 0) return;
    const s = this.sets[k]!;
    const b = 3 * j;
    this.fArea[b + SNOW_PLOWABLE] = s.snn * fImp;
    this.fArea[b + SNOW_IMPERV] = (1 - s.snn) * fImp;
    this.fArea[b + SNOW_PERV] = 1 - fImp;
    let depth = 0;
    for (let i = 0; i < 3; i++) {
      const has = this.fArea[b + i]! > 0;
      this.wsnow[b + i] = has ? s.wsnow0[i]! : 0;
      this.fw[b + i] = has ? s.fw0[i]! : 0;
      this.coldc[b + i] = 0;
      this.ati[b + i] = s.tbase[i]!;
      this.awe[b + i] = 1;
      depth += this.wsnow[b + i]! * this.fArea[b + i]!;
    }
    this.newDepth[j] = depth;
    this.oldDepth[j] = depth;
  }

  /** Air temperature in effect (°F). */
  get airTempF(): number {
    return this.airF;
  }

  // ---------------------------------------------------------------- climate (each climate update)

  /** Temperature, vapor pressure, wind and (on a new day) the seasonal melt coefficients at t. */
  update(cl: ClimateState, t: number): void {
    const month = cl.month;
    const day = Math.floor(t);
    if (this.hasTempSeries && day > this.lastDay) {
      const s = Math.sin(0.0172615 * (dayOfYear(t) - 81.0));
      for (const set of this.sets) {
        for (let i = 0; i < 3; i++) set.dhm[i] = 0.5 * (set.dhmax[i]! * (1 + s) + set.dhmin[i]! * (1 - s));
      }
      this.lastDay = day;
    }
    if (this.hasTempSeries) {
      let ta = this.seriesValue(t);
      if (this.si) ta = (9 / 5) * ta + 32;
      ta += this.adjTempF[month - 1]!;
      this.airF = ta;
      cl.airTempF = ta;
    }
    this.ea = 8.1175e6 * Math.exp(-7701.544 / (this.airF + 405.0265));
    this.wind = this.windMph[month - 1]!;
  }

  /** Time-series temperature at t: linear between entries, end values held beyond them. */
  private seriesValue(t: number): number {
    const xs = this.tTimes;
    const ys = this.tValues;
    const n = xs.length;
    if (n === 0) return this.airF;
    if (t <= xs[0]!) return ys[0]!;
    if (t >= xs[n - 1]!) return ys[n - 1]!;
    let k = this.tCursor;
    if (k >= n - 1 || xs[k]! > t) k = 0;
    while (k < n - 2 && xs[k + 1]! < t) k++;
    this.tCursor = k;
    const x1 = xs[k]!;
    const x2 = xs[k + 1]!;
    return x2 === x1 ? ys[k]! : ys[k]! + ((t - x1) / (x2 - x1)) * (ys[k + 1]! - ys[k]!);
  }

  // ---------------------------------------------------------------- precipitation & packs

  /** Split gage g's current intensity into rain and snow (ft/s) into rainFtS / snowFtS. */
  split(cl: ClimateState, g: number): void {
    this.rainFtS = 0;
    this.snowFtS = 0;
    if (g < 0) return;
    const p = cl.rainfall[g]!;
    if (!this.ignoreSnowmelt && this.airF <= this.snowTempF) this.snowFtS = (p * this.scf[g]!) / this.rainUcf;
    else this.rainFtS = p / this.rainUcf;
  }

  /** Step start for subcatchment j: remember the depth for report interpolation. */
  saveOld(j: number): void {
    this.oldDepth[j] = this.newDepth[j]!;
  }

  /** Add this step's snowfall (from split()) to j's pack and plow excess snow. */
  plow(j: number, dt: number): void {
    const k = this.pack[j]!;
    if (k < 0) return;
    const b = 3 * j;
    const snow = this.snowFtS;
    for (let i = 0; i < 3; i++) {
      if (this.fArea[b + i]! > 0) {
        this.wsnow[b + i] = this.wsnow[b + i]! + snow * dt;
        this.imelt[b + i] = 0;
      }
    }
    const fP = this.fArea[b + SNOW_PLOWABLE]!;
    if (fP <= 0) return;
    const s = this.sets[k]!;
    const exc = this.wsnow[b + SNOW_PLOWABLE]!;
    if (exc < s.weplow) return;
    // Out of the system (from the plowable part of the non-LID area).
    this.removedFt3 += s.sfrac[0]! * exc * fP * (this.subArea[j]! - this.lidArea[j]!);
    let moved = s.sfrac[0]!;
    // Onto the other impervious area and the pervious area (depths scaled by area ratios).
    if (this.fArea[b + SNOW_IMPERV]! > 0) {
      this.wsnow[b + SNOW_IMPERV] = this.wsnow[b + SNOW_IMPERV]! + (s.sfrac[1]! * exc * fP) / this.fArea[b + SNOW_IMPERV]!;
      moved += s.sfrac[1]!;
    }
    if (this.fArea[b + SNOW_PERV]! > 0) {
      this.wsnow[b + SNOW_PERV] = this.wsnow[b + SNOW_PERV]! + (s.sfrac[2]! * exc * fP) / this.fArea[b + SNOW_PERV]!;
      moved += s.sfrac[2]!;
    }
    // Melted at once.
    this.imelt[b + SNOW_PLOWABLE] = (s.sfrac[3]! * exc) / dt;
    moved += s.sfrac[3]!;
    // To another subcatchment's pervious area ([as-is] scaled by area fractions only).
    if (s.sfrac[4]! > 0) {
      const m = s.toSubcatch;
      const fTo = m >= 0 && this.pack[m]! >= 0 ? this.fArea[3 * m + SNOW_PERV]! : 0;
      if (fTo > 0) {
        this.wsnow[3 * m + SNOW_PERV] = this.wsnow[3 * m + SNOW_PERV]! + (s.sfrac[4]! * exc * fP) / fTo;
        moved += s.sfrac[4]!;
      }
    }
    if (moved > 1) moved = 1;
    this.wsnow[b + SNOW_PLOWABLE] = exc * (1 - moved);
  }

  /**
   * Melt j's pack over dt with this step's rain and snow (from split()); writes the net
   * precipitation of the three runoff subareas into netPrecip and returns the new snow depth
   * (ft of water over the whole subcatchment).
   */
  melt(j: number, fracImperv: number, dt: number): number {
    const k = this.pack[j]!;
    const s = this.sets[k]!;
    const b = 3 * j;
    const rain = this.rainFtS;
    const snow = this.snowFtS;
    const rmelt = this.rainMelt(rain);
    const net = this.netPrecip;
    let depth = 0;
    for (let i = 0; i < 3; i++) {
      const p = b + i;
      let asc: number;
      let smelt: number;
      if (this.wsnow[p]! <= MIN_PACK_FT) {
        asc = 0;
        smelt = 0;
        this.imelt[p] = this.imelt[p]! + (this.wsnow[p]! + this.fw[p]!) / dt;
        this.wsnow[p] = 0;
        this.fw[p] = 0;
        this.coldc[p] = 0;
      } else {
        asc = this.coveredFraction(s, p, i, snow, dt);
        smelt = this.meltRate(s, p, i, rmelt, asc, snow, dt);
        smelt = this.routeMelt(s, p, i, smelt, asc, rain, dt);
      }
      net[i] = smelt + this.imelt[p]! + rain * (1 - asc);
      depth += this.wsnow[p]! * this.fArea[p]!;
    }
    if (fracImperv > 0) {
      const imp = (net[SNOW_PLOWABLE]! * this.fArea[b + SNOW_PLOWABLE]! + net[SNOW_IMPERV]! * this.fArea[b + SNOW_IMPERV]!) / fracImperv;
      net[0] = imp;
      net[1] = imp;
    }
    this.newDepth[j] = depth;
    return depth;
  }

  /** Anderson's rain-on-snow melt (ft/s), 0 unless rain exceeds 0.02 in/hr. */
  private rainMelt(rain: number): number {
    const r = rain * FT_S_TO_IN_HR;
    if (r <= RATE_THRESHOLD_IN_HR) return 0;
    const u = 0.006 * this.wind;
    const m = (this.airF - 32) * (0.001167 + 7.5 * this.gamma * u + 0.007 * r) + 8.5 * u * (this.ea - 0.18);
    return m / FT_S_TO_IN_HR;
  }

  /** Snow-covered fraction of surface i (areal depletion). */
  private coveredFraction(s: MeltSet, p: number, i: number, snow: number, dt: number): number {
    if (i === SNOW_PLOWABLE) return 1;
    const si = s.si[i]!;
    const w = this.wsnow[p]!;
    if (si === 0 || w >= si) {
      this.awe[p] = 1;
      return 1;
    }
    if (w === 0) {
      this.awe[p] = 1;
      return 0;
    }
    if (snow > 0) {
      // New snow: full cover now, and a straight line back to the old cover afterwards.
      let awe = (w - snow * dt) / si;
      if (awe < 0) awe = 0;
      let sbws = awe + (0.75 * snow * dt) / si;
      if (sbws > 1) sbws = 1;
      this.awe[p] = awe;
      this.sba[p] = this.adcCover(i, awe);
      this.sbws[p] = sbws;
      return 1;
    }
    const awe = this.awe[p]!;
    const sba = this.sba[p]!;
    const sbws = this.sbws[p]!;
    const rel = w / si;
    if (rel < awe) {
      this.awe[p] = 1;
      return this.adcCover(i, rel);
    }
    if (rel >= sbws) return 1;
    return sba + ((1 - sba) / (sbws - awe)) * (rel - awe);
  }

  /** Covered fraction from the ADC at relative depth x (10 equal steps of x on [0, 1]). */
  private adcCover(i: number, x: number): number {
    if (i !== SNOW_IMPERV && i !== SNOW_PERV) return 1;
    if (x <= 0) return 0;
    if (x >= 0.9999) return 1;
    const off = i === SNOW_IMPERV ? 0 : 10;
    const m = Math.floor(x * 10 + 0.00001);
    const a1 = this.adc[off + m]!;
    const a2 = m >= 9 ? 1 : this.adc[off + m + 1]!;
    return a1 + ((a2 - a1) / 0.1) * (x - 0.1 * m);
  }

  /** Potential melt (ft/s) over surface i, after the cold content is satisfied. */
  private meltRate(s: MeltSet, p: number, i: number, rmelt: number, asc: number, snow: number, dt: number): number {
    let m: number;
    const tb = s.tbase[i]!;
    if (rmelt > 0) m = rmelt;
    else if (this.airF >= tb) m = s.dhm[i]! * (this.airF - tb);
    else {
      this.coolPack(s, p, i, asc, snow, dt);
      return 0;
    }
    m *= asc;
    // Melt first warms the pack: the negative melt ratio converts cold content to melt.
    const ccFactor = dt * this.rnm * asc;
    let cc = this.coldc[p]!;
    if (m * ccFactor > cc) {
      m -= cc / ccFactor;
      cc = 0;
    } else {
      cc -= m * ccFactor;
      m = 0;
    }
    this.coldc[p] = cc;
    this.ati[p] = tb;
    return m;
  }

  /** Non-melt conditions: update the ATI and the pack's cold content. */
  private coolPack(s: MeltSet, p: number, i: number, asc: number, snow: number, dt: number): void {
    let ati = this.ati[p]!;
    if (snow * FT_S_TO_IN_HR > RATE_THRESHOLD_IN_HR) ati = this.airF;
    else {
      // ATI weight is given on a 6-hour basis.
      const w = 1 - Math.pow(1 - this.tipm, dt / (6 * 3600));
      ati += w * (this.airF - ati);
    }
    const tb = s.tbase[i]!;
    if (ati > tb) ati = tb;
    let cc = this.coldc[p]! + this.rnm * s.dhm[i]! * (ati - this.airF) * dt * asc;
    if (cc < 0) cc = 0;
    // Specific heat of snow: 0.007 in of water per °F below the base temperature.
    const ccMax = ((this.wsnow[p]! * 0.007) / 12) * (tb - ati);
    if (cc > ccMax) cc = ccMax;
    this.coldc[p] = cc;
    this.ati[p] = ati;
  }

  /** Route melt and rain on the covered area through the pack's free water; returns liquid melt (ft/s). */
  private routeMelt(s: MeltSet, p: number, i: number, smelt: number, asc: number, rain: number, dt: number): number {
    let v = smelt * dt;
    if (v > this.wsnow[p]!) v = this.wsnow[p]!;
    this.wsnow[p] = this.wsnow[p]! - v;
    this.fw[p] = this.fw[p]! + v + rain * dt * asc;
    let out = this.fw[p]! - s.fwfrac[i]! * this.wsnow[p]!;
    if (out < 0) out = 0;
    this.fw[p] = this.fw[p]! - out;
    return out / dt;
  }

  /** Snow plus free water of j's pack, as a depth over its non-LID area (ft). */
  private coverDepthFt(j: number): number {
    if (this.pack[j]! < 0) return 0;
    const b = 3 * j;
    let v = 0;
    for (let i = 0; i < 3; i++) v += (this.wsnow[b + i]! + this.fw[b + i]!) * this.fArea[b + i]!;
    return v;
  }

  /** Water held in j's pack, snow plus free water (ft³); the pack covers the non-LID area only. */
  coverFt3(j: number): number {
    return this.coverDepthFt(j) * (this.subArea[j]! - this.lidArea[j]!);
  }

  /** Snow cover at the start (ft³), over the areas as they are now (LID units are added after the packs). */
  get initialCoverFt3(): number {
    let v = 0;
    for (let j = 0; j < this.pack.length; j++) v += this.initCoverFt[j]! * (this.subArea[j]! - this.lidArea[j]!);
    return v;
  }

  /** Total snow cover of all packs (ft³). */
  totalCoverFt3(): number {
    let v = 0;
    for (let j = 0; j < this.pack.length; j++) v += this.coverFt3(j);
    return v;
  }

  /** Some subcatchment has snow (keeps the runoff wet step). */
  hasSnowCover(): boolean {
    for (let j = 0; j < this.newDepth.length; j++) if (this.newDepth[j]! > 0) return true;
    return false;
  }
}

/** Build the snow/temperature model when the model has [TEMPERATURE] data or snowpacks; else null. */
export function createSnow(
  model: Model, uf: UnitFactors, fracImperv: ArrayLike<number>, areaFt2: ArrayLike<number>, lidAreaFt2: ArrayLike<number>,
): SnowModel | null {
  const hasTemp = (model.extra['[TEMPERATURE]']?.lines.length ?? 0) > 0;
  const hasPacks = (model.extra['[SNOWPACKS]']?.lines.length ?? 0) > 0;
  if (!hasTemp && !hasPacks) return null;
  return new SnowModel(model, uf, fracImperv, areaFt2, lidAreaFt2);
}
