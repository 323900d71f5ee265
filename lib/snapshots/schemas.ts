import { z } from "zod";

/**
 * Canonical snapshot format v1 — the one shape every importer produces and every
 * analysis reads. Field names follow DESIGN.md's Inputs section; they are a public
 * contract (README, /schema/snapshot-v1.json), so rename none.
 */

export const CANONICAL_FORMAT_VERSION = "driftboard.snapshot/v1";

/** Limits that keep one hostile value from costing the server its memory. */
export const MAX_NAME_LENGTH = 512;
export const MAX_VERSION_LENGTH = 1024;

const nameSchema = z
  .string({ error: "must be a string" })
  .trim()
  .min(1, { error: "must not be empty" })
  .max(MAX_NAME_LENGTH, { error: `must be at most ${MAX_NAME_LENGTH} characters` });

const versionSchema = z
  .string({ error: "must be a string (quote numeric versions, e.g. \"1.22\")" })
  .max(MAX_VERSION_LENGTH, { error: `must be at most ${MAX_VERSION_LENGTH} characters` });

const timestampSchema = z.iso
  .datetime({ offset: true, error: "must be an ISO 8601 date-time, e.g. 2026-03-01T12:00:00Z" })
  .or(z.iso.date({ error: "must be an ISO 8601 date-time, e.g. 2026-03-01T12:00:00Z" }));

// Record keys are taken as written (no trim): a component's name is whatever the tool printed.
const componentNameSchema = z
  .string()
  .min(1, { error: "component names must not be empty" })
  .max(MAX_NAME_LENGTH, { error: `component names must be at most ${MAX_NAME_LENGTH} characters` });

/** name → version (components) or name → fingerprint (config). */
const versionMapSchema = z.record(componentNameSchema, versionSchema, {
  error: "must be an object mapping names to version strings",
});

export const hostSchema = z.strictObject(
  {
    hostKey: nameSchema,
    service: nameSchema,
    environment: nameSchema.optional(),
    role: nameSchema.optional(),
    image: z.string().max(MAX_VERSION_LENGTH).optional(),
    launchedAt: timestampSchema.optional(),
    components: versionMapSchema.default({}),
    config: versionMapSchema.default({}),
  },
  { error: (issue) => (issue.code === "unrecognized_keys" ? undefined : "must be an object") },
);
export type CanonicalHost = z.infer<typeof hostSchema>;

/** Snapshot-level fields, shared by the JSON document and the NDJSON header line. */
export const snapshotHeaderSchema = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal(CANONICAL_FORMAT_VERSION).optional(),
  takenAt: timestampSchema.optional(),
  source: nameSchema.optional(),
  environment: nameSchema.optional(),
});
export type SnapshotHeader = z.infer<typeof snapshotHeaderSchema>;

export const snapshotSchema = snapshotHeaderSchema.extend({
  hosts: z.array(hostSchema, { error: "must be an array of hosts" }),
});

/**
 * What every parser and importer hands to ingestion. `takenAt` is absent when the data
 * did not say when it was taken; ingestion then uses the upload time, and the snapshot's
 * identity leaves the time out so the same file uploaded twice stays one snapshot.
 */
export interface CanonicalSnapshot {
  takenAt?: string;
  source?: string;
  environment?: string;
  hosts: CanonicalHost[];
}
