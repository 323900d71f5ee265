import { z } from "zod";

const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value) || undefined;

/** The compare page's URL: which two snapshots, and which kind of change to list. Bad values are dropped, not errors. */
export const compareViewSchema = z.object({
  from: z.preprocess(firstValue, z.string().trim().min(1).max(64).optional()).catch(undefined),
  to: z.preprocess(firstValue, z.string().trim().min(1).max(64).optional()).catch(undefined),
  kind: z.preprocess(firstValue, z.enum(["mutated", "launched", "retired"]).optional()).catch(undefined),
});
export type CompareView = z.infer<typeof compareViewSchema>;

/** The compare page's address for a view; omits what is unset so links stay short. */
export function buildCompareHref(view: CompareView, base = "/compare"): string {
  const params = new URLSearchParams();
  if (view.from) params.set("from", view.from);
  if (view.to) params.set("to", view.to);
  if (view.kind) params.set("kind", view.kind);
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}
