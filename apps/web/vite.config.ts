import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The engine is consumed from its TypeScript source so the browser bundle (and the what-if Web Worker) never
// depends on a prior `tsc -b` of packages/engine. Vite resolves the engine's NodeNext-style `./x.js` imports to `.ts`.
const engineSrc = fileURLToPath(new URL('../../packages/engine/src/index.ts', import.meta.url));
// Same for the pure design methods (storm-formula library for the design-storm dialog).
const designSrc = fileURLToPath(new URL('../../packages/design/src/index.ts', import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@haimian/engine': engineSrc, '@haimian/design': designSrc } },
  worker: { format: 'es' },
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 2000 }, // the lazy project-page chunk holds MapLibre + ECharts
  server: {
    port: 5173,
    // `npm run dev -w @haimian/web` talks to a server started separately (default port 8080).
    proxy: { '/api': process.env.HAIMIAN_API ?? 'http://localhost:8080' },
  },
});
