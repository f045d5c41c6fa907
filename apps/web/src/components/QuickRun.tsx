// "Quick what-if in the browser": the scenario's .inp runs in a Web Worker with the same engine as the server,
// so a designer can try a change without queueing a server run. Nothing is saved.
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { readSwmmOut } from '../lib/swmmOut';
import { unitSystem } from '../lib/units';
import { startQuickRun, type QuickRunHandle, type QuickRunOutcome } from '../worker/quickRun';
import { EChart } from './EChart';
import { hydrographOption } from './ResultsView';
import { ProgressBar } from './RunStatus';

export function QuickRun({ scenarioId }: { scenarioId: string }) {
  const { t } = useTranslation();
  const [progress, setProgress] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<QuickRunOutcome | null>(null);
  const [fetchError, setFetchError] = useState<string | null>(null);
  const handle = useRef<QuickRunHandle | null>(null);

  async function run() {
    setOutcome(null);
    setFetchError(null);
    setProgress(0);
    try {
      const inp = await api.scenarioInp(scenarioId);
      handle.current = startQuickRun(inp, setProgress);
      setOutcome(await handle.current.promise);
    } catch (e) {
      setFetchError(e instanceof Error ? e.message : String(e));
    } finally {
      handle.current = null;
      setProgress(null);
    }
  }

  // Outfall hydrographs and the peak outfall inflow, read from the engine's .out bytes.
  const fromOut = useMemo(() => {
    if (!outcome || outcome.type !== 'done' || !outcome.ok || outcome.output.byteLength === 0) return null;
    try {
      const out = readSwmmOut(outcome.output);
      const times = out.times();
      const outfalls = out.nodes.map((name, k) => ({ name, k })).filter((n) => out.nodeTypes[n.k] === 'outfall');
      let peak = 0;
      for (const n of outfalls) for (const v of out.nodeSeries(n.k, 4)) peak = Math.max(peak, v);
      const lines = outfalls.slice(0, 4).map((n, i) => ({
        name: n.name,
        color: ['#2563eb', '#d7301f', '#059669', '#7c3aed'][i]!,
        series: { times, values: Array.from(out.nodeSeries(n.k, 4)), unit: out.flowUnits },
      }));
      return {
        flowUnits: out.flowUnits,
        peak: outfalls.length ? peak : null,
        chart: lines.length ? hydrographOption(lines, t('results.flow', { unit: out.flowUnits })) : null,
      };
    } catch {
      return null;
    }
  }, [outcome, t]);
  const chart = fromOut?.chart ?? null;
  const summary = outcome?.type === 'done' ? outcome.summary : null;
  const si = unitSystem(summary?.flowUnits) === 'SI';
  // The engine reports volumes as SWMM prints them (ha·m or acre·ft); the rest of the UI shows m³ / ft³.
  const toVolume = (v: number | null | undefined) => (v == null ? null : v * (si ? 1e4 : 43_560));
  const fmtNum = (v: number | null | undefined, digits = 1) =>
    v == null || !Number.isFinite(v) ? '—' : v.toLocaleString(undefined, { maximumFractionDigits: digits });

  return (
    <div className="quick-run">
      <div className="row">
        <button onClick={() => void run()} disabled={progress !== null} data-testid="quick-run" title={t('quick.hint')}>
          {t('quick.run')}
        </button>
        {progress !== null ? (
          <button className="link" onClick={() => handle.current?.cancel()}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
      {progress !== null ? <ProgressBar fraction={progress} label={t('quick.run')} /> : null}
      {fetchError ? <p className="error-note">{fetchError}</p> : null}
      {outcome?.type === 'error' ? (
        <p className={outcome.code === 'CANCELLED' ? 'muted small' : 'error-note'} data-testid="quick-error">
          {t(`quick.${outcome.code}`)}
        </p>
      ) : null}
      {outcome?.type === 'done' ? (
        <div className="quick-result" data-testid="quick-result">
          {outcome.ok ? (
            <table className="data">
              <tbody>
                <tr><th>{t('quick.wall')}</th><td>{(outcome.wallMs / 1000).toFixed(2)} s</td></tr>
                <tr><th>{t('quick.peak', { unit: fromOut?.flowUnits ?? summary?.flowUnits ?? '' })}</th><td>{fmtNum(fromOut?.peak)}</td></tr>
                <tr><th>{t('quick.runoffVolume', { unit: si ? 'm³' : 'ft³' })}</th><td>{fmtNum(toVolume(summary?.totalRunoffVolume))}</td></tr>
                <tr><th>{t('quick.runoffError')}</th><td>{fmtNum(summary?.runoffContinuityErrorPct, 2)} %</td></tr>
                <tr><th>{t('quick.routingError')}</th><td>{fmtNum(summary?.routingContinuityErrorPct, 2)} %</td></tr>
              </tbody>
            </table>
          ) : (
            <ul className="error-note">
              {outcome.errors.slice(0, 8).map((e, k) => (
                <li key={k}>
                  {e.code}: {e.message}
                  {e.line != null ? ` (${t('common.line', { line: e.line })})` : ''}
                </li>
              ))}
            </ul>
          )}
          {chart ? <EChart option={chart} height={220} testId="quick-hydrograph" /> : null}
        </div>
      ) : null}
    </div>
  );
}
