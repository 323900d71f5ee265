import type { ComponentChange } from "@/lib/analysis/classification";
import { abbreviateVersion } from "@/lib/compare/group-changes";

export interface ComponentChangeListProps {
  changes: ComponentChange[];
  /** Names the list for assistive technology, e.g. "Changes on billing-01". */
  label: string;
}

/** "nginx 1.22.1 → 1.24.0", one per line; added and removed components say so. */
export function ComponentChangeList({ changes, label }: ComponentChangeListProps) {
  return (
    <ul aria-label={label} className="space-y-0.5 font-mono text-xs">
      {changes.map((change) => (
        <li key={`${change.name}\u0000${change.from}\u0000${change.to}`} className="break-all">
          <span className="font-semibold">{change.name}</span> <ChangeArrow change={change} />
        </li>
      ))}
    </ul>
  );
}

function ChangeArrow({ change }: { change: ComponentChange }) {
  const version = (value: string) => (
    <span title={value} className="rounded bg-slate-100 px-1 dark:bg-slate-800">
      {abbreviateVersion(value)}
    </span>
  );
  if (change.from !== null && change.to !== null) {
    return (
      <>
        <span className="text-rose-700 dark:text-rose-300">{version(change.from)}</span> <span aria-label="to">→</span>{" "}
        <span className="text-teal-700 dark:text-teal-300">{version(change.to)}</span>
      </>
    );
  }
  if (change.to !== null) {
    return (
      <>
        <span className="text-slate-500 dark:text-slate-400">added</span> {version(change.to)}
      </>
    );
  }
  if (change.from !== null) {
    return (
      <>
        <span className="text-slate-500 dark:text-slate-400">removed, was</span> {version(change.from)}
      </>
    );
  }
  return null;
}
