import { z } from "zod";

/** Inputs of the analysis API, shared by route handlers and the forms that call them. */

export const baselineSourceSchema = z.enum(["majority", "declared", "previous"]);

export const serviceQuerySchema = z.object({
  environment: z.string().trim().min(1).max(512).optional(),
  snapshot: z.string().trim().min(1).max(64).optional(),
  baseline: baselineSourceSchema.optional(),
});
export type ServiceQuery = z.infer<typeof serviceQuerySchema>;

export const baselineUpdateSchema = z
  .object({
    environment: z.string().trim().min(1).max(512).optional(),
    source: baselineSourceSchema.optional(),
    /** component → golden version; null removes the pin. */
    pins: z.record(z.string().min(1).max(512), z.string().max(1024).nullable()).optional(),
    /** Pin every component at its current majority version. */
    acceptMajority: z.boolean().optional(),
  })
  .refine((v) => v.source || v.pins || v.acceptMajority, { error: "give a source, pins, or acceptMajority" });
export type BaselineUpdate = z.infer<typeof baselineUpdateSchema>;

export const serviceSettingsUpdateSchema = z.object({
  environment: z.string().trim().min(1).max(512).optional(),
  role: z.enum(["stateful", "stateless"]).nullable().optional(),
  verdict: z
    .object({
      verdict: z.enum(["immutable", "mutable", "mixed", "unknown"]),
      reason: z.string().trim().min(1, { error: "say why the verdict is overridden" }).max(2000),
    })
    .nullable()
    .optional(),
});
export type ServiceSettingsUpdate = z.infer<typeof serviceSettingsUpdateSchema>;

export const ignoreRuleInputSchema = z.object({
  pattern: z
    .string()
    .trim()
    .min(1, { error: "a pattern is required, e.g. kernel* or uptime" })
    .max(512)
    .regex(/^[^\s]+$/, { error: "a pattern has no spaces; use * and ? as wildcards" }),
  service: z.string().trim().min(1).max(512).nullable().optional(),
  environment: z.string().trim().min(1).max(512).nullable().optional(),
  reason: z.string().trim().min(1, { error: "say why this component is noise" }).max(2000),
});
export type IgnoreRuleInput = z.infer<typeof ignoreRuleInputSchema>;

export const compareQuerySchema = z.object({
  from: z.string().trim().min(1, { error: "from: a snapshot id is required" }).max(64),
  to: z.string().trim().min(1, { error: "to: a snapshot id is required" }).max(64),
  kind: z.enum(["mutated", "launched", "retired"]).optional(),
  service: z.string().trim().min(1).max(512).optional(),
});
