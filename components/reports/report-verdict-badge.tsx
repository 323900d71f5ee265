import type { Verdict } from "@/lib/analysis/classification";

const VERDICT_CLASSES: Record<Verdict, string> = {
  immutable: "border-immutable/40 bg-immutable/10 text-immutable dark:text-teal-300",
  mutable: "border-mutable/40 bg-mutable/10 text-mutable dark:text-rose-300",
  mixed: "border-mixed/40 bg-mixed/10 text-mixed dark:text-yellow-300",
  unknown: "border-unknown/40 bg-unknown/10 text-unknown dark:text-slate-300",
};

export interface ReportVerdictBadgeProps {
  verdict: Verdict;
  /** 0..1, shown as a percentage. */
  confidence?: number;
  isOverridden?: boolean;
}

/** "mutable · 80%" in the verdict's colour; the verdict is text, never colour alone. */
export function ReportVerdictBadge({ verdict, confidence, isOverridden = false }: ReportVerdictBadgeProps) {
  return (
    <span className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium print:border-slate-400 print:bg-white print:text-black ${VERDICT_CLASSES[verdict]}`}>
      <span>{verdict}</span>
      {confidence !== undefined && <span className="font-normal tabular-nums opacity-80">· {Math.round(confidence * 100)}% confidence</span>}
      {isOverridden && <span className="font-normal opacity-80">(set by a user)</span>}
    </span>
  );
}
