import { listNames } from "@/lib/format";
import type { ReportScope } from "./schemas";

/** How the share dialog names the four kinds of scope. */
export type ReportScopeKind = "fleet" | "services" | "environment" | "compare";

export function detectScopeKind(scope: ReportScope): ReportScopeKind {
  if (scope.compare) return "compare";
  if (scope.services?.length) return "services";
  if (scope.environment) return "environment";
  return "fleet";
}

/** Services a scope names before "and N more". */
const SHOWN_NAMES = 4;

/**
 * A report's scope in words, for lists and previews: "Whole fleet", "Environment production",
 * "Services billing, web in production", "Comparison of snapshots 3f2a… → 9c1d…".
 */
export function describeReportScope(scope: ReportScope): string {
  const environment = scope.environment ? ` in ${scope.environment}` : "";
  if (scope.compare) {
    const services = scope.services?.length ? ` (${listNames(scope.services, SHOWN_NAMES)}${environment})` : environment ? ` (${scope.environment})` : "";
    return `Comparison of snapshots ${shortId(scope.compare.from)} → ${shortId(scope.compare.to)}${services}`;
  }
  if (scope.services?.length) return `${scope.services.length === 1 ? "Service" : "Services"} ${listNames(scope.services, SHOWN_NAMES)}${environment}`;
  if (scope.environment) return `Environment ${scope.environment}`;
  return "Whole fleet";
}

/** Snapshot ids are long hashes; their first characters tell them apart. */
export function shortId(id: string): string {
  return id.length > 10 ? `${id.slice(0, 8)}…` : id;
}

/** A file name for a report's downloads: the title in safe characters. */
export function toReportFileName(title: string): string {
  const base = title
    .normalize("NFKD")
    .replace(/[^\w.-]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "")
    .slice(0, 80);
  return base || "drift-report";
}
