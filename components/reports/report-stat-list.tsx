export interface ReportStatListProps {
  label: string;
  stats: Array<{ label: string; value: number; tone?: string }>;
}

/** Headline figures as a definition list: a label above each number. */
export function ReportStatList({ label, stats }: ReportStatListProps) {
  return (
    <dl aria-label={label} className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5 print:grid-cols-5">
      {stats.map((stat) => (
        <div key={stat.label} className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900 print:border-slate-300 print:bg-white">
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400 print:text-black">{stat.label}</dt>
          <dd className={`mt-1 text-2xl font-semibold tabular-nums ${stat.tone ?? ""}`}>{stat.value.toLocaleString("en-US")}</dd>
        </div>
      ))}
    </dl>
  );
}
