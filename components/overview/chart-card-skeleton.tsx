import { Card } from "@/components/ui/card";

export interface ChartCardSkeletonProps {
  /** The card's heading, shown while its chart loads so the page keeps its shape. */
  title: string;
  /** Height of the chart placeholder in pixels. */
  height?: number;
  className?: string;
}

/** What a chart widget shows while its data streams in. */
export function ChartCardSkeleton({ title, height = 240, className }: ChartCardSkeletonProps) {
  return (
    <Card title={title} className={className}>
      <div role="status" aria-label={`Loading ${title.toLowerCase()}`} className="animate-pulse">
        <div className="mb-3 h-4 w-2/3 rounded bg-slate-200 dark:bg-slate-800" />
        <div className="rounded bg-slate-100 dark:bg-slate-800/60" style={{ height }} />
      </div>
    </Card>
  );
}
