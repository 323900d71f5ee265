"use client";

import { useMemo, useState } from "react";
import { VersionSpreadChart } from "@/components/charts/version-spread-chart";
import { Card } from "@/components/ui/card";
import { smallButtonClasses } from "@/components/ui/form-controls";
import { formatVersion } from "@/lib/analysis/format-display";
import type { ServiceDetail } from "@/lib/analysis/queries";
import { buildVersionSpreadSeries } from "@/lib/charts/service-series";
import { formatCount } from "@/lib/format";
import type { PinTarget } from "./pin-version-dialog";

export interface VersionSpreadSectionProps {
  components: ServiceDetail["components"];
  declared: Record<string, string>;
  hostCount: number;
  /** Substring filter on component names, shared with the drift matrix. */
  componentFilter?: string;
  onPin: (target: PinTarget) => void;
  onIgnore: (component: string) => void;
}

const COLLAPSED_ROWS = 15;

/**
 * Per component with more than one version: a stacked bar (chart) and the same data as a
 * table whose versions are buttons, so pinning works from the keyboard too.
 */
export function VersionSpreadSection({ components, declared, hostCount, componentFilter, onPin, onIgnore }: VersionSpreadSectionProps) {
  const [isExpanded, setIsExpanded] = useState(false);
  const filtered = useMemo(() => {
    const needle = componentFilter?.trim().toLowerCase();
    return needle ? components.filter((c) => c.name.toLowerCase().includes(needle)) : components;
  }, [components, componentFilter]);
  const series = useMemo(
    () => buildVersionSpreadSeries(filtered, { limit: isExpanded ? undefined : COLLAPSED_ROWS }),
    [filtered, isExpanded],
  );
  const total = series.rows.length + series.hiddenCount;
  const ignoredCount = series.rows.filter((row) => row.ignored).length;
  const hostCountOf = (component: string, version: string) =>
    components.find((c) => c.name === component)?.versions.find((v) => v.version === version)?.hostCount;

  return (
    <Card title="Version spread">
      {total === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {hostCount === 1
            ? "One host runs one version of everything: a one-host service has no spread."
            : componentFilter
              ? `No component matching “${componentFilter}” runs more than one version.`
              : `Every component runs a single version across all ${hostCount} hosts: no spread.`}
        </p>
      ) : (
        <>
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
            {formatCount(total, "component")} with more than one version{ignoredCount > 0 ? ` (${ignoredCount} ignored, greyed)` : ""}, most spread
            first. <span className="inline-block h-2.5 w-2.5 rounded-sm bg-immutable align-middle" aria-hidden /> baseline version,{" "}
            <span className="inline-block h-2.5 w-2.5 rounded-sm bg-drift align-middle" aria-hidden /> other versions. Click a version to pin it.
          </p>
          <figure>
            <VersionSpreadChart
              series={series}
              onSelectVersion={(component, version) => onPin({ component, version, hostCount: hostCountOf(component, version) })}
            />
            <figcaption className="sr-only">Version spread per component; the same data follows as a table.</figcaption>
          </figure>
          <div className="mt-4 overflow-x-auto">
            <table aria-label="Versions per component" className="w-full text-left text-sm">
              <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:text-slate-400">
                <tr>
                  <th scope="col" className="py-1.5 pr-3">Component</th>
                  <th scope="col" className="py-1.5 pr-3">Baseline</th>
                  <th scope="col" className="py-1.5 pr-3">Versions (hosts): choose one to pin it</th>
                  <th scope="col" className="py-1.5"><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                {series.rows.map((row) => (
                  <tr key={row.component} className={`border-b border-slate-100 align-top last:border-0 dark:border-slate-800 ${row.ignored ? "text-slate-400 dark:text-slate-500" : ""}`}>
                    <th scope="row" className="max-w-xs py-1.5 pr-3 font-mono text-xs font-normal break-all">
                      {row.component}
                      {row.ignored && <span className="ml-2 rounded bg-slate-200 px-1 font-sans text-[11px] text-slate-600 dark:bg-slate-800 dark:text-slate-300">ignored</span>}
                      {declared[row.component] !== undefined && <span className="ml-2 rounded bg-immutable/15 px-1 font-sans text-[11px] text-immutable">pinned</span>}
                    </th>
                    <td className="py-1.5 pr-3 font-mono text-xs" title={row.baseline ?? undefined}>
                      {formatVersion(row.baseline)}
                    </td>
                    <td className="py-1.5 pr-3">
                      <ul className="flex flex-wrap gap-1">
                        {row.segments.map((segment) =>
                          segment.version === null ? (
                            <li key="other" className="px-1 text-xs text-slate-500">
                              +{segment.versionCount} more versions ({segment.hostCount} hosts)
                            </li>
                          ) : row.ignored ? (
                            <li key={segment.version} className="px-1 font-mono text-xs" title={segment.version}>
                              {formatVersion(segment.version)} ×{segment.hostCount}
                            </li>
                          ) : (
                            <li key={segment.version}>
                              <button
                                type="button"
                                className={`${smallButtonClasses} font-mono ${segment.isBaseline ? "border-immutable/60" : ""}`}
                                title={segment.version}
                                aria-label={`Pin ${row.component} at ${segment.version} (${segment.hostCount} ${segment.hostCount === 1 ? "host" : "hosts"})`}
                                onClick={() => onPin({ component: row.component, version: segment.version!, hostCount: segment.hostCount })}
                              >
                                {formatVersion(segment.version)}
                                <span className="font-sans text-slate-500 dark:text-slate-400">×{segment.hostCount}</span>
                              </button>
                            </li>
                          ),
                        )}
                      </ul>
                    </td>
                    <td className="py-1.5 text-right">
                      {!row.ignored && (
                        <button type="button" className={smallButtonClasses} aria-label={`Ignore ${row.component}`} onClick={() => onIgnore(row.component)}>
                          Ignore…
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {(series.hiddenCount > 0 || isExpanded) && total > COLLAPSED_ROWS && (
            <button type="button" className={`${smallButtonClasses} mt-3`} onClick={() => setIsExpanded((v) => !v)}>
              {isExpanded ? `Show the ${COLLAPSED_ROWS} most spread` : `Show all ${total} components with spread`}
            </button>
          )}
        </>
      )}
    </Card>
  );
}
