/** Helpers for the importer tests: read fixtures and run one importer the way importFiles does. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { hostSchema } from "@/lib/snapshots/schemas";
import type { Importer, ImportFile, ImportOptions, ImportResult } from "./types";

export const FIXTURES_DIR = path.join(__dirname, "fixtures");

/** A fixture as an upload: `name` is its file name, as a browser would send it. */
export function readFixture(relativePath: string): ImportFile {
  return { name: path.basename(relativePath), text: readFileSync(path.join(FIXTURES_DIR, relativePath), "utf8") };
}

/** Every fixture file, as `<format>/<path>` relative to the fixtures folder. */
export function listFixtures(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? walk(full) : [path.relative(FIXTURES_DIR, full).split(path.sep).join("/")];
    });
  return walk(FIXTURES_DIR).sort();
}

export function jsonOf(text: string): unknown | undefined {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Runs `importer` on a fixture (or an inline file) and checks every host against the canonical schema. */
export function runImporter(importer: Importer, file: ImportFile | string, options: ImportOptions = {}): ImportResult {
  const upload = typeof file === "string" ? readFixture(file) : file;
  const result = importer.parse(upload, options, jsonOf(upload.text));
  for (const host of result.snapshot.hosts) hostSchema.parse(host);
  return result;
}

export function hostByKey<H extends { hostKey: string }>(result: { snapshot: { hosts: H[] } }, hostKey: string): H {
  const host = result.snapshot.hosts.find((candidate) => candidate.hostKey === hostKey);
  if (!host) throw new Error(`no host ${hostKey} in ${result.snapshot.hosts.map((candidate) => candidate.hostKey).join(", ")}`);
  return host;
}

/** The AppError a function throws (fails the test when it throws nothing). */
export function thrown(run: () => unknown): { code?: string; message: string; path?: string; line?: number; file?: string } {
  try {
    run();
  } catch (error) {
    return error as { code?: string; message: string; path?: string; line?: number; file?: string };
  }
  throw new Error("expected an error");
}
