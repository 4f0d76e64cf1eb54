import { defineConfig } from "vitest/config";

// Browser tests: run after `npm run build`, against dist/ served on 127.0.0.1.
export default defineConfig({
  test: {
    include: ["test/browser/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
