import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LID_TYPES, type AddLidChange, type Change, type LidType } from '../api/types';
import { uniqueLidName } from '../lib/changes';

interface Props {
  subcatchment: string;
  changes: readonly Change[];
  onAdd: (change: AddLidChange) => Promise<void>;
  onClose: () => void;
}

/** "Add LID" form: one LID unit type on the selected subcatchment, sized by area (m²) or by share of the area. */
export function LidDialog({ subcatchment, changes, onAdd, onClose }: Props) {
  const { t } = useTranslation();
  const [lidType, setLidType] = useState<LidType>('BC');
  const [mode, setMode] = useState<'m2' | 'pct'>('m2');
  const [area, setArea] = useState('500');
  const [count, setCount] = useState('1');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const a = Number(area);
    const n = Math.round(Number(count));
    if (!(a > 0) || (mode === 'pct' && a > 100)) {
      setError(t('lid.badArea'));
      return;
    }
    if (!(n >= 1)) {
      setError(t('lid.badNumber'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onAdd({
        kind: 'addLid',
        subcatchment,
        lidName: uniqueLidName(changes, lidType, subcatchment),
        lidType,
        // SWMM's LID_USAGE sizes each unit; a share of the subcatchment is one unit covering that share.
        ...(mode === 'm2' ? { areaM2: a, number: n } : { areaPct: a, number: 1 }),
      });
      onClose();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  }

  return (
    <div className="modal-backdrop" role="presentation" onClick={onClose}>
      <form className="modal" role="dialog" aria-modal="true" aria-labelledby="lid-title" onSubmit={submit} onClick={(e) => e.stopPropagation()} data-testid="lid-dialog">
        <h2 id="lid-title">{t('lid.title', { name: subcatchment })}</h2>
        <label>
          {t('lid.type')}
          <select value={lidType} onChange={(e) => setLidType(e.target.value as LidType)} data-testid="lid-type">
            {LID_TYPES.map((k) => (
              <option key={k} value={k}>
                {k} — {t(`lidTypes.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <p className="muted small">{t(`lidHelp.${lidType}`)}</p>
        <fieldset className="inline">
          <legend>{t('lid.sizeBy')}</legend>
          <label>
            <input type="radio" name="mode" checked={mode === 'm2'} onChange={() => setMode('m2')} /> {t('lid.areaM2')}
          </label>
          <label>
            <input type="radio" name="mode" checked={mode === 'pct'} onChange={() => setMode('pct')} /> {t('lid.areaPct')}
          </label>
        </fieldset>
        <label>
          {mode === 'm2' ? t('lid.areaEachM2') : t('lid.areaShare')}
          <input type="number" min="0" step="any" value={area} onChange={(e) => setArea(e.target.value)} data-testid="lid-area" />
        </label>
        {mode === 'm2' ? (
          <label>
            {t('lid.number')}
            <input type="number" min="1" step="1" value={count} onChange={(e) => setCount(e.target.value)} data-testid="lid-number" />
          </label>
        ) : null}
        {error ? <p className="error-note">{error}</p> : null}
        <div className="actions">
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy} data-testid="lid-submit">
            {t('lid.add')}
          </button>
        </div>
      </form>
    </div>
  );
}
