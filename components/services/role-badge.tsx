import type { ServiceRole } from "@/lib/analysis/classification/detect-role";

export interface RoleBadgeProps {
  role: ServiceRole;
}

/** Stateful services hold data and are expected to be mutable; stateless ones compute. */
export function RoleBadge({ role }: RoleBadgeProps) {
  return (
    <span
      className={`inline-flex items-center rounded px-1.5 py-0.5 text-xs font-medium ${
        role === "stateful"
          ? "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-200"
          : "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200"
      }`}
    >
      {role}
    </span>
  );
}
