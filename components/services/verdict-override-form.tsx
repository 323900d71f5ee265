"use client";

import { useId, useState } from "react";
import { buttonClasses } from "@/components/ui/button-link";
import { inputClasses, labelClasses } from "@/components/ui/form-controls";
import type { Verdict } from "@/lib/analysis/classification/classify-service";
import { useUpdateServiceSettings } from "./use-service-mutations";

const VERDICTS: readonly Verdict[] = ["immutable", "mutable", "mixed", "unknown"];

export interface VerdictOverrideFormProps {
  service: string;
  environment: string;
  computedVerdict: Verdict;
  override: { verdict: Verdict; reason: string } | null;
}

/** Lets someone who knows better set the verdict, with a reason; the computed verdict stays visible beside it. */
export function VerdictOverrideForm({ service, environment, computedVerdict, override }: VerdictOverrideFormProps) {
  const mutation = useUpdateServiceSettings(service);
  const [verdict, setVerdict] = useState<Verdict>(override?.verdict ?? (computedVerdict === "mutable" ? "immutable" : "mutable"));
  const [reason, setReason] = useState(override?.reason ?? "");
  const verdictId = useId();
  const reasonId = useId();

  return (
    <details className="group mt-4 rounded-md border border-slate-200 dark:border-slate-800">
      <summary className="cursor-pointer select-none px-3 py-2 text-sm font-medium">{override ? "Change or clear the verdict override" : "Override the verdict"}</summary>
      <form
        className="space-y-3 border-t border-slate-200 px-3 py-3 dark:border-slate-800"
        onSubmit={(event) => {
          event.preventDefault();
          mutation.mutate({ environment, verdict: { verdict, reason } });
        }}
      >
        <div className="flex flex-col gap-1">
          <label htmlFor={verdictId} className={labelClasses}>
            Verdict
          </label>
          <select id={verdictId} className={inputClasses} value={verdict} onChange={(e) => setVerdict(e.target.value as Verdict)}>
            {VERDICTS.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={reasonId} className={labelClasses}>
            Reason for the override
          </label>
          <textarea
            id={reasonId}
            required
            rows={2}
            maxLength={2000}
            className={inputClasses}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder="e.g. hosts are rebuilt nightly from the image; the inventory misses it"
          />
        </div>
        <div className="flex flex-wrap gap-2">
          <button type="submit" className={buttonClasses.primary} disabled={mutation.isPending || reason.trim() === ""}>
            Save override
          </button>
          {override && (
            <button type="button" className={buttonClasses.secondary} disabled={mutation.isPending} onClick={() => mutation.mutate({ environment, verdict: null })}>
              Clear override
            </button>
          )}
        </div>
        {mutation.isError && (
          <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
            Could not save: {mutation.error.message}
          </p>
        )}
      </form>
    </details>
  );
}
