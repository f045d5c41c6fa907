import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { JobCancelledError, ThreadPoolQueue, engineCapabilities } from '../src/index.js';

const fakeWorker = fileURLToPath(new URL('./fixtures/fake-worker.mjs', import.meta.url));

describe('ThreadPoolQueue plumbing (stand-in worker)', () => {
  let q: ThreadPoolQueue;
  afterEach(async () => {
    await q.close();
  });

  it('reports start and progress, returns the outcome with its bytes', async () => {
    q = new ThreadPoolQueue({ threads: 1, workerFile: fakeWorker });
    const events: string[] = [];
    const out = await q.submit(
      { id: 'a', inpText: 'x' },
      { onStart: () => events.push('start'), onProgress: (f) => events.push(`p${f}`) },
    );
    expect(out.report).toMatch(/^report of a on thread \d+$/);
    expect(Array.from(out.output)).toEqual([1, 2, 3]);
    // messages from the worker arrive before the result settles
    await new Promise((r) => setTimeout(r, 10));
    expect(events).toEqual(['start', 'p0.25', 'p0.5', 'p0.75', 'p1']);
    expect(q.pending).toBe(0);
  });

  it('runs jobs one per thread, in parallel up to the thread count', async () => {
    q = new ThreadPoolQueue({ threads: 2, workerFile: fakeWorker });
    const outs = await Promise.all(['a', 'b', 'c', 'd'].map((id) => q.submit({ id, inpText: 'x' })));
    expect(outs.map((o) => o.report.split(' ')[2])).toEqual(['a', 'b', 'c', 'd']);
  });

  it('cancels a running job and a queued one', async () => {
    q = new ThreadPoolQueue({ threads: 1, workerFile: fakeWorker });
    let started = false;
    const running = q.submit({ id: 'slow', inpText: 'slow' }, { onStart: () => (started = true) });
    const queued = q.submit({ id: 'next', inpText: 'slow' });
    expect(q.pending).toBe(2);
    while (!started) await new Promise((r) => setTimeout(r, 5));
    expect(q.cancel('next')).toBe(true);
    expect(q.cancel('slow')).toBe(true);
    await expect(running).rejects.toBeInstanceOf(JobCancelledError);
    await expect(queued).rejects.toBeInstanceOf(JobCancelledError);
    expect(q.cancel('slow')).toBe(false);
    // the pool still works afterwards
    expect((await q.submit({ id: 'after', inpText: 'x' })).ok).toBe(true);
  });

  it('rejects when the worker throws', async () => {
    q = new ThreadPoolQueue({ threads: 1, workerFile: fakeWorker });
    await expect(q.submit({ id: 't', inpText: 'throw' })).rejects.toThrow('worker blew up');
  });
});

describe('ThreadPoolQueue with the engine worker', () => {
  it('runs the engine in a thread, or says clearly that the engine has no runModel yet', async () => {
    const q = new ThreadPoolQueue({ threads: 1 });
    try {
      const inp = '[OPTIONS]\nFLOW_UNITS CMS\n';
      if (!engineCapabilities().run) {
        console.log('engine does not export runModel yet: checking the worker reports that');
        await expect(q.submit({ id: 'e', inpText: inp })).rejects.toThrow(/does not provide runModel/);
      } else {
        const out = await q.submit({ id: 'e', inpText: inp });
        expect(typeof out.report).toBe('string');
        expect(out.report.length).toBeGreaterThan(0);
      }
    } finally {
      await q.close();
    }
  });
});
