"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CreatedReport } from "@/lib/reports/mutations";
import type { ReportSummary } from "@/lib/reports/queries";
import type { CreateReportInput } from "@/lib/reports/schemas";
import { forgetReportLink, rememberReportLink } from "./report-link-store";

export const reportKeys = {
  all: ["reports"] as const,
  list: () => [...reportKeys.all, "list"] as const,
};

/** fetch that throws with the API's own message; null for 204. */
async function requestJson<T>(input: string, init?: RequestInit): Promise<T> {
  const response = await fetch(input, {
    ...init,
    headers: { accept: "application/json", ...(init?.body ? { "content-type": "application/json" } : {}) },
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `request failed (HTTP ${response.status})`);
  }
  return (response.status === 204 ? null : await response.json()) as T;
}

/** GET /api/reports, seeded with the server's render. */
export function useReports(initial?: ReportSummary[]) {
  return useQuery({
    queryKey: reportKeys.list(),
    queryFn: () => requestJson<{ reports: ReportSummary[] }>("/api/reports").then((r) => r.reports),
    initialData: initial,
  });
}

/** POST /api/reports; the link is remembered in this tab so the Reports page can copy it again. */
export function useCreateReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateReportInput) => requestJson<CreatedReport>("/api/reports", { method: "POST", body: JSON.stringify(body) }),
    onSuccess: (report) => {
      rememberReportLink(report.id, report.url);
      return queryClient.invalidateQueries({ queryKey: reportKeys.all });
    },
  });
}

/** DELETE /api/reports/{id}: the link stops working at once, and this tab forgets it. */
export function useRevokeReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => requestJson<null>(`/api/reports/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: (_result, id) => {
      forgetReportLink(id);
      return queryClient.invalidateQueries({ queryKey: reportKeys.all });
    },
  });
}
