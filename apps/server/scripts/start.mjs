#!/usr/bin/env node
// `npm start` at the repository root: compile what is out of date (TypeScript project references, the web app
// when its sources changed), then start the platform server on http://localhost:8080 (PORT to change it).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const require = createRequire(import.meta.url);

function run(cmd, args, what) {
  process.stdout.write(`› ${what}\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write(`npm start: ${what} failed (exit ${r.status ?? r.signal})\n`);
    process.exit(r.status || 1);
  }
}

/** Newest modification time under a path (files and folders), skipping node_modules and dist. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = st.mtimeMs;
  for (const e of readdirSync(path)) if (e !== 'node_modules' && e !== 'dist') t = Math.max(t, newest(join(path, e)));
  return t;
}

// tsc -b is incremental: fast when nothing changed.
run(process.execPath, [require.resolve('typescript/bin/tsc'), '-b'], 'compiling TypeScript (tsc -b)');

const web = join(root, 'apps/web');
if (existsSync(join(web, 'package.json'))) {
  const built = join(web, 'dist/index.html');
  const sources = Math.max(...['src', 'index.html', 'public', 'vite.config.ts', 'package.json'].map((p) => newest(join(web, p))), newest(join(root, 'packages/engine/src')));
  if (!existsSync(built) || statSync(built).mtimeMs < sources) {
    run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build', '-w', '@haimian/web'], 'building the web app (apps/web)');
  } else {
    process.stdout.write('› web app is up to date (apps/web/dist)\n');
  }
}

await import(new URL('../dist/main.js', import.meta.url).href);
