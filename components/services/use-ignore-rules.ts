"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "./fetch-json";
import { serviceKeys } from "./use-service-detail";

export interface IgnoreRuleRecord {
  id: string;
  pattern: string;
  service: string | null;
  environment: string | null;
  reason: string;
  createdAt: string;
}

/** The user's ignore rules (GET /api/ignore-rules), with the ids needed to remove one. */
export function useIgnoreRules() {
  return useQuery({
    queryKey: serviceKeys.ignoreRules(),
    queryFn: ({ signal }) => fetchJson<{ rules: IgnoreRuleRecord[] }>("/api/ignore-rules", { signal }).then((body) => body.rules),
  });
}
