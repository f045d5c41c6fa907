import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Change, Run, Scenario } from '../api/types';
import { RunStatusBadge } from './RunStatus';

interface Props {
  scenarios: Scenario[];
  currentId: string | null;
  latestRuns: Record<string, Run | undefined>;
  onSelect: (id: string) => void;
  onCreate: (name: string) => Promise<void>;
  onRemoveChange: (change: Change) => Promise<void>;
  onDelete: (id: string) => Promise<void>;
  onOpenStorm: () => void;
  onSelectObject: (kind: 'subcatchment' | 'node' | 'link', name: string) => void;
}

export function describeChange(c: Change, t: (k: string, o?: Record<string, unknown>) => string): string {
  switch (c.kind) {
    case 'addLid':
      return t('changes.addLid', {
        type: t(`lidTypes.${c.lidType}`),
        sub: c.subcatchment,
        size: c.areaM2 != null ? `${c.number ?? 1} × ${c.areaM2} m²` : `${c.areaPct}%`,
      });
    case 'setParam':
      return t('changes.setParam', { object: c.name, field: t(`fields.${c.field}`, { defaultValue: c.field }), value: c.value });
    case 'designStorm':
      return t('changes.designStorm', { period: c.periodYears, duration: c.durationMin });
  }
}

const SELECTABLE = ['subcatchment', 'node', 'link'] as const;

/** The map object a change is about, if it is one the map can select. */
export function changeTarget(c: Change): { kind: (typeof SELECTABLE)[number]; name: string } | null {
  if (c.kind === 'addLid') return { kind: 'subcatchment', name: c.subcatchment };
  if (c.kind === 'setParam') {
    const kind = SELECTABLE.find((k) => k === c.objectKind);
    return kind ? { kind, name: c.name } : null;
  }
  return null;
}

export function ScenarioPanel({ scenarios, currentId, latestRuns, onSelect, onCreate, onRemoveChange, onDelete, onOpenStorm, onSelectObject }: Props) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const current = scenarios.find((s) => s.id === currentId) ?? null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) return;
    setBusy(true);
    try {
      await onCreate(name.trim());
      setCreating(false);
      setName('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="scenarios">
      <div className="section-head">
        <h2>{t('scenarios.title')}</h2>
        <button onClick={() => setCreating((v) => !v)} data-testid="new-scenario">
          + {t('scenarios.new')}
        </button>
      </div>
      {creating ? (
        <form onSubmit={submit} className="inline-form">
          <input
            autoFocus
            placeholder={t('scenarios.namePlaceholder')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            data-testid="scenario-name"
          />
          <button type="submit" className="primary" disabled={busy || !name.trim()} data-testid="scenario-create">
            {t('common.create')}
          </button>
        </form>
      ) : null}
      {creating && current ? <p className="muted small">{t('scenarios.copyHint', { name: current.name })}</p> : null}
      <ul className="scenario-list" data-testid="scenario-list">
        {scenarios.map((s) => (
          <li key={s.id}>
            <button className={s.id === currentId ? 'scenario current' : 'scenario'} onClick={() => onSelect(s.id)} aria-pressed={s.id === currentId}>
              <span className="scenario-name">{s.isBaseline ? t('scenarios.baseline') : s.name}</span>
              {s.isBaseline ? null : <span className="muted small">{t('scenarios.changes', { count: s.changes.length })}</span>}
              <RunStatusBadge run={latestRuns[s.id]} />
            </button>
          </li>
        ))}
      </ul>
      {current && !current.isBaseline ? (
        <div className="changes">
          <h3>{t('changes.title')}</h3>
          {current.changes.length === 0 ? <p className="muted small">{t('changes.empty')}</p> : null}
          <ul data-testid="change-list">
            {current.changes.map((c, k) => (
              <li key={k}>
                <button className="link" onClick={() => { const tg = changeTarget(c); if (tg) onSelectObject(tg.kind, tg.name); }} disabled={!changeTarget(c)}>
                  {describeChange(c, t)}
                </button>
                <button className="link" onClick={() => void onRemoveChange(c)} aria-label={t('common.remove')}>
                  ✕
                </button>
              </li>
            ))}
          </ul>
          <button className="small" onClick={onOpenStorm} data-testid="open-storm">
            {t('storm.open')}
          </button>
          <button
            className="link danger small"
            onClick={() => {
              if (window.confirm(t('scenarios.confirmDelete', { name: current.name }))) void onDelete(current.id);
            }}
          >
            {t('scenarios.delete')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
