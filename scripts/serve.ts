// Serves the production build as the Docker image does (`node server.js` of the standalone
// build, completed with its static files), on PORT (default 3000). For Playwright's web
// servers; `npm start` does the same after setting up the database.
import { spawn } from "node:child_process";
import { completeStandaloneServer } from "./standalone";

const server = spawn(process.execPath, [completeStandaloneServer()], {
  stdio: "inherit",
  // HOSTNAME, as shells set it, would bind the server to that one name.
  env: { ...process.env, HOSTNAME: "0.0.0.0", NEXT_TELEMETRY_DISABLED: "1" },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
