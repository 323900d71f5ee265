// Serves the production build as the Docker image does (`node server.js` of the standalone
// build, completed with its static files), on PORT (default 3000). For Playwright's web
// servers; `npm start` does the same after setting up the database.
import { spawnStandaloneServer } from "./standalone";

const server = spawnStandaloneServer(process.env);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
