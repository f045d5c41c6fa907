// Results of the current scenario's latest finished run, beside the baseline's: hydrographs, continuity,
// and the comparison table (peak flow, runoff volume, event control rate).
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { CompareResult, Run, RunResults, Scenario, Series } from '../api/types';
import { unitLabels } from '../lib/units';
import { EChart, type ChartOption } from './EChart';
import { ErrorNote } from './ErrorNote';

const MAX_OUTFALLS = 4;
const BASELINE_COLOR = '#64748b';
const PALETTE = ['#2563eb', '#d7301f', '#059669', '#7c3aed', '#ea580c', '#0891b2', '#be185d', '#4d7c0f'];

interface Props {
  flowUnits: string;
  scenario: Scenario;
  scenarioRun: Run | undefined;
  results: RunResults | null;
  baselineRun: Run | undefined;
  baselineResults: RunResults | null;
  chosenNodes: readonly string[];
}

function fmt(v: number | null | undefined, digits = 3): string {
  if (v == null || !Number.isFinite(v)) return '—';
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e6 || a < 1e-3)) return v.toExponential(2);
  return v.toLocaleString(undefined, { maximumFractionDigits: a >= 100 ? 1 : digits });
}

function pct(v: number | null | undefined): string {
  if (v == null || !Number.isFinite(v)) return '—';
  return `${v > 0 ? '+' : ''}${v.toFixed(1)}%`;
}

/** Event control rate arrives as a fraction (0..1); shown as a percentage. */
function rate(v: number | null | undefined): string {
  if (v == null || !Number.isFinite(v)) return '—';
  return `${(v * 100).toFixed(1)}%`;
}

export function totals(r: RunResults | null) {
  if (!r) return null;
  return {
    peakFlow: r.totals?.peakOutflow ?? (r.outfalls.length ? Math.max(...r.outfalls.map((o) => o.peakFlow)) : null),
    runoffVolume: r.totals?.runoffVolume ?? r.subcatchments.reduce((s, x) => s + (x.runoffVolume ?? 0), 0),
    outflowVolume: r.totals?.outflowVolume ?? r.outfalls.reduce((s, o) => s + (o.volume ?? 0), 0),
    precipVolume: r.totals?.precipVolume ?? null,
    controlRate: r.eventControlRate ?? null,
  };
}

type SeriesKey = string;

function useSeries(runId: string | undefined, names: readonly string[]) {
  const [series, setSeries] = useState<Record<SeriesKey, Series>>({});
  const [error, setError] = useState<unknown>(null);
  const key = names.join('\u0000');
  useEffect(() => {
    setSeries({});
    setError(null);
    if (!runId || names.length === 0) return;
    let live = true;
    Promise.all(names.map((n) => api.runSeries(runId, 'node', n, 'total_inflow').then((s) => [n, s] as const))).then(
      (pairs) => live && setSeries(Object.fromEntries(pairs)),
      (e) => live && setError(e),
    );
    return () => {
      live = false;
    };
    // `key` captures `names`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [runId, key]);
  return { series, error };
}

export function hydrographOption(
  lines: { name: string; series: Series; color: string; dashed?: boolean }[],
  yName: string,
): ChartOption {
  return {
    animation: false,
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? v.toPrecision(4) : String(v)) },
    legend: { type: 'scroll', top: 0, icon: 'roundRect', itemHeight: 4 },
    grid: { left: 56, right: 16, top: 36, bottom: 56 },
    // Model clock: hours and minutes, the date where a day starts.
    xAxis: { type: 'time', axisLabel: { formatter: { year: '{yyyy}-{MM}-{dd}', month: '{MM}-{dd}', day: '{MM}-{dd}', hour: '{HH}:{mm}', minute: '{HH}:{mm}' } } },
    yAxis: { type: 'value', name: yName, nameGap: 12 },
    dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }],
    series: lines.map((l) => ({
      name: l.name,
      type: 'line',
      showSymbol: false,
      sampling: 'lttb',
      lineStyle: { width: l.dashed ? 1.5 : 2, type: l.dashed ? 'dashed' : 'solid', color: l.color },
      itemStyle: { color: l.color },
      data: l.series.times.map((t, k) => [t, l.series.values[k]]),
    })),
  };
}

export function ResultsView({ flowUnits, scenario, scenarioRun, results, baselineRun, baselineResults, chosenNodes }: Props) {
  const { t } = useTranslation();
  const units = unitLabels(flowUnits, results?.units);
  const compareWithBaseline = !scenario.isBaseline && !!baselineRun && baselineRun.id !== scenarioRun?.id;
  const outfalls = useMemo(() => (results?.outfalls ?? []).slice(0, MAX_OUTFALLS).map((o) => o.name), [results]);
  const names = useMemo(() => [...new Set([...outfalls, ...chosenNodes])], [outfalls, chosenNodes]);
  const scen = useSeries(scenarioRun?.id, names);
  const base = useSeries(compareWithBaseline ? baselineRun?.id : undefined, names);
  const [cmp, setCmp] = useState<CompareResult | null>(null);
  const [cmpError, setCmpError] = useState<unknown>(null);

  useEffect(() => {
    setCmp(null);
    setCmpError(null);
    if (!compareWithBaseline || !scenarioRun || !baselineRun) return;
    let live = true;
    api.compare(baselineRun.id, scenarioRun.id).then(
      (c) => live && setCmp(c),
      (e) => live && setCmpError(e),
    );
    return () => {
      live = false;
    };
  }, [compareWithBaseline, scenarioRun, baselineRun]);

  const option = useMemo(() => {
    const lines: Parameters<typeof hydrographOption>[0] = [];
    names.forEach((n, k) => {
      const color = PALETTE[k % PALETTE.length]!;
      const s = scen.series[n];
      if (s) lines.push({ name: compareWithBaseline ? `${n} · ${scenario.name}` : n, series: s, color });
      const b = base.series[n];
      // Baseline: grey and dashed, so the scenario's line stands out where the two overlap.
      if (b) lines.push({ name: `${n} · ${t('scenarios.baseline')}`, series: b, color: BASELINE_COLOR, dashed: true });
    });
    const unit = Object.values(scen.series)[0]?.unit || units.flow;
    return hydrographOption(lines, t('results.flow', { unit }));
  }, [names, scen.series, base.series, compareWithBaseline, scenario.name, t, units.flow]);

  if (!scenarioRun) return <section className="results card"><p className="muted">{t('results.none')}</p></section>;

  const a = totals(cmp?.a ?? baselineResults);
  const b = totals(cmp?.b ?? results);
  return (
    <section className="results" data-testid="results">
      <div className="card">
        <h2>{t('results.hydrographs')}</h2>
        <p className="muted small">{compareWithBaseline ? t('results.hydrographHintCompare') : t('results.hydrographHint')}</p>
        {scen.error ? <ErrorNote error={scen.error} /> : null}
        {names.length === 0 ? <p className="muted">{t('results.noOutfalls')}</p> : <EChart option={option} testId="hydrograph" />}
      </div>

      {compareWithBaseline ? (
        <div className="card">
          <h2>{t('compare.title')}</h2>
          {cmpError ? <ErrorNote error={cmpError} /> : null}
          <table className="compare" data-testid="comparison">
            <thead>
              <tr>
                <th />
                <th>{t('scenarios.baseline')}</th>
                <th>{scenario.name}</th>
                <th>{t('compare.change')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th>{t('compare.peakFlow', { unit: units.flow })}</th>
                <td>{fmt(a?.peakFlow)}</td>
                <td>{fmt(b?.peakFlow)}</td>
                <td className={deltaClass(cmp?.deltas.peakFlowPct, -1)}>{pct(cmp?.deltas.peakFlowPct)}</td>
              </tr>
              <tr>
                <th>{t('compare.runoffVolume', { unit: units.volume })}</th>
                <td>{fmt(a?.runoffVolume)}</td>
                <td>{fmt(b?.runoffVolume)}</td>
                <td className={deltaClass(cmp?.deltas.runoffVolumePct, -1)}>{pct(cmp?.deltas.runoffVolumePct)}</td>
              </tr>
              <tr>
                <th>{t('compare.controlRate')}</th>
                <td>{rate(a?.controlRate)}</td>
                <td>{rate(b?.controlRate)}</td>
                <td className={deltaClass(cmp?.deltas.controlRate, 1)}>{cmp?.deltas.controlRate != null ? `${cmp.deltas.controlRate > 0 ? '+' : ''}${(cmp.deltas.controlRate * 100).toFixed(1)} pp` : '—'}</td>
              </tr>
            </tbody>
          </table>
          <p className="muted small">{t('compare.note')}</p>
        </div>
      ) : null}

      <div className="grid-2">
        <div className="card">
          <h2>{t('results.continuity')}</h2>
          <table className="data continuity" data-testid="continuity">
            <tbody>
              <tr><th>{t('results.precipVolume', { unit: units.volume })}</th><td>{fmt(b?.precipVolume)}</td></tr>
              <tr><th>{t('results.runoffVolume', { unit: units.volume })}</th><td>{fmt(b?.runoffVolume)}</td></tr>
              <tr><th>{t('results.outflowVolume', { unit: units.volume })}</th><td>{fmt(b?.outflowVolume)}</td></tr>
              <tr><th>{t('results.runoffContinuity')}</th><td>{errPct(results?.continuity.runoff)}</td></tr>
              <tr><th>{t('results.routingContinuity')}</th><td>{errPct(results?.continuity.routing)}</td></tr>
              <tr><th>{t('compare.controlRate')}</th><td>{rate(b?.controlRate)}</td></tr>
            </tbody>
          </table>
        </div>
        <div className="card">
          <h2>{t('results.outfalls')}</h2>
          <table className="data">
            <thead>
              <tr>
                <th>{t('results.name')}</th>
                <th>{t('results.peakFlow', { unit: units.flow })}</th>
                <th>{t('results.volume', { unit: units.volume })}</th>
              </tr>
            </thead>
            <tbody>
              {results?.outfalls.map((o) => (
                <tr key={o.name}>
                  <td>{o.name}</td>
                  <td>{fmt(o.peakFlow)}</td>
                  <td>{fmt(o.volume)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t('results.subcatchments')}</h3>
          <div className="scroll">
            <table className="data">
              <thead>
                <tr>
                  <th>{t('results.name')}</th>
                  <th>{t('results.runoffDepth', { unit: units.depth })}</th>
                  <th>{t('results.peakRunoff', { unit: units.flow })}</th>
                </tr>
              </thead>
              <tbody>
                {results?.subcatchments.map((s) => (
                  <tr key={s.name}>
                    <td>{s.name}</td>
                    <td>{fmt(s.runoffDepth)}</td>
                    <td>{fmt(s.peakRunoff)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="small">
            <a href={api.reportUrl(scenarioRun.id)} target="_blank" rel="noreferrer">
              {t('results.report')}
            </a>
          </p>
        </div>
      </div>
    </section>
  );
}

/** Green when the change goes the good way (less peak/volume, more control), red otherwise. */
function deltaClass(v: number | null | undefined, goodSign: 1 | -1): string {
  if (v == null || !Number.isFinite(v) || Math.abs(v) < 1e-9) return 'delta';
  return Math.sign(v) === goodSign ? 'delta good' : 'delta bad';
}

function errPct(v: number | null | undefined): string {
  return v == null || !Number.isFinite(v) ? '—' : `${v.toFixed(2)} %`;
}
