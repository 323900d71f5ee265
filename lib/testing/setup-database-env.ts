import { inject } from "vitest";

// Runs before each integration test file imports the app's modules, so lib/env.ts and
// lib/db.ts see the test database.
process.env.DATABASE_URL = inject("databaseUrl");
