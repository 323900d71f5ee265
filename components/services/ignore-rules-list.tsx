"use client";

import { Card } from "@/components/ui/card";
import { smallButtonClasses } from "@/components/ui/form-controls";
import { useIgnoreRules } from "./use-ignore-rules";
import { useDeleteIgnoreRule } from "./use-service-mutations";

export interface IgnoreRulesListProps {
  service: string;
  environment: string;
}

/** The user's rules that apply to this service (its own and fleet-wide ones), each removable. */
export function IgnoreRulesList({ service, environment }: IgnoreRulesListProps) {
  const rules = useIgnoreRules();
  const remove = useDeleteIgnoreRule();
  const applicable = (rules.data ?? []).filter(
    (rule) => (rule.service === null || rule.service === service) && (rule.environment === null || rule.environment === environment),
  );
  return (
    <Card title="Ignore rules">
      {rules.isPending ? (
        <p role="status" className="text-sm text-slate-500">
          Loading ignore rules…
        </p>
      ) : rules.isError ? (
        <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
          Could not load the ignore rules: {rules.error.message}
        </p>
      ) : applicable.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No rule of yours applies to this service. Built-in rules already ignore volatile facts such as uptime and free memory.
        </p>
      ) : (
        <ul className="space-y-2 text-sm">
          {applicable.map((rule) => (
            <li key={rule.id} className="flex items-start gap-3">
              <div className="min-w-0 flex-1">
                <span className="font-mono">{rule.pattern}</span>{" "}
                <span className="text-xs text-slate-500 dark:text-slate-400">{rule.service ? "this service" : "fleet-wide"}</span>
                <p className="text-slate-600 dark:text-slate-400">{rule.reason}</p>
              </div>
              <button
                type="button"
                className={smallButtonClasses}
                disabled={remove.isPending}
                aria-label={`Stop ignoring ${rule.pattern}`}
                onClick={() => remove.mutate(rule.id)}
              >
                Stop ignoring
              </button>
            </li>
          ))}
        </ul>
      )}
      {remove.isError && (
        <p role="alert" className="mt-2 text-sm text-rose-600 dark:text-rose-400">
          Could not remove the rule: {remove.error.message}
        </p>
      )}
    </Card>
  );
}
