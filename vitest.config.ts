import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: [
            "test/src/**/*.test.ts",
            "test/cards/**/*.test.ts",
            "test/bot/**/*.test.ts",
            "test/repo/**/*.test.ts",
          ],
          exclude: ["test/**/*.int.test.ts"],
          setupFiles: ["test/support/freeze-cards.ts"],
        },
      },
      {
        test: {
          name: "integration",
          include: ["test/**/*.int.test.ts"],
          setupFiles: ["test/support/freeze-cards.ts"],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.e2e.test.ts"],
          testTimeout: 180_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
