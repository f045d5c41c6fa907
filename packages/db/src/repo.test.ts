import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testBackends, type OpenDatabase } from './index.js';

for (const backend of testBackends()) {
  describe.skipIf(!backend.available)(`Repo on ${backend.name}`, () => {
    let odb: OpenDatabase;
    beforeEach(async () => {
      odb = await backend.open();
    });
    afterEach(async () => {
      await odb.close();
    });

    it('reports its dialect and migrates idempotently', async () => {
      expect(odb.dialect).toBe(backend.name);
      const { migrateToLatest } = await import('./migrations.js');
      expect(await migrateToLatest(odb.db, odb.dialect, odb.pgSchema)).toEqual([]);
    });

    it('creates, lists, updates and deletes projects', async () => {
      const { repo } = odb;
      const a = await repo.createProject({ name: 'A', description: 'first' });
      const b = await repo.createProject({ name: 'B' });
      expect(b.description).toBe('');
      expect((await repo.listProjects()).map((p) => p.name).sort()).toEqual(['A', 'B']);
      const patched = await repo.updateProject(a.id, { name: 'A2' });
      expect(patched?.name).toBe('A2');
      expect(patched?.description).toBe('first');
      expect(await repo.updateProject('nope', { name: 'x' })).toBeUndefined();
      expect(await repo.deleteProject(b.id)).toBe(true);
      expect(await repo.deleteProject(b.id)).toBe(false);
      expect(await repo.getProject(b.id)).toBeUndefined();
    });

    it('stores a model with files and a baseline scenario; cascades on project delete', async () => {
      const { repo } = odb;
      const p = await repo.createProject({ name: 'P' });
      const bytes = new Uint8Array([0, 1, 2, 250, 255]);
      const { model, baseline } = await repo.createModelWithBaseline({
        projectId: p.id,
        name: 'm',
        inpText: '[TITLE]\nx\n',
        flowUnits: 'LPS',
        counts: { subcatchments: 2, nodes: 3, links: 2 },
        files: [{ name: 'rain.dat', content: bytes }],
      });
      expect(model.counts).toEqual({ subcatchments: 2, nodes: 3, links: 2 });
      expect(baseline.isBaseline).toBe(true);
      expect(baseline.changes).toEqual([]);
      expect(await repo.getModelInp(model.id)).toBe('[TITLE]\nx\n');
      const files = await repo.getModelFiles(model.id);
      expect(files).toHaveLength(1);
      expect(Array.from(files[0]!.content)).toEqual([0, 1, 2, 250, 255]);
      const sc = await repo.createScenario({ projectId: p.id, modelId: model.id, name: 'LID', changes: [{ kind: 'setParam' }] });
      expect((await repo.listScenarios(p.id)).map((s) => s.name)).toEqual(['Baseline', 'LID']);
      const run = await repo.createRun(sc);
      await repo.deleteProject(p.id);
      expect(await repo.getModel(model.id)).toBeUndefined();
      expect(await repo.getScenario(sc.id)).toBeUndefined();
      expect(await repo.getRun(run.id)).toBeUndefined();
    });

    it('rolls back a model whose files fail to insert (no partial writes)', async () => {
      const { repo } = odb;
      const p = await repo.createProject({ name: 'P' });
      // Two files with the same name violate the primary key after the model row is written.
      const attempt = repo.createModelWithBaseline({
        projectId: p.id,
        name: 'm',
        inpText: 'x',
        flowUnits: 'CMS',
        counts: {},
        files: [
          { name: 'a.dat', content: new Uint8Array([1]) },
          { name: 'a.dat', content: new Uint8Array([2]) },
        ],
      });
      await expect(attempt).rejects.toThrow();
      expect(await repo.listModels(p.id)).toEqual([]);
      expect(await repo.listScenarios(p.id)).toEqual([]);
    });

    it('walks a run through its lifecycle and stores artefacts', async () => {
      const { repo } = odb;
      const p = await repo.createProject({ name: 'P' });
      const { baseline } = await repo.createModelWithBaseline({ projectId: p.id, name: 'm', inpText: 'x', flowUnits: 'CMS', counts: {} });
      const run = await repo.createRun(baseline);
      expect(run.status).toBe('queued');
      expect(await repo.markRunning(run.id)).toBe(true);
      expect(await repo.markRunning(run.id)).toBe(false);
      await repo.setProgress(run.id, 0.25);
      expect((await repo.getRun(run.id))?.progress).toBeCloseTo(0.25, 12);
      const out = new Uint8Array(1000).map((_, i) => i % 256);
      expect(await repo.finishRun(run.id, { report: 'RPT', output: out, results: { a: 1 }, summary: { flowUnits: 'CMS' } })).toBe(true);
      const done = await repo.getRun(run.id);
      expect(done?.status).toBe('done');
      expect(done?.progress).toBe(1);
      expect(done?.summary).toEqual({ flowUnits: 'CMS' });
      expect(done?.finishedAt).toBeDefined();
      expect(await repo.getArtifactText(run.id, 'report')).toBe('RPT');
      expect(await repo.getArtifactText(run.id, 'results')).toBe('{"a":1}');
      const back = await repo.getArtifactBytes(run.id, 'output');
      expect(back?.length).toBe(1000);
      expect(back?.[999]).toBe(999 % 256);
      // a finished run can't be failed or finished again
      expect(await repo.failRun(run.id, 'late')).toBe(false);
      expect(await repo.finishRun(run.id, { report: 'R2', output: out, results: {}, summary: {} })).toBe(false);
      expect(await repo.getArtifactText(run.id, 'report')).toBe('RPT');
      expect((await repo.listRuns(p.id)).map((r) => r.id)).toEqual([run.id]);
    });

    it('marks interrupted runs failed at start-up, leaving finished ones alone', async () => {
      const { repo } = odb;
      const p = await repo.createProject({ name: 'P' });
      const { baseline } = await repo.createModelWithBaseline({ projectId: p.id, name: 'm', inpText: 'x', flowUnits: 'CMS', counts: {} });
      const queued = await repo.createRun(baseline);
      const running = await repo.createRun(baseline);
      const failed = await repo.createRun(baseline);
      await repo.markRunning(running.id);
      await repo.failRun(failed.id, 'engine error 200', 'REPORT');
      expect(await repo.failInterruptedRuns('server stopped')).toBe(2);
      expect((await repo.getRun(queued.id))?.error).toBe('server stopped');
      expect((await repo.getRun(running.id))?.status).toBe('failed');
      expect((await repo.getRun(failed.id))?.error).toBe('engine error 200');
      expect(await repo.getArtifactText(failed.id, 'report')).toBe('REPORT');
      expect(await repo.listRunsByStatus(['queued', 'running'])).toEqual([]);
    });
  });
}

for (const backend of testBackends()) {
  describe.skipIf(!backend.available)(`Repo.transaction on ${backend.name}`, () => {
    it('commits several operations together, or none of them', async () => {
      const odb = await backend.open();
      try {
        const { repo } = odb;
        const ok = await repo.transaction(async (r) => {
          const p = await r.createProject({ name: 'T' });
          const { model } = await r.createModelWithBaseline({ projectId: p.id, name: 'm', inpText: 'x', flowUnits: 'CMS', counts: {} });
          await r.createScenario({ projectId: p.id, modelId: model.id, name: 's', changes: [] });
          return p;
        });
        expect((await repo.listScenarios(ok.id)).map((s) => s.name)).toEqual(['Baseline', 's']);
        await expect(
          repo.transaction(async (r) => {
            const p = await r.createProject({ name: 'U' });
            await r.createModelWithBaseline({ projectId: p.id, name: 'm', inpText: 'x', flowUnits: 'CMS', counts: {} });
            throw new Error('boom');
          }),
        ).rejects.toThrow('boom');
        expect((await repo.listProjects()).map((p) => p.name)).toEqual(['T']);
      } finally {
        await odb.close();
      }
    });
  });
}
