import Link from "next/link";
import type { ReactNode } from "react";

export const buttonClasses = {
  primary:
    "inline-flex items-center gap-2 rounded-md bg-slate-900 px-3 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-50 dark:bg-white dark:text-slate-900 dark:hover:bg-slate-200",
  secondary:
    "inline-flex items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800",
} as const;

export function ButtonLink({ href, children, variant = "secondary" }: { href: string; children: ReactNode; variant?: keyof typeof buttonClasses }) {
  return (
    <Link href={href} className={buttonClasses[variant]}>
      {children}
    </Link>
  );
}
