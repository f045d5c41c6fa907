import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { AddLidChange, Change, ObjectProps, Scenario } from '../api/types';
import { overlayParams, parseFieldValue } from '../lib/changes';
import { ErrorNote } from './ErrorNote';
import type { Selection } from './MapView';

interface Props {
  modelId: string;
  scenario: Scenario | null;
  selected: Selection | null;
  onEdit: (field: string, value: string | number, objectKind: string) => Promise<void>;
  onRemoveChange: (change: Change) => Promise<void>;
  onAddLid: () => void;
  chosenNodes: readonly string[];
  onToggleNode: (name: string) => void;
}

/** Derived or identifying fields the server will not take as setParam edits. */
const READ_ONLY = new Set(['name', 'kind', 'lidUnits']);

/** Properties of the clicked object. In a non-baseline scenario they are editable; an edit is a setParam change. */
export function ObjectPanel({ modelId, scenario, selected, onEdit, onRemoveChange, onAddLid, chosenNodes, onToggleNode }: Props) {
  const { t } = useTranslation();
  const [obj, setObj] = useState<ObjectProps | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [draft, setDraft] = useState<Record<string, string>>({});

  useEffect(() => {
    setObj(null);
    setError(null);
    setDraft({});
    if (!selected) return;
    let live = true;
    api.getObject(modelId, selected.kind, selected.name).then(
      (o) => live && setObj(o),
      (e) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [modelId, selected]);

  if (!selected) return <aside className="object-panel"><p className="muted">{t('object.hint')}</p></aside>;
  const editable = !!scenario && !scenario.isBaseline;
  const objectKind = obj?.kind ?? selected.kind;
  const { values, edited } = obj ? overlayParams(obj.props, scenario?.changes ?? [], objectKind, selected.name) : { values: {}, edited: new Set<string>() };
  const lids = (scenario?.changes ?? []).filter((c): c is AddLidChange => c.kind === 'addLid' && c.subcatchment === selected.name);
  // The server answers with the concrete kind (junction, conduit, …) for a generic node/link selection.
  const concreteKind = obj?.kind ?? selected.kind;

  async function commit(field: string) {
    const raw = draft[field];
    if (raw === undefined) return;
    const value = parseFieldValue(raw, obj?.props[field]);
    setDraft(({ [field]: _, ...rest }) => rest);
    if (value === values[field]) return;
    try {
      await onEdit(field, value, objectKind);
    } catch (e) {
      setError(e);
    }
  }

  return (
    <aside className="object-panel" data-testid="object-panel">
      <header>
        <span className="kind-badge">{t(`kinds.${concreteKind}`, { defaultValue: concreteKind })}</span>
        <h2 data-testid="object-name">{selected.name}</h2>
      </header>
      {error ? <ErrorNote error={error} /> : null}
      {!obj && !error ? <p className="muted">{t('common.loading')}</p> : null}
      {selected.kind === 'subcatchment' ? (
        <section>
          <button className="primary" onClick={onAddLid} disabled={!editable} data-testid="add-lid" title={editable ? '' : t('object.needScenario')}>
            {t('lid.open')}
          </button>
          {!editable ? <p className="muted small">{t('object.needScenario')}</p> : null}
          {lids.length > 0 ? (
            <ul className="lid-list" data-testid="lid-list">
              {lids.map((l) => (
                <li key={l.lidName}>
                  <span>
                    {l.lidName} · {t(`lidTypes.${l.lidType}`)} ·{' '}
                    {l.areaM2 != null ? `${l.number ?? 1} × ${l.areaM2} m²` : `${l.areaPct}%`}
                  </span>
                  {editable ? (
                    <button className="link" onClick={() => void onRemoveChange(l)} aria-label={t('common.remove')}>
                      ✕
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
      {selected.kind === 'node' ? (
        <label className="checkbox">
          <input type="checkbox" checked={chosenNodes.includes(selected.name)} onChange={() => onToggleNode(selected.name)} data-testid="chart-node" />
          {t('object.showHydrograph')}
        </label>
      ) : null}
      {obj ? (
        <table className="props">
          <tbody>
            {Object.entries(values).map(([field, v]) => (
              <tr key={field} className={edited.has(field) ? 'edited' : undefined}>
                <th title={field}>{t(`fields.${field}`, { defaultValue: field })}</th>
                <td>
                  {editable && !READ_ONLY.has(field) ? (
                    <input
                      value={draft[field] ?? String(v)}
                      onChange={(e) => setDraft((d) => ({ ...d, [field]: e.target.value }))}
                      onBlur={() => void commit(field)}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
                        if (e.key === 'Escape') setDraft(({ [field]: _, ...rest }) => rest);
                      }}
                      data-field={field}
                    />
                  ) : (
                    <span>{field === 'kind' ? t(`kinds.${String(v)}`, { defaultValue: String(v) }) : String(v)}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {editable && obj ? <p className="muted small">{t('object.editHint')}</p> : null}
    </aside>
  );
}
