// End to end with the real engine in worker threads: the demo's baseline and LID scenario run to "done",
// with stored .rpt/.out and results that make physical sense. Skipped (with one line) until the engine exports runModel.
import { testBackends } from '@haimian/db';
import { engineCapabilities, readOut, ThreadPoolQueue } from '@haimian/jobs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LID_CHANGES } from '../src/services/templates.js';
import { closeApp, makeApp, type TestApp } from './helpers.js';

const canRun = engineCapabilities().run;
if (!canRun) console.log('engine does not export runModel yet: end-to-end run tests are skipped');

/** Rain of the demo storm: Σ 5-min intensities of BJ_P3_2h = 63.4458 mm over 11.22 ha. */
const DEMO_RAIN_M3 = 0.0634458 * 112_200;

interface Results {
  subcatchments: { name: string; runoffDepth: number }[];
  outfalls: { name: string; peakFlow: number; volume: number }[];
  totals: { precipVolume: number; runoffVolume: number; outflowVolume: number; peakOutflow: number };
  eventControlRate: number;
}

for (const backend of testBackends()) {
  describe.skipIf(!backend.available || !canRun)(`demo runs with the engine on ${backend.name}`, () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await makeApp(backend, { queue: new ThreadPoolQueue({ threads: 1 }) });
    });
    afterAll(async () => {
      await closeApp(app);
    });

    it('baseline and LID scenario run to done; artefacts and results stored', async () => {
      const j = async <T>(method: 'GET' | 'POST', url: string, payload?: object) => (await app.inject({ method, url, payload })).json() as T;
      const p = await j<{ id: string }>('POST', '/api/projects', { name: 'e2e' });
      const m = await j<{ id: string }>('POST', `/api/projects/${p.id}/models`, { templateId: 'beijing-block' });
      const [baseline] = await j<{ id: string }[]>('GET', `/api/projects/${p.id}/scenarios`);
      const lid = await j<{ id: string }>('POST', `/api/projects/${p.id}/scenarios`, { name: 'LID', modelId: m.id, changes: DEMO_LID_CHANGES });
      const runA = await j<{ id: string }>('POST', `/api/scenarios/${baseline!.id}/runs`, {});
      const runB = await j<{ id: string }>('POST', `/api/scenarios/${lid.id}/runs`, {});
      await app.ctx.runs.idle();

      // LIDs are simulated once the engine supports them; until then it refuses them with ERROR 901.
      const lidRun = await j<{ status: string; error?: string }>('GET', `/api/runs/${runB.id}`);
      const lidSupported = !/^ERROR 901:/.test(lidRun.error ?? '');
      if (!lidSupported) console.log(`engine refuses LID models for now (${lidRun.error}): LID comparison skipped`);

      for (const id of lidSupported ? [runA.id, runB.id] : [runA.id]) {
        const run = await j<{ status: string; error?: string; progress: number }>('GET', `/api/runs/${id}`);
        expect(run.error).toBeUndefined();
        expect(run.status).toBe('done');
        expect(run.progress).toBe(1);
        const report = (await app.inject({ method: 'GET', url: `/api/runs/${id}/report` })).body;
        expect(report).toMatch(/EPA STORM WATER MANAGEMENT MODEL - VERSION 5\.2/);
        expect(report).toMatch(/Runoff Quantity Continuity/);
        const out = readOut(new Uint8Array((await app.inject({ method: 'GET', url: `/api/runs/${id}/output` })).rawPayload));
        expect(out.periods).toBe(360); // 6 h at 1-min reporting
        expect(out.subcatchments).toHaveLength(8);
      }

      const a = await j<Results>('GET', `/api/runs/${runA.id}/results`);
      expect(a.subcatchments).toHaveLength(8);
      expect(a.outfalls.map((o) => o.name)).toEqual(['OF1']);
      expect(a.totals.precipVolume).toBeCloseTo(DEMO_RAIN_M3, -1);
      // Mass: runoff and outflow are positive and below the rain; nearly all runoff leaves through OF1.
      expect(a.totals.runoffVolume).toBeGreaterThan(0.3 * DEMO_RAIN_M3);
      expect(a.totals.runoffVolume).toBeLessThan(DEMO_RAIN_M3);
      expect(a.totals.outflowVolume / a.totals.runoffVolume).toBeGreaterThan(0.9);
      expect(a.eventControlRate).toBeGreaterThan(0);
      expect(a.eventControlRate).toBeLessThan(0.7);
      // Roads (95 % impervious) shed deeper runoff than the sports field (20 %).
      const depth = (n: string) => a.subcatchments.find((s) => s.name === n)!.runoffDepth;
      expect(depth('S6_Road_NS')).toBeGreaterThan(depth('S5_Sportsfield'));

      const s = await j<{ values: number[]; times: string[] }>('GET', `/api/runs/${runA.id}/series?kind=node&name=OF1`);
      expect(s.values).toHaveLength(360);
      expect(s.times[0]).toBe('2024-07-20T00:01:00');
      expect(Math.max(...s.values)).toBeCloseTo(a.outfalls[0]!.peakFlow, 3);

      if (!lidSupported) return;
      // The LID scenario keeps more water on site.
      const b = await j<Results>('GET', `/api/runs/${runB.id}/results`);
      const cmp = await j<{ deltas: { runoffVolumePct: number; controlRate: number; peakFlowPct: number } }>('GET', `/api/compare?runA=${runA.id}&runB=${runB.id}`);
      expect(b.eventControlRate).toBeGreaterThan(a.eventControlRate);
      expect(cmp.deltas.controlRate).toBeCloseTo(b.eventControlRate - a.eventControlRate, 12);
      expect(cmp.deltas.runoffVolumePct).toBeLessThan(0);
    });
  });
}
