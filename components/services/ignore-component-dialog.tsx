"use client";

import { useId, useState } from "react";
import { buttonClasses } from "@/components/ui/button-link";
import { Dialog } from "@/components/ui/dialog";
import { inputClasses, labelClasses } from "@/components/ui/form-controls";
import { ignoreRuleInputSchema } from "@/lib/analysis/schemas";
import { useCreateIgnoreRule } from "./use-service-mutations";

export interface IgnoreComponentDialogProps {
  service: string;
  /** The component to ignore; null when the dialog is closed. */
  component: string | null;
  onClose: () => void;
}

/** Marks a noisy component as not drift, for this service or fleet-wide, with a reason (POST /api/ignore-rules). */
export function IgnoreComponentDialog({ service, component, onClose }: IgnoreComponentDialogProps) {
  return (
    <Dialog
      open={component !== null}
      onClose={onClose}
      title={component ? `Ignore ${component}` : "Ignore a component"}
      description="Ignored components are still shown, greyed, but no longer count as drift, spread or snowflake reasons."
    >
      {/* Keyed so each opening starts from a fresh form. */}
      {component !== null && <IgnoreComponentForm key={component} service={service} component={component} onDone={onClose} />}
    </Dialog>
  );
}

function IgnoreComponentForm({ service, component, onDone }: { service: string; component: string; onDone: () => void }) {
  const mutation = useCreateIgnoreRule();
  const [pattern, setPattern] = useState(component);
  const [scope, setScope] = useState<"service" | "fleet">("service");
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const patternId = useId();
  const reasonId = useId();
  const scopeName = useId();

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = ignoreRuleInputSchema.safeParse({ pattern, reason, service: scope === "service" ? service : null });
        if (!parsed.success) {
          setProblem(parsed.error.issues[0]?.message ?? "check the form");
          return;
        }
        setProblem(null);
        mutation.mutate(parsed.data, { onSuccess: onDone });
      }}
      className="space-y-4"
    >
      <div className="flex flex-col gap-1">
        <label htmlFor={patternId} className={labelClasses}>
          Component pattern
        </label>
        <input id={patternId} className={`${inputClasses} font-mono`} value={pattern} onChange={(e) => setPattern(e.target.value)} required />
        <span className="text-xs text-slate-500 dark:text-slate-400">The exact name, or a glob: * for any run of characters, ? for one.</span>
      </div>
      <fieldset>
        <legend className={labelClasses}>Where</legend>
        <div className="mt-1 flex flex-col gap-1 text-sm">
          <label className="inline-flex items-center gap-2">
            <input type="radio" name={scopeName} checked={scope === "service"} onChange={() => setScope("service")} />
            This service only ({service})
          </label>
          <label className="inline-flex items-center gap-2">
            <input type="radio" name={scopeName} checked={scope === "fleet"} onChange={() => setScope("fleet")} />
            Fleet-wide (every service)
          </label>
        </div>
      </fieldset>
      <div className="flex flex-col gap-1">
        <label htmlFor={reasonId} className={labelClasses}>
          Reason
        </label>
        <textarea
          id={reasonId}
          rows={2}
          required
          maxLength={2000}
          className={inputClasses}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder="e.g. changes on every run; not something we manage"
        />
      </div>
      {(problem ?? mutation.error) && (
        <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
          {problem ?? `Could not save the rule: ${mutation.error?.message}`}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <button type="button" className={buttonClasses.secondary} onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className={buttonClasses.primary} disabled={mutation.isPending}>
          {mutation.isPending ? "Saving…" : "Ignore component"}
        </button>
      </div>
    </form>
  );
}
