import type { ReactNode } from "react";

/** The box the service page charts draw their tooltips in, for light and dark mode. */
export function ServiceChartTooltipBox({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <div className="max-w-sm rounded-md border border-slate-200 bg-white px-3 py-2 text-xs text-slate-800 shadow-lg dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100">
      <div className="mb-1 font-semibold break-all">{title}</div>
      {children}
    </div>
  );
}
