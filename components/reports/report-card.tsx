import type { ReactNode } from "react";

export interface ReportCardProps {
  title?: ReactNode;
  /** For `aria-labelledby`: lets a section be found by its heading. */
  titleId?: string;
  children: ReactNode;
  className?: string;
}

/** A card of the shared report; prints as a plain bordered box on white. */
export function ReportCard({ title, titleId, children, className = "" }: ReportCardProps) {
  return (
    <section
      aria-labelledby={title && titleId ? titleId : undefined}
      className={`rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900 print:border-slate-300 print:bg-white print:text-black print:shadow-none ${className}`}
    >
      {title && (
        <h2 id={titleId} className="mb-3 text-sm font-semibold text-slate-700 dark:text-slate-200 print:text-black">
          {title}
        </h2>
      )}
      {children}
    </section>
  );
}
