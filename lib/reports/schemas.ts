import { z } from "zod";

/**
 * Shared drift reports: what POST /api/reports accepts, and the frozen document a report
 * stores. The document is validated when read back, so a page never renders a shape it
 * does not know; `version` lets a later format live beside reports frozen in this one.
 */

const name = z.string().trim().min(1).max(512);
const snapshotId = z.string().trim().min(1).max(64);

/** Most services one report may name; a larger fleet is shared whole or by environment. */
export const MAX_SCOPE_SERVICES = 500;

/** Longest expiry a user may choose; "never" is an absent (or null) expiresInDays. */
export const MAX_EXPIRY_DAYS = 3650;

/**
 * What a report covers. `{}` is the whole fleet; `services` and `environment` narrow it;
 * `compare` makes it a comparison of two snapshots (narrowed by the others when given).
 */
export const reportScopeSchema = z
  .object({
    services: z
      .array(name)
      .min(1, { error: "name at least one service, or leave services out for the whole fleet" })
      .max(MAX_SCOPE_SERVICES)
      .transform((names) => [...new Set(names)].sort())
      .optional(),
    environment: name.optional(),
    compare: z
      .object({ from: snapshotId, to: snapshotId })
      .strict()
      .refine((c) => c.from !== c.to, { error: "compare two different snapshots", path: ["to"] })
      .optional(),
  })
  .strict();
export type ReportScope = z.infer<typeof reportScopeSchema>;

export const createReportInputSchema = z
  .object({
    title: z.string().trim().min(1, { error: "give the report a title" }).max(200),
    scope: reportScopeSchema.default({}),
    expiresInDays: z.number().int().min(1).max(MAX_EXPIRY_DAYS).nullable().optional(),
  })
  .strict();
export type CreateReportInput = z.input<typeof createReportInputSchema>;
export type CreateReportData = z.infer<typeof createReportInputSchema>;

/** Which table /r/{token}/report.csv serves; each report kind has a default. */
export const reportCsvQuerySchema = z.object({
  table: z.enum(["drift", "spread", "services", "changes"]).optional(),
});
export type ReportCsvTable = NonNullable<z.infer<typeof reportCsvQuerySchema>["table"]>;

// ---------------------------------------------------------------------------------------
// The frozen document

const verdictSchema = z.enum(["immutable", "mutable", "mixed", "unknown"]);
const roleSchema = z.enum(["stateless", "stateful"]);
const verdictCountsSchema = z.object({ immutable: z.number(), mutable: z.number(), mixed: z.number(), unknown: z.number() });

const versionSpreadRowSchema = z.object({
  component: z.string(),
  baseline: z.string().nullable(),
  ignored: z.boolean(),
  hostCount: z.number(),
  versionCount: z.number(),
  offMajorityShare: z.number(),
  segments: z.array(z.object({ version: z.string().nullable(), hostCount: z.number(), isBaseline: z.boolean(), versionCount: z.number() })),
});

export const reportServiceSchema = z.object({
  name: z.string(),
  environment: z.string(),
  /** The snapshot analysed for this service, and when it was taken. */
  snapshotId: z.string(),
  snapshotTakenAt: z.string(),
  role: roleSchema,
  isRoleOverridden: z.boolean(),
  hostCount: z.number(),
  driftedHostCount: z.number(),
  snowflakeCount: z.number(),
  spreadComponentCount: z.number(),
  /** Every component the service runs; `components` below lists only the interesting ones. */
  componentCount: z.number(),
  baselineSource: z.enum(["majority", "declared", "previous"]),
  classification: z.object({
    verdict: verdictSchema,
    computedVerdict: verdictSchema,
    confidence: z.number(),
    evidence: z.array(z.string()),
    hints: z.array(z.string()),
    leaning: z.enum(["mutable", "immutable"]).nullable(),
    mutations: z.number(),
    replacements: z.number(),
    scaleEvents: z.number(),
    override: z.object({ verdict: verdictSchema, reason: z.string() }).nullable(),
  }),
  isMigrationCandidate: z.boolean(),
  nextStep: z.object({ step: z.string(), title: z.string(), why: z.string() }).nullable(),
  /** Components with version spread or off their baseline: the spread table. */
  components: z.array(
    z.object({
      name: z.string(),
      baseline: z.string().nullable(),
      versions: z.array(z.object({ version: z.string(), hostCount: z.number() })),
      ignored: z.boolean(),
    }),
  ),
  /** Drifted hosts and snowflakes only; ignored differences are left out (they are not drift). */
  hosts: z.array(
    z.object({
      hostKey: z.string(),
      image: z.string().nullable(),
      isDrifted: z.boolean(),
      isSnowflake: z.boolean(),
      snowflakeReasons: z.array(z.string()),
      drift: z.array(z.object({ component: z.string(), expected: z.string().nullable(), actual: z.string().nullable(), since: z.string().nullable() })),
    }),
  ),
  charts: z.object({
    versionSpread: z.object({ rows: z.array(versionSpreadRowSchema), segmentCount: z.number(), hiddenCount: z.number() }),
  }),
});
export type ReportService = z.infer<typeof reportServiceSchema>;

export const reportFleetSchema = z.object({
  services: z.number(),
  hosts: z.number(),
  driftedHosts: z.number(),
  snowflakes: z.number(),
  spreadComponents: z.number(),
  byVerdict: verdictCountsSchema,
  byRole: z.object({ stateless: verdictCountsSchema, stateful: verdictCountsSchema }),
  migrationCandidates: z.array(z.object({ name: z.string(), environment: z.string() })),
  charts: z.object({
    driftByService: z.array(
      z.object({ key: z.string(), label: z.string(), drifted: z.number(), clean: z.number(), hosts: z.number(), snowflakes: z.number() }),
    ),
    hybridPicture: z.array(
      z.object({
        role: roleSchema,
        label: z.string(),
        total: z.number(),
        immutable: z.number(),
        mutable: z.number(),
        mixed: z.number(),
        unknown: z.number(),
      }),
    ),
  }),
});
export type ReportFleet = z.infer<typeof reportFleetSchema>;

const componentChangeSchema = z.object({ name: z.string(), from: z.string().nullable(), to: z.string().nullable() });
const changeCountsSchema = z.object({ mutated: z.number(), launched: z.number(), retired: z.number() });

export const reportComparisonSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** "9 hosts changed in 3 services: 1 by replacement, 1 in place, 1 both ways" */
  summary: z.string(),
  counts: changeCountsSchema,
  groups: z.array(
    z.object({
      key: z.string(),
      service: z.string(),
      environment: z.string(),
      how: z.enum(["replacement", "mutation", "both", "scale"]),
      summary: z.string(),
      counts: changeCountsSchema,
      replacementChanges: z.array(componentChangeSchema),
      hosts: z.array(
        z.object({
          hostKey: z.string(),
          kind: z.enum(["mutated", "launched", "retired"]),
          /** Mutated: every changed component; launched and retired: the versions that came or went. */
          changes: z.array(componentChangeSchema),
          /** Components the change covers: those that changed (mutated), or all the host ran (launched, retired). */
          componentCount: z.number(),
        }),
      ),
    }),
  ),
  charts: z.object({
    changesByService: z.array(z.object({ key: z.string(), label: z.string(), mutated: z.number(), launched: z.number(), retired: z.number() })),
  }),
});
export type ReportComparison = z.infer<typeof reportComparisonSchema>;

const reportSnapshotSchema = z.object({ id: z.string(), takenAt: z.string(), source: z.string().nullable() });
export type ReportSnapshot = z.infer<typeof reportSnapshotSchema>;

const documentBase = {
  version: z.literal(1),
  title: z.string(),
  /** When the report was frozen (ISO 8601). */
  takenAt: z.string(),
  scope: reportScopeSchema,
  /** The snapshots the analysis came from, oldest first. */
  snapshots: z.array(reportSnapshotSchema),
};

export const reportDocumentSchema = z.discriminatedUnion("kind", [
  z.object({ ...documentBase, kind: z.literal("services"), fleet: reportFleetSchema, services: z.array(reportServiceSchema) }),
  z.object({ ...documentBase, kind: z.literal("compare"), comparison: reportComparisonSchema }),
]);
export type ReportDocument = z.infer<typeof reportDocumentSchema>;
export type ServicesReportDocument = Extract<ReportDocument, { kind: "services" }>;
export type CompareReportDocument = Extract<ReportDocument, { kind: "compare" }>;
