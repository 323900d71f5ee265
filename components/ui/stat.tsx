import Link from "next/link";
import type { ReactNode } from "react";

export interface StatProps {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  href?: string;
}

export function Stat({ label, value, hint, href }: StatProps) {
  const body = (
    <>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums">{value}</dd>
      {hint && <dd className="mt-0.5 text-xs text-slate-500 dark:text-slate-400">{hint}</dd>}
    </>
  );
  const className = "block rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900";
  return href ? (
    <Link href={href} className={`${className} hover:border-slate-400 dark:hover:border-slate-600`}>
      <dl>{body}</dl>
    </Link>
  ) : (
    <dl className={className}>{body}</dl>
  );
}
