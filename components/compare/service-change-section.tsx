import Link from "next/link";
import { buildServiceHref } from "@/lib/charts/fleet-series";
import type { ServiceChangeGroup, ServiceChangeHow } from "@/lib/compare/group-changes";
import { ComponentChangeList } from "./component-change-list";
import { HostChangeTable } from "./host-change-table";

export interface ServiceChangeSectionProps {
  group: ServiceChangeGroup;
  /** The compared snapshots' ids. */
  snapshots: { from: string; to: string };
  /** Whether to name the environment beside the service (several are on show). */
  showsEnvironment: boolean;
}

const HOW: Record<ServiceChangeHow, { label: string; className: string }> = {
  replacement: { label: "by replacement", className: "border-immutable/40 bg-immutable/10 text-immutable" },
  mutation: { label: "in place", className: "border-mutable/40 bg-mutable/10 text-mutable" },
  both: { label: "in place and by replacement", className: "border-mixed/40 bg-mixed/10 text-mixed" },
  scale: { label: "scaled", className: "border-unknown/40 bg-unknown/10 text-unknown dark:text-slate-300" },
};

/** One service's changes: counts, how they happened in one line, and the hosts. */
export function ServiceChangeSection({ group, snapshots, showsEnvironment }: ServiceChangeSectionProps) {
  const headingId = `service-${group.key.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
  const how = HOW[group.how];
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <header className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-slate-200 px-4 py-3 dark:border-slate-800">
        <h2 id={headingId} className="text-base font-semibold">
          <Link href={buildServiceHref(group.service, group.environment)} className="text-sky-700 hover:underline dark:text-sky-400">
            {group.service}
          </Link>
          {showsEnvironment && <span className="ml-1 font-normal text-slate-500 dark:text-slate-400">({group.environment})</span>}
        </h2>
        <span className={`rounded-full border px-2 py-0.5 text-xs font-medium ${how.className}`}>changed {how.label}</span>
        <p className="text-sm text-slate-700 dark:text-slate-300">{group.summary}</p>
        <p className="ml-auto text-xs tabular-nums text-slate-500 dark:text-slate-400">
          {group.counts.mutated} mutated · {group.counts.launched} launched · {group.counts.retired} retired
        </p>
      </header>
      {group.replacementChanges.length > 0 && (
        <div className="border-b border-slate-200 px-4 py-2 text-sm dark:border-slate-800">
          <p className="mb-1 text-xs text-slate-500 dark:text-slate-400">The replacement brought:</p>
          <ComponentChangeList changes={group.replacementChanges.slice(0, 12)} label={`Versions the replacement of ${group.service} brought`} />
          {group.replacementChanges.length > 12 && (
            <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">and {group.replacementChanges.length - 12} more</p>
          )}
        </div>
      )}
      <HostChangeTable service={group.service} hosts={group.hosts} snapshots={snapshots} />
    </section>
  );
}
