import { MAX_EXPIRY_DAYS, type CreateReportInput, type ReportScope } from "./schemas";
import { detectScopeKind, type ReportScopeKind } from "./scope";

/**
 * The share dialog's form, as plain data: what it starts with (from where it was opened)
 * and the request body it becomes. Pure, so the dialog only renders and submits.
 */
export interface ShareFormState {
  title: string;
  scopeKind: ReportScopeKind;
  /** Comma- or newline-separated service names. */
  services: string;
  environment: string;
  from: string;
  to: string;
  /** "never", a number of days, or "custom" with `customDays`. */
  expiry: string;
  customDays: string;
}

export const EXPIRY_CHOICES: ReadonlyArray<{ value: string; label: string }> = [
  { value: "never", label: "Never" },
  { value: "1", label: "1 day" },
  { value: "7", label: "7 days" },
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "custom", label: "Another number of days" },
];

export function createShareForm(scope: ReportScope = {}, title?: string): ShareFormState {
  const scopeKind = detectScopeKind(scope);
  return {
    title: title ?? suggestReportTitle(scope),
    scopeKind,
    services: scope.services?.join(", ") ?? "",
    environment: scope.environment ?? "",
    from: scope.compare?.from ?? "",
    to: scope.compare?.to ?? "",
    expiry: "30",
    customDays: "",
  };
}

/** "Drift report: billing (production)", "Drift report: production", "Fleet drift report", "Snapshot comparison". */
export function suggestReportTitle(scope: ReportScope): string {
  if (scope.compare) return "Snapshot comparison";
  const environment = scope.environment ? ` (${scope.environment})` : "";
  if (scope.services?.length) return `Drift report: ${scope.services.slice(0, 3).join(", ")}${scope.services.length > 3 ? ", …" : ""}${environment}`;
  if (scope.environment) return `Drift report: ${scope.environment}`;
  return "Fleet drift report";
}

export type ShareFormResult = { ok: true; body: CreateReportInput } | { ok: false; field: keyof ShareFormState; message: string };

/** The POST /api/reports body for the form, or the first field to fix. */
export function buildShareRequest(form: ShareFormState): ShareFormResult {
  const title = form.title.trim();
  if (!title) return { ok: false, field: "title", message: "Give the report a title." };
  const environment = form.environment.trim() || undefined;

  let scope: ReportScope;
  switch (form.scopeKind) {
    case "fleet":
      scope = {};
      break;
    case "environment":
      if (!environment) return { ok: false, field: "environment", message: "Name the environment to share." };
      scope = { environment };
      break;
    case "services": {
      const services = [...new Set(form.services.split(/[,\n]/).map((s) => s.trim()).filter(Boolean))];
      if (services.length === 0) return { ok: false, field: "services", message: "Name at least one service." };
      scope = { services, ...(environment && { environment }) };
      break;
    }
    case "compare": {
      const from = form.from.trim();
      const to = form.to.trim();
      if (!from) return { ok: false, field: "from", message: "Give the snapshot to compare from." };
      if (!to) return { ok: false, field: "to", message: "Give the snapshot to compare to." };
      if (from === to) return { ok: false, field: "to", message: "Choose two different snapshots." };
      scope = { compare: { from, to } };
      break;
    }
  }

  let expiresInDays: number | null = null;
  if (form.expiry !== "never") {
    const days = Number(form.expiry === "custom" ? form.customDays.trim() : form.expiry);
    if (!Number.isInteger(days) || days < 1 || days > MAX_EXPIRY_DAYS) {
      return { ok: false, field: "customDays", message: `Expiry is a whole number of days from 1 to ${MAX_EXPIRY_DAYS}.` };
    }
    expiresInDays = days;
  }
  return { ok: true, body: { title, scope, expiresInDays } };
}
