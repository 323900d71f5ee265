"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { BaselineUpdate, IgnoreRuleInput, ServiceSettingsUpdate } from "@/lib/analysis/schemas";
import { fetchJson } from "./fetch-json";
import { serviceKeys } from "./use-service-detail";

/** After any change to a service, everything cached about it (every baseline, every snapshot) is stale. */
function useInvalidateService(name: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: serviceKeys.service(name) }),
      queryClient.invalidateQueries({ queryKey: serviceKeys.lists() }),
    ]);
}

/** PUT /api/services/{name}/baseline: switch the saved source, pin or unpin versions, accept the majority. */
export function useUpdateBaseline(name: string) {
  const invalidate = useInvalidateService(name);
  return useMutation({
    mutationFn: (update: BaselineUpdate) =>
      fetchJson<null>(`/api/services/${encodeURIComponent(name)}/baseline`, { method: "PUT", body: JSON.stringify(update) }),
    onSuccess: invalidate,
  });
}

/** PUT /api/services/{name}/settings: override (or clear) the role or the verdict. */
export function useUpdateServiceSettings(name: string) {
  const invalidate = useInvalidateService(name);
  return useMutation({
    mutationFn: (update: ServiceSettingsUpdate) =>
      fetchJson<null>(`/api/services/${encodeURIComponent(name)}/settings`, { method: "PUT", body: JSON.stringify(update) }),
    onSuccess: invalidate,
  });
}

/** POST /api/ignore-rules. A rule may be fleet-wide, so every service's data is stale afterwards. */
export function useCreateIgnoreRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: IgnoreRuleInput) => fetchJson<{ id: string }>("/api/ignore-rules", { method: "POST", body: JSON.stringify(input) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: serviceKeys.all }).then(() => queryClient.invalidateQueries({ queryKey: serviceKeys.ignoreRules() })),
  });
}

/** DELETE /api/ignore-rules/{id}. */
export function useDeleteIgnoreRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => fetchJson<null>(`/api/ignore-rules/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: serviceKeys.all }), queryClient.invalidateQueries({ queryKey: serviceKeys.ignoreRules() })]),
  });
}
