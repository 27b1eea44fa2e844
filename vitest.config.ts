import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Records all output of each test file and fails it if a configured test credential shows up.
    setupFiles: ['tests/setup/capture-logs.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Several suites spawn the built CLI or bind loopback ports; two workers match the 2-core machines.
    maxWorkers: 2,
  },
});
