import { z } from "zod";
import { baselineSourceSchema } from "./schemas";

/**
 * The service page's state as it lives in the URL (?environment=&snapshot=&baseline=&host=
 * &component=&drifted=1&sort=), so every view can be bookmarked and shared. Parsed the same
 * way by the server page and the browser; a malformed value is dropped, never an error page.
 */

/** Query values arrive as string | string[] | undefined; the first non-empty one counts. */
const firstValue = (value: unknown) => {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" && first.trim() !== "" ? first : undefined;
};

const optionalText = (max: number) => z.preprocess(firstValue, z.string().trim().max(max).optional()).catch(undefined);

export const serviceViewParamsSchema = z.object({
  environment: optionalText(512),
  snapshot: optionalText(64),
  baseline: z.preprocess(firstValue, baselineSourceSchema.optional()).catch(undefined),
  host: optionalText(200),
  component: optionalText(200),
  drifted: z.preprocess((value) => ["1", "true"].includes(firstValue(value) ?? ""), z.boolean()).catch(false),
  sort: z.preprocess(firstValue, z.enum(["host", "drift"]).optional()).catch(undefined),
});
export type ServiceViewParams = z.infer<typeof serviceViewParamsSchema>;

/** The data the page shows depends on these; the rest only filter what is shown. */
export type ServiceDataParams = Pick<ServiceViewParams, "environment" | "snapshot" | "baseline">;

export function parseServiceViewParams(input: URLSearchParams | Record<string, string | string[] | undefined>): ServiceViewParams {
  const record = input instanceof URLSearchParams ? Object.fromEntries(input) : input;
  return serviceViewParamsSchema.parse(record);
}

const PARAM_ORDER = ["environment", "snapshot", "baseline", "host", "component", "drifted", "sort"] as const;

/** "environment=production&drifted=1", in a stable order and without defaults; "" when nothing is set. */
export function serializeServiceViewParams(params: Partial<ServiceViewParams>): string {
  const search = new URLSearchParams();
  for (const key of PARAM_ORDER) {
    const value = params[key];
    if (key === "drifted") {
      if (value === true) search.set(key, "1");
    } else if (typeof value === "string" && value.trim() !== "") {
      search.set(key, value);
    }
  }
  return search.toString();
}

/** The page of a service, with the given view. */
export function buildServiceHref(name: string, params: Partial<ServiceViewParams> = {}): string {
  const query = serializeServiceViewParams(params);
  return `/services/${encodeURIComponent(name)}${query ? `?${query}` : ""}`;
}

/** The page of one of a service's hosts, in the service's environment. */
export function buildHostHref(hostKey: string, environment: string): string {
  return `/hosts/${encodeURIComponent(hostKey)}?environment=${encodeURIComponent(environment)}`;
}

export type ServiceExportKind = { format: "csv"; table: "drift" | "spread" } | { format: "json" };

/** The export of what the page shows: the same data parameters and the same filters (sorting aside). */
export function buildServiceExportHref(name: string, params: Partial<ServiceViewParams>, kind: ServiceExportKind): string {
  const search = new URLSearchParams({ format: kind.format });
  if (kind.format === "csv") search.set("table", kind.table);
  const view = new URLSearchParams(serializeServiceViewParams({ ...params, sort: undefined }));
  for (const [key, value] of view) search.set(key, value);
  return `/api/services/${encodeURIComponent(name)}/export?${search.toString()}`;
}
