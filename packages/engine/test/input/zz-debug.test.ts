import { it } from 'vitest';
import { parseInp, writeInp } from '../../src/input/index.js';
import { readRef, refFiles, refModels, withoutLines } from './refdata.js';
import { IDS, mutate } from './mutate.js';
it('debug', () => {
  const [k, muts] = JSON.parse(process.env.CE!);
  const m = refModels().filter((x) => IDS.includes(x.id))[k]!;
  const text = mutate(readRef(m.run_inp), muts);
  const r = parseInp(text, { files: refFiles(m) });
  const w = writeInp(r.model!);
  const b = parseInp(w, { files: refFiles(m) });
  console.log(m.id, b.errors.slice(0, 3)); console.log(w.slice(0, 600)); console.log(text.split('\n').slice(0,30).join('\n'));
  const A: any = withoutLines(r.model), B: any = withoutLines(b.model);
  for (const key of Object.keys(A)) if (JSON.stringify(A[key]) !== JSON.stringify(B[key])) console.log(key, JSON.stringify(A[key]).slice(0, 400), '\n', JSON.stringify(B[key]).slice(0, 400));
});
