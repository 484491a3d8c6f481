import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const shared = {
  resolve: {
    alias: {
      "@": root,
      // server-only throws outside React Server Components; tests import server modules directly.
      "server-only": path.join(root, "node_modules/server-only/empty.js"),
    },
  },
};
const slow = { testTimeout: 30_000, hookTimeout: 60_000 };

// Integration tests run once on PGlite and, when TEST_DATABASE_URL is set, again on the Postgres server.
const integrationProjects = [
  {
    ...shared,
    test: {
      name: "integration-pglite",
      include: ["tests/integration/**/*.test.ts"],
      // The Neon driver needs the Postgres server; it runs in the project below.
      exclude: ["tests/integration/db/neon-driver.test.ts"],
      setupFiles: ["tests/integration/setup/pglite.ts"],
      ...slow,
    },
  },
  ...(process.env.TEST_DATABASE_URL
    ? [
        {
          ...shared,
          test: {
            name: "integration-postgres",
            include: ["tests/integration/**/*.test.ts"],
            // The PGlite lock concerns only the embedded database; it runs once, above.
            exclude: ["tests/integration/db/pglite-lock.test.ts"],
            globalSetup: ["tests/integration/setup/postgres-template.ts"],
            setupFiles: ["tests/integration/setup/postgres.ts"],
            ...slow,
          },
        },
      ]
    : []),
];

export default defineConfig({
  test: {
    projects: [{ ...shared, test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } }, ...integrationProjects],
  },
});
