import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Served by the CareFlows server under /designer/ (see src/CareFlows.Server/Designer).
export default defineConfig({
  base: '/designer/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1000 },
  server: { proxy: { '/api': 'http://127.0.0.1:5080', '/designer/api': 'http://127.0.0.1:5080' } },
  test: { environment: 'node', include: ['src/**/*.test.js'] },
});
