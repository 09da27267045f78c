import { defineConfig } from 'vitest/config';

// The server sends `Content-Security-Policy: default-src 'self'`, so the build must not
// produce inline scripts, inline styles or data: URLs: every asset becomes a hashed file.
export default defineConfig({
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'preact' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: 'es2022',
  },
  server: {
    proxy: {
      '/api': process.env.VOORDEUR_URL ?? 'http://127.0.0.1:8080',
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
