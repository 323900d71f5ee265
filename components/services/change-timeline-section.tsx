"use client";

import { use, useMemo } from "react";
import { ChangeTimelineChart } from "@/components/charts/change-timeline-chart";
import { buildChangeTimelineSeries, type TimelineEvent } from "@/lib/charts/service-series";

export type TimelineResult = { events: TimelineEvent[] } | { error: string };

export interface ChangeTimelineSectionProps {
  timeline: Promise<TimelineResult>;
  snapshots: ReadonlyArray<{ snapshotId: string; takenAt: string }>;
  currentSnapshotId: string;
}

/** Reads the timeline the server started loading; suspends (inside its own Suspense) until it arrives. */
export function ChangeTimelineSection({ timeline, snapshots, currentSnapshotId }: ChangeTimelineSectionProps) {
  const result = use(timeline);
  const events = "events" in result ? result.events : null;
  const series = useMemo(() => (events ? buildChangeTimelineSeries(events, snapshots) : []), [events, snapshots]);
  if (!events) {
    return (
      <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
        Could not load the timeline: {"error" in result ? result.error : "unknown error"}
      </p>
    );
  }
  if (series.length < 2) {
    return <p className="text-sm text-slate-600 dark:text-slate-400">Only one snapshot of this service so far: changes show up from the second one on.</p>;
  }
  const totals = series.reduce(
    (sum, p) => ({ m: sum.m + p.mutations, r: sum.r + p.replacements, x: sum.x + p.retired, s: sum.s + p.scale }),
    { m: 0, r: 0, x: 0, s: 0 },
  );
  return (
    <figure>
      <ChangeTimelineChart series={series} currentSnapshotId={currentSnapshotId} />
      <figcaption className="mt-1 text-xs text-slate-500 dark:text-slate-400">
        Hosts per snapshot, over {series.length} snapshots: {totals.m} changed in place; {totals.r} new hosts brought new versions
        {totals.x > 0 ? ` (retiring ${totals.x})` : ""}; {totals.s} added or removed without new versions.
      </figcaption>
    </figure>
  );
}
