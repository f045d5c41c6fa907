// Crash safety: kill the real server process (SIGKILL) in the middle of a simulation, start it again on the same
// database, and check that the interrupted run is marked failed while everything saved before is intact.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { engineCapabilities } from '@haimian/jobs';
import { afterAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const mainJs = join(repoRoot, 'apps/server/dist/main.js');
const canRun = engineCapabilities().run && existsSync(mainJs);
if (!canRun) console.log('engine does not export runModel yet (or the server is not built): kill-during-run test skipped');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

async function poll<T>(f: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      const v = await f();
      if (v !== undefined) return v;
    } catch {
      // not up yet
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(!canRun)('server killed during a run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'haimian-kill-'));
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  async function start(port: number): Promise<{ child: ChildProcess; base: string; log: () => string }> {
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', SQLITE_FILE: join(dir, 'db.sqlite'), WEB_DIST: join(dir, 'none'), JOB_THREADS: '1', LOG_LEVEL: 'warn' };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, [mainJs], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let log = '';
    child.stdout!.on('data', (d: Buffer) => (log += d));
    child.stderr!.on('data', (d: Buffer) => (log += d));
    const base = `http://127.0.0.1:${port}`;
    await poll(async () => ((await fetch(`${base}/api/health`)).ok ? true : undefined), `server start\n${log}`);
    return { child, base, log: () => log };
  }

  it('marks the interrupted run failed at restart and keeps finished runs', async () => {
    const port = await freePort();
    const first = await start(port);
    const api = async <T>(path: string, init?: { method: string; body?: unknown }) => {
      const res = await fetch(`${first.base}/api${path}`, {
        method: init?.method ?? 'GET',
        headers: init?.body ? { 'content-type': 'application/json' } : undefined,
        body: init?.body ? JSON.stringify(init.body) : undefined,
      });
      return (await res.json()) as T;
    };
    // The seeded demo project: run its baseline to completion first.
    const [project] = await api<{ id: string }[]>('/projects');
    const detail = await api<{ models: { id: string }[]; scenarios: { id: string; isBaseline: boolean }[] }>(`/projects/${project!.id}`);
    const baseline = detail.scenarios.find((s) => s.isBaseline)!;
    const finished = await api<{ id: string }>(`/scenarios/${baseline.id}/runs`, { method: 'POST', body: {} });
    await poll(async () => ((await api<{ status: string }>(`/runs/${finished.id}`)).status === 'done' ? true : undefined), 'the baseline run');
    const report = await (await fetch(`${first.base}/api/runs/${finished.id}/report`)).text();

    // A long simulation: a year of dry weather at a 1-s routing step (reported daily, so memory stays small).
    const long = await api<{ id: string }>(`/projects/${project!.id}/scenarios`, {
      method: 'POST',
      body: {
        name: 'long',
        modelId: detail.models[0]!.id,
        changes: [
          { kind: 'setParam', objectKind: 'option', name: 'END_DATE', field: 'value', value: '07/20/2025' },
          { kind: 'setParam', objectKind: 'option', name: 'ROUTING_STEP', field: 'value', value: '0:00:01' },
          { kind: 'setParam', objectKind: 'option', name: 'REPORT_STEP', field: 'value', value: '24:00:00' },
        ],
      },
    });
    const victim = await api<{ id: string }>(`/scenarios/${long.id}/runs`, { method: 'POST', body: {} });
    await poll(async () => ((await api<{ status: string }>(`/runs/${victim.id}`)).status === 'running' ? true : undefined), 'the long run to start');
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));

    const second = await start(port);
    const get = async <T>(path: string) => (await (await fetch(`${second.base}/api${path}`)).json()) as T;
    const interrupted = await get<{ status: string; error: string; finishedAt?: string }>(`/runs/${victim.id}`);
    expect(interrupted.status).toBe('failed');
    expect(interrupted.error).toMatch(/^interrupted/);
    expect(interrupted.finishedAt).toBeDefined();
    const kept = await get<{ status: string }>(`/runs/${finished.id}`);
    expect(kept.status).toBe('done');
    expect(await (await fetch(`${second.base}/api/runs/${finished.id}/report`)).text()).toBe(report);
    const out = await fetch(`${second.base}/api/runs/${finished.id}/output`);
    expect(out.status).toBe(200);
    expect((await out.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    // The demo was seeded once, not again at the restart.
    expect(await get<unknown[]>('/projects')).toHaveLength(1);
    second.child.kill('SIGTERM');
    await new Promise((r) => second.child.once('exit', r));
  });
});
