"use client";

import { useId, useState } from "react";
import { buttonClasses } from "@/components/ui/button-link";
import { Dialog } from "@/components/ui/dialog";
import { inputClasses, labelClasses } from "@/components/ui/form-controls";
import { formatDateTime } from "@/lib/format";
import type { ReportScope } from "@/lib/reports/schemas";
import type { ReportScopeKind } from "@/lib/reports/scope";
import { buildShareRequest, createShareForm, EXPIRY_CHOICES, type ShareFormState } from "@/lib/reports/share-form";
import { CopyLinkButton } from "./copy-link-button";
import { useCreateReport } from "./use-reports";

export interface ShareReportDialogProps {
  /** Where the dialog is opened from: a service, an environment, a comparison, or {} for the fleet. */
  scope?: ReportScope;
  /** A title to start with; one is suggested from the scope otherwise. */
  title?: string;
  className?: string;
}

const SCOPE_CHOICES: ReadonlyArray<{ kind: ReportScopeKind; label: string }> = [
  { kind: "fleet", label: "Whole fleet" },
  { kind: "services", label: "Chosen services" },
  { kind: "environment", label: "An environment" },
  { kind: "compare", label: "A comparison of two snapshots" },
];

/**
 * The Share button and its dialog: title, scope and expiry in, a link out. The report is frozen
 * when shared. The link is shown here once — Driftboard keeps only a hash of its token — and
 * this tab remembers it so the Reports page can copy it again.
 */
export function ShareReportDialog({ scope, title, className = "" }: ShareReportDialogProps) {
  const [isOpen, setIsOpen] = useState(false);
  const [form, setForm] = useState<ShareFormState>(() => createShareForm(scope, title));
  const [problem, setProblem] = useState<{ field: keyof ShareFormState; message: string } | null>(null);
  const mutation = useCreateReport();
  const id = useId();
  const created = mutation.data;

  const open = () => {
    setForm(createShareForm(scope, title));
    setProblem(null);
    mutation.reset();
    setIsOpen(true);
  };
  const update = (patch: Partial<ShareFormState>) => setForm((current) => ({ ...current, ...patch }));
  const fieldError = (field: keyof ShareFormState) =>
    problem?.field === field ? (
      <p id={`${id}-${field}-error`} role="alert" className="mt-1 text-xs text-rose-600 dark:text-rose-400">
        {problem.message}
      </p>
    ) : null;
  const describedBy = (field: keyof ShareFormState) => (problem?.field === field ? `${id}-${field}-error` : undefined);

  return (
    <div className={`print:hidden ${className}`}>
      <button type="button" className={buttonClasses.secondary} onClick={open}>
        <span aria-hidden>⤴</span> Share
      </button>
      <Dialog
        open={isOpen}
        onClose={() => setIsOpen(false)}
        title={created ? "Report shared" : "Share a drift report"}
        description={
          created
            ? "Anyone with this link can read the report, without signing in, until it expires or you revoke it on the Reports page."
            : "The report is frozen now: later uploads, baselines and ignore rules do not change what the link shows."
        }
      >
        {created ? (
          <div className="space-y-3">
            <label htmlFor={`${id}-link`} className={labelClasses}>
              Report link
            </label>
            <input
              id={`${id}-link`}
              readOnly
              value={created.url}
              onFocus={(event) => event.currentTarget.select()}
              className={`${inputClasses} block w-full font-mono text-xs`}
            />
            <div className="flex flex-wrap items-center justify-between gap-2">
              <CopyLinkButton url={created.url} className={buttonClasses.primary} />
              <a href={created.url} target="_blank" rel="noreferrer noopener" className="text-sm text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
                Open the report
              </a>
            </div>
            <p className="text-xs text-slate-600 dark:text-slate-400">
              {created.expiresAt ? `The link expires ${formatDateTime(created.expiresAt)}.` : "The link does not expire."} Copy it now: Driftboard keeps only a
              fingerprint of it, so the Reports page can copy it again only from this browser tab.
            </p>
            <div className="flex justify-end">
              <button type="button" className={buttonClasses.secondary} onClick={() => setIsOpen(false)}>
                Done
              </button>
            </div>
          </div>
        ) : (
          <form
            noValidate
            className="space-y-4"
            onSubmit={(event) => {
              event.preventDefault();
              const request = buildShareRequest(form);
              if (!request.ok) {
                setProblem({ field: request.field, message: request.message });
                return;
              }
              setProblem(null);
              mutation.mutate(request.body);
            }}
          >
            <div>
              <label htmlFor={`${id}-title`} className={labelClasses}>
                Title
              </label>
              <input
                id={`${id}-title`}
                value={form.title}
                maxLength={200}
                onChange={(event) => update({ title: event.target.value })}
                aria-invalid={problem?.field === "title"}
                aria-describedby={describedBy("title")}
                className={`${inputClasses} mt-1 block w-full`}
              />
              {fieldError("title")}
            </div>

            <fieldset>
              <legend className={labelClasses}>Scope</legend>
              <div className="mt-1 grid gap-1 sm:grid-cols-2">
                {SCOPE_CHOICES.map((choice) => (
                  <label key={choice.kind} className="flex items-center gap-2 text-sm">
                    <input type="radio" name={`${id}-scope`} value={choice.kind} checked={form.scopeKind === choice.kind} onChange={() => update({ scopeKind: choice.kind })} />
                    {choice.label}
                  </label>
                ))}
              </div>
              {form.scopeKind === "services" && (
                <div className="mt-3 grid gap-3 sm:grid-cols-2">
                  <div>
                    <label htmlFor={`${id}-services`} className={labelClasses}>
                      Services
                    </label>
                    <input
                      id={`${id}-services`}
                      value={form.services}
                      placeholder="billing, web"
                      onChange={(event) => update({ services: event.target.value })}
                      aria-invalid={problem?.field === "services"}
                      aria-describedby={describedBy("services")}
                      className={`${inputClasses} mt-1 block w-full`}
                    />
                    {fieldError("services")}
                  </div>
                  <div>
                    <label htmlFor={`${id}-services-environment`} className={labelClasses}>
                      Environment <span className="font-normal text-slate-500">(optional)</span>
                    </label>
                    <input
                      id={`${id}-services-environment`}
                      value={form.environment}
                      placeholder="all"
                      onChange={(event) => update({ environment: event.target.value })}
                      className={`${inputClasses} mt-1 block w-full`}
                    />
                  </div>
                </div>
              )}
              {form.scopeKind === "environment" && (
                <div className="mt-3">
                  <label htmlFor={`${id}-environment`} className={labelClasses}>
                    Environment
                  </label>
                  <input
                    id={`${id}-environment`}
                    value={form.environment}
                    placeholder="production"
                    onChange={(event) => update({ environment: event.target.value })}
                    aria-invalid={problem?.field === "environment"}
                    aria-describedby={describedBy("environment")}
                    className={`${inputClasses} mt-1 block w-full`}
                  />
                  {fieldError("environment")}
                </div>
              )}
              {form.scopeKind === "compare" && (
                <div className="mt-3 grid gap-3 sm:grid-cols-2">
                  {(["from", "to"] as const).map((side) => (
                    <div key={side}>
                      <label htmlFor={`${id}-${side}`} className={labelClasses}>
                        {side === "from" ? "From snapshot" : "To snapshot"}
                      </label>
                      <input
                        id={`${id}-${side}`}
                        value={form[side]}
                        placeholder="snapshot id"
                        onChange={(event) => update({ [side]: event.target.value })}
                        aria-invalid={problem?.field === side}
                        aria-describedby={describedBy(side)}
                        className={`${inputClasses} mt-1 block w-full font-mono text-xs`}
                      />
                      {fieldError(side)}
                    </div>
                  ))}
                </div>
              )}
            </fieldset>

            <div className="grid gap-3 sm:grid-cols-2">
              <div>
                <label htmlFor={`${id}-expiry`} className={labelClasses}>
                  Link expires
                </label>
                <select id={`${id}-expiry`} value={form.expiry} onChange={(event) => update({ expiry: event.target.value })} className={`${inputClasses} mt-1 block w-full`}>
                  {EXPIRY_CHOICES.map((choice) => (
                    <option key={choice.value} value={choice.value}>
                      {choice.value === "never" || choice.value === "custom" ? choice.label : `After ${choice.label}`}
                    </option>
                  ))}
                </select>
              </div>
              {form.expiry === "custom" && (
                <div>
                  <label htmlFor={`${id}-days`} className={labelClasses}>
                    Days
                  </label>
                  <input
                    id={`${id}-days`}
                    type="number"
                    min={1}
                    step={1}
                    value={form.customDays}
                    onChange={(event) => update({ customDays: event.target.value })}
                    aria-invalid={problem?.field === "customDays"}
                    aria-describedby={describedBy("customDays")}
                    className={`${inputClasses} mt-1 block w-full`}
                  />
                  {fieldError("customDays")}
                </div>
              )}
            </div>
            {problem?.field === "customDays" && form.expiry !== "custom" && fieldError("customDays")}

            {mutation.isError && (
              <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
                Could not share: {mutation.error.message}
              </p>
            )}
            <div className="flex justify-end gap-2">
              <button type="button" className={buttonClasses.secondary} onClick={() => setIsOpen(false)}>
                Cancel
              </button>
              <button type="submit" className={buttonClasses.primary} disabled={mutation.isPending}>
                {mutation.isPending ? "Freezing the report…" : "Create link"}
              </button>
            </div>
          </form>
        )}
      </Dialog>
    </div>
  );
}
