// "Design storm" form: a Chicago hyetograph from a storm-intensity formula (the library in @haimian/design, or
// user parameters), previewed by the server (POST /api/design/storm) and attached to the scenario as a
// designStorm change that replaces the model's rainfall.
import { STORM_FORMULAS } from '@haimian/design';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { DesignStormChange, DesignStormPreview, StormParams } from '../api/types';
import { EChart, type ChartOption } from './EChart';

const CUSTOM = '__custom__';

interface Props {
  initial: DesignStormChange | null;
  onSave: (change: DesignStormChange) => Promise<void>;
  onClose: () => void;
}

export function StormDialog({ initial, onSave, onClose }: Props) {
  const { t } = useTranslation();
  const init = initial ?? { kind: 'designStorm' as const, periodYears: 3, durationMin: 120, stepMin: 5, peak: 0.4 };
  const [formulaId, setFormulaId] = useState(typeof init.formula === 'object' ? CUSTOM : (init.formula ?? 'beijing'));
  const [params, setParams] = useState<Record<keyof StormParams, string>>(() => {
    const p = typeof init.formula === 'object' ? init.formula : { A: 2001, C: 0.811, b: 8, n: 0.711 };
    return { A: String(p.A), C: String(p.C), b: String(p.b), n: String(p.n) };
  });
  const [period, setPeriod] = useState(String(init.periodYears));
  const [duration, setDuration] = useState(String(init.durationMin));
  const [step, setStep] = useState(String(init.stepMin));
  const [peak, setPeak] = useState(String(init.peak));
  const [preview, setPreview] = useState<DesignStormPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const change = useMemo((): DesignStormChange | null => {
    const num = (s: string) => (s.trim() === '' ? NaN : Number(s));
    const c: DesignStormChange = {
      kind: 'designStorm',
      periodYears: num(period),
      durationMin: num(duration),
      stepMin: num(step),
      peak: num(peak),
      formula:
        formulaId === CUSTOM ? { A: num(params.A), C: num(params.C), b: num(params.b), n: num(params.n) } : formulaId,
    };
    const nums = [c.periodYears, c.durationMin, c.stepMin, c.peak, ...(typeof c.formula === 'object' ? Object.values(c.formula) : [])];
    return nums.every(Number.isFinite) ? c : null;
  }, [formulaId, params, period, duration, step, peak]);

  // Preview after the inputs settle.
  useEffect(() => {
    setError(null);
    if (!change) {
      setPreview(null);
      return;
    }
    let live = true;
    const timer = window.setTimeout(() => {
      const { formula, ...rest } = change;
      api
        .designStorm({ ...rest, ...(typeof formula === 'object' ? { params: formula } : { formula }) })
        .then(
          (p) => live && setPreview(p),
          (e) => {
            if (!live) return;
            setPreview(null);
            setError(e instanceof Error ? e.message : String(e));
          },
        );
    }, 250);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [change]);

  const option = useMemo((): ChartOption | null => {
    if (!preview || !change) return null;
    return {
      animation: false,
      grid: { left: 48, right: 12, top: 28, bottom: 28 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', name: 'min', data: preview.intensitiesMmPerH.map((_, k) => String((k + 1) * change.stepMin)) },
      yAxis: { type: 'value', name: t('storm.intensity') },
      series: [{ type: 'bar', data: preview.intensitiesMmPerH.map((v) => Number(v.toFixed(2))), itemStyle: { color: '#0f766e' } }],
    };
  }, [preview, change, t]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!change || !preview) return;
    setBusy(true);
    try {
      await onSave(change);
      onClose();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  }

  return (
    <div className="modal-backdrop" role="presentation" onClick={onClose}>
      <form className="modal wide" role="dialog" aria-modal="true" aria-labelledby="storm-title" onSubmit={submit} onClick={(e) => e.stopPropagation()} data-testid="storm-dialog">
        <h2 id="storm-title">{t('storm.title')}</h2>
        <p className="muted small">{t('storm.hint')}</p>
        <label>
          {t('storm.formula')}
          <select value={formulaId} onChange={(e) => setFormulaId(e.target.value)}>
            {STORM_FORMULAS.map((f) => (
              <option key={f.id} value={f.id}>
                {f.region ? `${f.region} · ` : ''}
                {f.id}
              </option>
            ))}
            <option value={CUSTOM}>{t('storm.custom')}</option>
          </select>
        </label>
        {formulaId === CUSTOM ? (
          <div className="form-row">
            {(['A', 'C', 'b', 'n'] as const).map((k) => (
              <label key={k}>
                {k}
                <input type="number" step="any" value={params[k]} onChange={(e) => setParams((p) => ({ ...p, [k]: e.target.value }))} />
              </label>
            ))}
          </div>
        ) : (
          <p className="muted small">{STORM_FORMULAS.find((f) => f.id === formulaId)?.name}</p>
        )}
        <div className="form-row">
          <label>
            {t('storm.period')}
            <input type="number" min="0" step="any" value={period} onChange={(e) => setPeriod(e.target.value)} />
          </label>
          <label>
            {t('storm.duration')}
            <input type="number" min="1" step="1" value={duration} onChange={(e) => setDuration(e.target.value)} />
          </label>
          <label>
            {t('storm.step')}
            <input type="number" min="1" step="1" value={step} onChange={(e) => setStep(e.target.value)} />
          </label>
          <label>
            {t('storm.peak')}
            <input type="number" min="0" max="1" step="0.05" value={peak} onChange={(e) => setPeak(e.target.value)} />
          </label>
        </div>
        {preview ? (
          <p data-testid="storm-total">
            {t('storm.total', { depth: preview.totalDepthMm.toFixed(1), peak: preview.peakTimeMin })}
          </p>
        ) : null}
        {option ? <EChart option={option} height={180} /> : null}
        {error ? <p className="error-note">{error}</p> : null}
        <div className="actions">
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy || !preview}>
            {t('storm.apply')}
          </button>
        </div>
      </form>
    </div>
  );
}
