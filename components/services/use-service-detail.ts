"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import type { ServiceDetail } from "@/lib/analysis/queries";
import type { ServiceDataParams } from "@/lib/analysis/service-view";
import { fetchJson } from "./fetch-json";

/** TanStack Query keys of the services domain: invalidate `serviceKeys.service(name)` after changing a service. */
export const serviceKeys = {
  all: ["services"] as const,
  lists: () => [...serviceKeys.all, "list"] as const,
  list: (environment: string | undefined) => [...serviceKeys.lists(), { environment: environment ?? null }] as const,
  service: (name: string) => [...serviceKeys.all, "service", name] as const,
  detail: (name: string, params: ServiceDataParams) =>
    [
      ...serviceKeys.service(name),
      "detail",
      { environment: params.environment ?? null, snapshot: params.snapshot ?? null, baseline: params.baseline ?? null },
    ] as const,
  ignoreRules: () => ["ignore-rules"] as const,
};

export function buildServiceDetailUrl(name: string, params: ServiceDataParams): string {
  const search = new URLSearchParams();
  if (params.environment) search.set("environment", params.environment);
  if (params.snapshot) search.set("snapshot", params.snapshot);
  if (params.baseline) search.set("baseline", params.baseline);
  const query = search.toString();
  return `/api/services/${encodeURIComponent(name)}${query ? `?${query}` : ""}`;
}

function isSameParams(a: ServiceDataParams, b: ServiceDataParams): boolean {
  return a.environment === b.environment && a.snapshot === b.snapshot && a.baseline === b.baseline;
}

export interface UseServiceDetailOptions {
  name: string;
  params: ServiceDataParams;
  /** What the server rendered, and for which parameters: used only while the parameters match. */
  initial?: { params: ServiceDataParams; detail: ServiceDetail };
}

/**
 * One service analysed (GET /api/services/{name}). While other parameters load (another
 * baseline, an older snapshot) the previous data stays on screen, marked as placeholder.
 */
export function useServiceDetail({ name, params, initial }: UseServiceDetailOptions) {
  // The server's render seeds the cache once. Offered again later (after the entry was
  // garbage-collected) it could be older than a pin or override made since.
  const hasSeeded = useRef(false);
  useEffect(() => {
    hasSeeded.current = true;
  }, []);
  return useQuery({
    queryKey: serviceKeys.detail(name, params),
    queryFn: ({ signal }) => fetchJson<ServiceDetail>(buildServiceDetailUrl(name, params), { signal }),
    initialData: !hasSeeded.current && initial && isSameParams(initial.params, params) ? initial.detail : undefined,
    placeholderData: keepPreviousData,
  });
}
