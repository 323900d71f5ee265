import type { Verdict } from "@/lib/analysis/classification";
import { VERDICT_ORDER } from "@/lib/charts/fleet-series";
import { describeReportScope } from "./scope";
import type { ReportDocument } from "./schemas";

/**
 * A report in a few lines, for the link's preview in chat tools (the Open Graph image and
 * description): its figures, its verdicts and the hosts most worth a look. Pure, so the
 * image route only draws.
 */
export interface ReportPreview {
  title: string;
  kindLabel: string;
  scope: string;
  takenAt: string;
  figures: Array<{ label: string; value: number }>;
  verdicts: Array<{ verdict: Verdict; count: number }>;
  /** Snowflakes first, then the hosts that drift on the most components; plain text. */
  hosts: Array<{ hostKey: string; note: string }>;
  /** One sentence for the description meta tag. */
  description: string;
}

export const PREVIEW_HOST_LIMIT = 4;

export function buildReportPreview(document: ReportDocument, hostLimit = PREVIEW_HOST_LIMIT): ReportPreview {
  const base = { title: document.title, scope: describeReportScope(document.scope), takenAt: document.takenAt };
  if (document.kind === "compare") {
    const { comparison } = document;
    const changed = comparison.groups.flatMap((g) => g.hosts.map((h) => ({ ...h, service: g.service })));
    const order = { mutated: 0, launched: 1, retired: 2 } as const;
    return {
      ...base,
      kindLabel: "Snapshot comparison",
      figures: [
        { label: "Services changed", value: comparison.groups.length },
        { label: "Mutated in place", value: comparison.counts.mutated },
        { label: "Launched", value: comparison.counts.launched },
        { label: "Retired", value: comparison.counts.retired },
      ],
      verdicts: [],
      hosts: changed
        .sort((a, b) => order[a.kind] - order[b.kind] || b.changes.length - a.changes.length || compareText(a.hostKey, b.hostKey))
        .slice(0, hostLimit)
        .map((h) => ({ hostKey: h.hostKey, note: `${h.kind === "mutated" ? "mutated in place" : h.kind} · ${h.service}` })),
      description: `${comparison.summary}.`,
    };
  }

  const { fleet, services } = document;
  const hosts = services.flatMap((s) => s.hosts.map((h) => ({ ...h, service: s.name })));
  const verdicts = VERDICT_ORDER.map((verdict) => ({ verdict, count: fleet.byVerdict[verdict] })).filter((v) => v.count > 0);
  return {
    ...base,
    kindLabel: "Drift report",
    figures: [
      { label: "Services", value: fleet.services },
      { label: "Hosts", value: fleet.hosts },
      { label: "Drifted hosts", value: fleet.driftedHosts },
      { label: "Snowflakes", value: fleet.snowflakes },
    ],
    verdicts,
    hosts: hosts
      .sort((a, b) => Number(b.isSnowflake) - Number(a.isSnowflake) || b.drift.length - a.drift.length || compareText(a.hostKey, b.hostKey))
      .slice(0, hostLimit)
      .map((h) => ({
        hostKey: h.hostKey,
        note: `${h.isSnowflake ? "snowflake" : `drifts on ${h.drift.length} ${h.drift.length === 1 ? "component" : "components"}`} · ${h.service}`,
      })),
    description:
      `${plural(fleet.driftedHosts, "drifted host")} of ${plural(fleet.hosts, "host")} in ${plural(fleet.services, "service")}, ${plural(fleet.snowflakes, "snowflake")}` +
      (verdicts.length > 0 ? `; ${verdicts.map((v) => `${v.count} ${v.verdict}`).join(", ")}.` : "."),
  };
}

function plural(count: number, noun: string): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? noun : `${noun}s`}`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
