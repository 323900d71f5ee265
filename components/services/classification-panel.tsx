import { Card } from "@/components/ui/card";
import type { ServiceDetail } from "@/lib/analysis/queries";
import { formatCount } from "@/lib/format";
import { formatConfidence, VerdictBadge } from "./verdict-badge";
import { VerdictOverrideForm } from "./verdict-override-form";

export interface ClassificationPanelProps {
  service: string;
  environment: string;
  classification: ServiceDetail["classification"];
}

/** The verdict with its confidence and evidence; an override is shown as such, beside what the evidence says. */
export function ClassificationPanel({ service, environment, classification }: ClassificationPanelProps) {
  const { verdict, computedVerdict, override, confidence, evidence, hints, leaning } = classification;
  const isContradicted = override !== null && computedVerdict !== "unknown" && computedVerdict !== override.verdict;
  return (
    <Card title="Classification">
      <div className="flex flex-wrap items-center gap-3">
        <VerdictBadge verdict={verdict} size="lg" isOverridden={override !== null} />
        {!override && <span className="text-sm text-slate-600 dark:text-slate-400">confidence {formatConfidence(confidence)}</span>}
      </div>
      {override && (
        <p className="mt-2 text-sm">
          <strong>Overridden to {override.verdict}</strong>: {override.reason}; evidence says <strong>{computedVerdict}</strong>
          {computedVerdict !== "unknown" && ` (confidence ${formatConfidence(confidence)})`}.
          {isContradicted && (
            <span className="mt-1 block text-mutable">The evidence disagrees with the override: check whether it still holds.</span>
          )}
        </p>
      )}
      <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">
        Across the snapshot history: {formatCount(classification.mutations, "transition")} with in-place changes (mutations),{" "}
        {formatCount(classification.replacements, "transition")} with new hosts bringing new versions (replacements),{" "}
        {formatCount(classification.scaleEvents, "scale event")}.
      </p>

      <h3 className="mt-4 text-sm font-semibold">Evidence</h3>
      <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
        {evidence.map((line) => (
          <li key={line} className="break-words">
            {line}
          </li>
        ))}
      </ul>

      {hints.length > 0 && (
        <>
          <h3 className="mt-4 text-sm font-semibold">
            Hints from the latest snapshot{" "}
            <span className="font-normal text-slate-500 dark:text-slate-400">
              {verdict === "unknown" && leaning ? `(leaning ${leaning}, low confidence)` : "(hints, not evidence)"}
            </span>
          </h3>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-slate-700 dark:text-slate-300">
            {hints.map((hint) => (
              <li key={hint} className="break-words">
                {hint}
              </li>
            ))}
          </ul>
        </>
      )}
      <VerdictOverrideForm key={`${override?.verdict ?? ""}:${override?.reason ?? ""}`} service={service} environment={environment} computedVerdict={computedVerdict} override={override} />
    </Card>
  );
}
