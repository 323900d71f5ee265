"use client";

import { useMemo } from "react";
import { InstanceAgeChart } from "@/components/charts/instance-age-chart";
import type { ServiceDetail } from "@/lib/analysis/queries";
import { bucketInstanceAges } from "@/lib/charts/service-series";

export interface InstanceAgeSectionProps {
  hosts: ServiceDetail["hosts"];
  takenAt: string;
}

/** How old the hosts were at the snapshot: young fleets are replaced, old ones patched. */
export function InstanceAgeSection({ hosts, takenAt }: InstanceAgeSectionProps) {
  const series = useMemo(() => bucketInstanceAges(hosts, takenAt), [hosts, takenAt]);
  if (series.oldestDays === null) {
    return <p className="text-sm text-slate-600 dark:text-slate-400">No host reports when it was launched, so there is no age to show.</p>;
  }
  return (
    <figure>
      <InstanceAgeChart series={series} />
      <figcaption className="mt-1 text-xs text-slate-500 dark:text-slate-400">
        Host age at the snapshot: newest {series.newestDays} days, oldest {series.oldestDays} days
        {series.unknownCount > 0 ? `; ${series.unknownCount} hosts report no launch time` : ""}.
      </figcaption>
    </figure>
  );
}
