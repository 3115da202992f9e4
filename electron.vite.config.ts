/** electron-vite builds three things: main (Electron shell + the browser-mode host), preload, renderer. */
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          host: resolve(__dirname, 'electron/host/main.ts'),
          // The core's own process in the desktop app (Electron's utilityProcess): main only relays.
          'core-process': resolve(__dirname, 'electron/core/process/entry.ts'),
          // Worker threads (electron/core/workers.ts): spreadsheet parsing for imports, and the monthly
          // workbook's ticket sheet.
          'import-worker': resolve(__dirname, 'electron/core/imports/sheet-worker.ts'),
          'tickets-sheet-worker': resolve(__dirname, 'electron/core/reports/tickets-sheet-worker.ts'),
          // The backup worker: the check of the whole database and the backups, off the core's thread.
          'backup-worker': resolve(__dirname, 'electron/core/backup/snapshot-worker.ts'),
          // Slip workers: a slip's codes, HTML and font subset, off the core's thread (printing/slip-pool.ts).
          'slip-worker': resolve(__dirname, 'electron/core/printing/slip-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: { outDir: 'out/preload', rollupOptions: { input: { index: resolve(__dirname, 'electron/preload/index.ts') } } },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    build: { outDir: resolve(__dirname, 'out/renderer'), rollupOptions: { input: resolve(__dirname, 'renderer/index.html') } },
    plugins: [react()],
  },
});
