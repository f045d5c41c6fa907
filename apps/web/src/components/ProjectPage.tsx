// One project: scenarios and runs on the left, the model on the map in the middle, the clicked object on the
// right, results below the map.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Change, DesignStormChange, ModelWithGeo, ProjectDetail, Run, RunResults, Scenario } from '../api/types';
import { upsertSetParam } from '../lib/changes';
import { unitLabels } from '../lib/units';
import { ErrorNote } from './ErrorNote';
import { LidDialog } from './LidDialog';
import { MapView, type Selection } from './MapView';
import { ObjectPanel } from './ObjectPanel';
import { QuickRun } from './QuickRun';
import { ResultsView } from './ResultsView';
import { ProgressBar } from './RunStatus';
import { ScenarioPanel } from './ScenarioPanel';
import { StormDialog } from './StormDialog';

const POLL_MS = 600;
const ACTIVE = new Set(['queued', 'running']);

function newestFirst(a: Run, b: Run) {
  return b.createdAt.localeCompare(a.createdAt);
}

/** Results of finished runs never change, so they are fetched once per run. */
function useRunResults(run: Run | undefined): RunResults | null {
  const [res, setRes] = useState<{ id: string; r: RunResults } | null>(null);
  const id = run?.status === 'done' ? run.id : undefined;
  useEffect(() => {
    if (!id) return;
    let live = true;
    api.runResults(id).then(
      (r) => live && setRes({ id, r }),
      () => live && setRes(null),
    );
    return () => {
      live = false;
    };
  }, [id]);
  return res && res.id === id ? res.r : null;
}

export function ProjectPage({ projectId }: { projectId: string }) {
  const { t, i18n } = useTranslation();
  const [project, setProject] = useState<ProjectDetail | null>(null);
  const [model, setModel] = useState<ModelWithGeo | null>(null);
  const [modelId, setModelId] = useState<string | null>(null);
  const [scenarios, setScenarios] = useState<Scenario[]>([]);
  const [scenarioId, setScenarioId] = useState<string | null>(null);
  const [runs, setRuns] = useState<Run[]>([]);
  const [selected, setSelected] = useState<Selection | null>(null);
  const [chosenNodes, setChosenNodes] = useState<string[]>([]);
  const [lidOpen, setLidOpen] = useState(false);
  const [stormOpen, setStormOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    Promise.all([api.getProject(projectId), api.listRuns(projectId)]).then(
      ([p, rs]) => {
        if (!live) return;
        setProject(p);
        setScenarios(p.scenarios);
        setRuns(rs);
        setModelId((m) => m ?? p.models[0]?.id ?? null);
      },
      (e) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [projectId]);

  useEffect(() => {
    if (!modelId) return;
    let live = true;
    setModel(null);
    api.getModel(modelId).then(
      (m) => live && setModel(m),
      (e) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [modelId]);

  const modelScenarios = useMemo(
    () => scenarios.filter((s) => s.modelId === modelId).sort((a, b) => Number(b.isBaseline) - Number(a.isBaseline) || a.createdAt.localeCompare(b.createdAt)),
    [scenarios, modelId],
  );
  const baseline = modelScenarios.find((s) => s.isBaseline) ?? null;
  const scenario = modelScenarios.find((s) => s.id === scenarioId) ?? baseline;

  const latestRuns = useMemo(() => {
    const out: Record<string, Run | undefined> = {};
    for (const r of [...runs].sort(newestFirst)) out[r.scenarioId] ??= r;
    return out;
  }, [runs]);
  const latestDone = useMemo(() => {
    const out: Record<string, Run | undefined> = {};
    for (const r of [...runs].sort(newestFirst)) if (r.status === 'done') out[r.scenarioId] ??= r;
    return out;
  }, [runs]);

  // Poll queued/running runs until they finish.
  const activeIds = runs.filter((r) => ACTIVE.has(r.status)).map((r) => r.id).join(',');
  useEffect(() => {
    if (!activeIds) return;
    const ids = activeIds.split(',');
    const timer = window.setInterval(() => {
      Promise.all(ids.map((id) => api.getRun(id))).then(
        (fresh) => setRuns((rs) => rs.map((r) => fresh.find((f) => f.id === r.id) ?? r)),
        () => {},
      );
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [activeIds]);

  const scenarioRun = scenario ? latestDone[scenario.id] : undefined;
  const baselineRun = baseline ? latestDone[baseline.id] : undefined;
  const results = useRunResults(scenarioRun);
  const baselineResults = useRunResults(scenario?.isBaseline ? undefined : baselineRun);
  const currentRun = scenario ? latestRuns[scenario.id] : undefined;
  const units = unitLabels(model?.flowUnits);

  const runoffDepth = useMemo(
    () => (results ? Object.fromEntries(results.subcatchments.map((s) => [s.name, s.runoffDepth])) : null),
    [results],
  );

  const saveChanges = useCallback(
    async (changes: Change[]) => {
      if (!scenario) return;
      const updated = await api.updateScenario(scenario.id, { changes });
      setScenarios((ss) => ss.map((s) => (s.id === updated.id ? updated : s)));
    },
    [scenario],
  );

  async function createScenario(name: string) {
    if (!modelId) return;
    try {
      const s = await api.createScenario(projectId, {
        name,
        modelId,
        ...(scenario && !scenario.isBaseline ? { baseScenarioId: scenario.id, changes: scenario.changes } : {}),
      });
      setScenarios((ss) => [...ss, s]);
      setScenarioId(s.id);
    } catch (e) {
      setError(e);
    }
  }

  async function uploadModel(files: File[]) {
    setError(null);
    try {
      const m = await api.uploadModel(projectId, files);
      const p = await api.getProject(projectId);
      setProject(p);
      setScenarios(p.scenarios);
      setModelId(m.id);
      setScenarioId(null);
      setSelected(null);
    } catch (e) {
      setError(e);
    }
  }

  async function deleteScenario(id: string) {
    setError(null);
    try {
      await api.deleteScenario(id);
      setScenarios((ss) => ss.filter((s) => s.id !== id));
      setScenarioId(null);
    } catch (e) {
      setError(e);
    }
  }

  async function startRun() {
    if (!scenario) return;
    setError(null);
    try {
      const started: Run[] = [await api.startRun(scenario.id)];
      // The comparison needs a finished baseline; queue it too when there is none yet.
      if (baseline && baseline.id !== scenario.id && !latestDone[baseline.id] && !ACTIVE.has(latestRuns[baseline.id]?.status ?? '')) {
        started.push(await api.startRun(baseline.id));
      }
      setRuns((rs) => [...started, ...rs]);
    } catch (e) {
      setError(e);
    }
  }

  async function removeChange(c: Change) {
    if (!scenario) return;
    try {
      await saveChanges(scenario.changes.filter((x) => x !== c));
    } catch (e) {
      setError(e);
    }
  }

  if (error && !project) return <main className="page"><ErrorNote error={error} /></main>;
  if (!project) return <main className="page"><p className="muted">{t('common.loading')}</p></main>;

  const running = currentRun && ACTIVE.has(currentRun.status);
  return (
    <main className="project-page">
      <aside className="sidebar">
        <nav className="crumbs">
          <a href="#/">{t('projects.title')}</a> / <strong data-testid="project-name">{project.name}</strong>
        </nav>
        {project.description ? <p className="muted small">{project.description}</p> : null}
        {project.models.length > 1 ? (
          <label>
            {t('project.model')}
            <select value={modelId ?? ''} onChange={(e) => { setModelId(e.target.value); setScenarioId(null); setSelected(null); }}>
              {project.models.map((m) => (
                <option key={m.id} value={m.id}>{m.name}</option>
              ))}
            </select>
          </label>
        ) : null}
        {model ? (
          <p className="muted small" data-testid="model-counts">
            {t('project.counts', { name: model.name, subcatchments: model.counts.subcatchments, nodes: model.counts.nodes, links: model.counts.links, units: model.flowUnits })}
          </p>
        ) : null}
        {project.models.length === 0 ? <p className="muted">{t('project.noModel')}</p> : null}
        <label className="upload small">
          {t('project.upload')}
          <input
            type="file"
            multiple
            accept=".inp,.dat,.txt,.csv,.rff,.ts"
            data-testid="upload-model"
            onChange={(e) => {
              const files = Array.from(e.target.files ?? []);
              e.target.value = '';
              if (files.length) void uploadModel(files);
            }}
          />
        </label>
        <ScenarioPanel
          scenarios={modelScenarios}
          currentId={scenario?.id ?? null}
          latestRuns={latestRuns}
          onSelect={(id) => setScenarioId(id)}
          onCreate={createScenario}
          onRemoveChange={removeChange}
          onDelete={deleteScenario}
          onOpenStorm={() => setStormOpen(true)}
          onSelectObject={(kind, name) => setSelected({ kind, name })}
        />
        {scenario ? (
          <section className="run-panel">
            <h2>{t('runs.title')}</h2>
            <button className="primary wide" onClick={() => void startRun()} disabled={!!running} data-testid="run">
              {t('runs.run', { name: scenario.isBaseline ? t('scenarios.baseline') : scenario.name })}
            </button>
            {running ? <ProgressBar fraction={currentRun.progress} label={t('runs.progress')} testId="run-progress" /> : null}
            {currentRun?.status === 'failed' ? (
              <p className="error-note" data-testid="run-error">{t('runs.failed', { message: currentRun.error ?? '' })}</p>
            ) : null}
            {currentRun?.status === 'done' ? <p className="muted small" data-testid="run-done">{t('runs.doneAt', { time: new Date(currentRun.finishedAt ?? currentRun.createdAt).toLocaleString(i18n.resolvedLanguage) })}</p> : null}
            <QuickRun scenarioId={scenario.id} />
          </section>
        ) : null}
        {error ? <ErrorNote error={error} /> : null}
      </aside>
      <div className="main-col">
        {model ? (
          <MapView geo={model.geo} selected={selected} onSelect={setSelected} runoffDepth={runoffDepth} depthUnit={units.depth} />
        ) : (
          <div className="map-wrap"><p className="muted pad">{t('common.loading')}</p></div>
        )}
        {scenario && model ? (
          <ResultsView
            flowUnits={model.flowUnits}
            scenario={scenario}
            scenarioRun={scenarioRun}
            results={results}
            baselineRun={baselineRun}
            baselineResults={baselineResults}
            chosenNodes={chosenNodes}
          />
        ) : null}
      </div>
      {model ? (
        <ObjectPanel
          modelId={model.id}
          scenario={scenario}
          selected={selected}
          onEdit={async (field, value, objectKind) => {
            if (!scenario || !selected) return;
            await saveChanges(upsertSetParam(scenario.changes, { kind: 'setParam', objectKind, name: selected.name, field, value }));
          }}
          onRemoveChange={removeChange}
          onAddLid={() => setLidOpen(true)}
          chosenNodes={chosenNodes}
          onToggleNode={(n) => setChosenNodes((c) => (c.includes(n) ? c.filter((x) => x !== n) : [...c, n]))}
        />
      ) : null}
      {lidOpen && scenario && selected?.kind === 'subcatchment' ? (
        <LidDialog
          subcatchment={selected.name}
          changes={scenario.changes}
          onAdd={async (c) => saveChanges([...scenario.changes, c])}
          onClose={() => setLidOpen(false)}
        />
      ) : null}
      {stormOpen && scenario && !scenario.isBaseline ? (
        <StormDialog
          initial={scenario.changes.find((c): c is DesignStormChange => c.kind === 'designStorm') ?? null}
          // One design storm per scenario: a new one replaces the old.
          onSave={async (c) => saveChanges([...scenario.changes.filter((x) => x.kind !== 'designStorm'), c])}
          onClose={() => setStormOpen(false)}
        />
      ) : null}
    </main>
  );
}
