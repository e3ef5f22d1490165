import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Where `npm run dev -w web` forwards API calls; override to point at another server.
const API_TARGET = process.env.SWITCHBOARD_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      // ws: the live CTI stream (/api/cti/stream) is a WebSocket.
      '/api': { target: API_TARGET, changeOrigin: false, ws: true },
      '/docs': { target: API_TARGET, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      treeshake: {
        // @switchboard/shared only declares schemas and constants, so what the browser does not use
        // (the zod request/response schemas, and zod with them) can be dropped from the bundle.
        moduleSideEffects: [{ test: /[\\/]shared[\\/]src[\\/]/, sideEffects: false }],
      },
    },
  },
});
