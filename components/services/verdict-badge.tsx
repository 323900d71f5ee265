import type { Verdict } from "@/lib/analysis/classification/classify-service";

const VERDICT_CLASSES: Record<Verdict, string> = {
  immutable: "border-immutable/40 bg-immutable/10 text-immutable dark:text-teal-300",
  mutable: "border-mutable/40 bg-mutable/10 text-mutable dark:text-rose-300",
  mixed: "border-mixed/40 bg-mixed/10 text-mixed dark:text-yellow-300",
  unknown: "border-unknown/40 bg-unknown/10 text-unknown dark:text-slate-300",
};

export interface VerdictBadgeProps {
  verdict: Verdict;
  /** 0..1; shown as a percentage when given. */
  confidence?: number;
  size?: "sm" | "lg";
  /** Marks a verdict a user set rather than the one computed from evidence. */
  isOverridden?: boolean;
}

/** "immutable · 50%" in the verdict's colour. The verdict is text, never colour alone. */
export function VerdictBadge({ verdict, confidence, size = "sm", isOverridden = false }: VerdictBadgeProps) {
  const sizeClasses = size === "lg" ? "px-3 py-1 text-base" : "px-2 py-0.5 text-xs";
  return (
    <span className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded-full border font-medium ${sizeClasses} ${VERDICT_CLASSES[verdict]}`}>
      <span>{verdict}</span>
      {confidence !== undefined && (
        <span className="font-normal tabular-nums opacity-80" title="confidence">
          · {formatConfidence(confidence)}
        </span>
      )}
      {isOverridden && <span className="font-normal opacity-80">(set by a user)</span>}
    </span>
  );
}

export function formatConfidence(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}
