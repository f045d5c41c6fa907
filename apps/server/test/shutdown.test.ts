// Graceful stop: simulations still running when the server shuts down are recorded as interrupted, not lost.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { testBackends } from '@haimian/db';
import { ThreadPoolQueue } from '@haimian/jobs';
import { describe, expect, it } from 'vitest';
import { INTERRUPTED } from '../src/services/runs.js';
import { closeApp, makeApp, waitFor } from './helpers.js';

const demo = readFileSync(new URL('../../../packages/engine/demo/beijing-block.inp', import.meta.url), 'utf8');
// Stand-in worker that takes ~20 s for inputs containing ";;SLOW" (the engine's speed is not the point here).
const slowWorker = fileURLToPath(new URL('../../../packages/jobs/test/fixtures/fake-worker.mjs', import.meta.url));

for (const backend of testBackends()) {
  describe.skipIf(!backend.available)(`shutdown on ${backend.name}`, () => {
    it('records running and queued runs as interrupted', async () => {
      const app = await makeApp(backend, { queue: new ThreadPoolQueue({ threads: 1, workerFile: slowWorker }) });
      try {
        const j = async <T>(method: 'GET' | 'POST', url: string, payload?: object) => (await app.inject({ method, url, payload })).json() as T;
        const p = await j<{ id: string }>('POST', '/api/projects', { name: 's' });
        await j('POST', `/api/projects/${p.id}/models`, { name: 'slow', inpText: `${demo}\n;;SLOW\n` });
        const [sc] = await j<{ id: string }[]>('GET', `/api/projects/${p.id}/scenarios`);
        const running = await j<{ id: string }>('POST', `/api/scenarios/${sc!.id}/runs`, {});
        const queued = await j<{ id: string }>('POST', `/api/scenarios/${sc!.id}/runs`, {});
        await waitFor(async () => ((await app.odb.repo.getRun(running.id))?.status === 'running' ? true : undefined));
        expect((await app.odb.repo.getRun(queued.id))?.status).toBe('queued');
        await app.ctx.runs.shutdown();
        for (const id of [running.id, queued.id]) {
          const r = await app.odb.repo.getRun(id);
          expect(r).toMatchObject({ status: 'failed', error: INTERRUPTED });
        }
        const again = await app.inject({ method: 'POST', url: `/api/scenarios/${sc!.id}/runs`, payload: {} });
        expect(again.statusCode).toBe(409);
      } finally {
        await closeApp(app);
      }
    });
  });
}
