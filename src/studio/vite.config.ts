/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The server (./scripts/start.sh) answers /api, /openapi and /health; `npm run dev` proxies them so the
// Studio reloads on save while the cookie stays first-party.
const server = process.env.AP_SERVER ?? 'http://127.0.0.1:5080';

export default defineConfig({
  plugins: [react()],
  build: { outDir: '../AccountPlaybooks.Server/wwwroot', emptyOutDir: true, chunkSizeWarningLimit: 2500 },
  server: { proxy: { '/api': server, '/openapi': server, '/health': server } },
  // jsdom + Mantine interaction tests take seconds on a busy 2-core CI machine; the default 5 s is too tight there.
  test: { environment: 'jsdom', setupFiles: ['./src/test/setup.ts'], css: false, include: ['src/**/*.test.{ts,tsx}'], testTimeout: 30_000 },
});
