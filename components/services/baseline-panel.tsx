"use client";

import { buttonClasses } from "@/components/ui/button-link";
import { Card } from "@/components/ui/card";
import { smallButtonClasses } from "@/components/ui/form-controls";
import type { BaselineSource } from "@/lib/analysis/baseline";
import { formatVersion } from "@/lib/analysis/format-display";
import { BaselineSwitcher } from "./baseline-switcher";
import { useUpdateBaseline } from "./use-service-mutations";

export interface BaselinePanelProps {
  service: string;
  environment: string;
  /** The source asked for in the URL, if any. */
  requested: BaselineSource | undefined;
  /** The source the analysis used (previous without a previous snapshot falls back to majority). */
  used: BaselineSource;
  declared: Record<string, string>;
  onChangeSource: (source: BaselineSource) => void;
  /** Called after the majority was accepted as the declared baseline. */
  onAcceptedMajority: () => void;
  isUpdating: boolean;
}

/** What drift is measured against: the source switcher, "accept the majority", and the pinned versions. */
export function BaselinePanel({ service, environment, requested, used, declared, onChangeSource, onAcceptedMajority, isUpdating }: BaselinePanelProps) {
  const mutation = useUpdateBaseline(service);
  const pins = Object.entries(declared).sort(([a], [b]) => (a < b ? -1 : 1));
  const shown = requested ?? used;
  return (
    <Card title="Baseline">
      <BaselineSwitcher value={shown} onChange={onChangeSource} disabled={isUpdating} />
      {requested === "previous" && used !== "previous" && (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">This is the service&apos;s first snapshot: there is no previous one, so drift is measured against the majority.</p>
      )}
      {shown === "declared" && pins.length === 0 && (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">No version is pinned yet, so the declared baseline equals the majority. Pin a version in the spread below.</p>
      )}
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <button
          type="button"
          className={buttonClasses.secondary}
          disabled={mutation.isPending}
          onClick={() => mutation.mutate({ environment, acceptMajority: true }, { onSuccess: onAcceptedMajority })}
        >
          {mutation.isPending ? "Saving…" : "Accept current majority as baseline"}
        </button>
        <span className="text-xs text-slate-500 dark:text-slate-400">Pins every component at today&apos;s majority version and switches this service to the declared baseline.</span>
      </div>
      {mutation.isError && (
        <p role="alert" className="mt-2 text-sm text-rose-600 dark:text-rose-400">
          Could not update the baseline: {mutation.error.message}
        </p>
      )}
      {pins.length > 0 && (
        <details className="mt-3">
          <summary className="cursor-pointer text-sm font-medium">Pinned versions ({pins.length})</summary>
          <ul aria-label="Pinned versions" className="mt-2 max-h-64 space-y-1 overflow-y-auto text-sm">
            {pins.map(([component, version]) => (
              <li key={component} className="flex items-center gap-2">
                <span className="min-w-0 flex-1 truncate font-mono text-xs" title={component}>
                  {component}
                </span>
                <span className="font-mono text-xs" title={version}>
                  {formatVersion(version)}
                </span>
                <button
                  type="button"
                  className={smallButtonClasses}
                  disabled={mutation.isPending}
                  aria-label={`Unpin ${component}`}
                  onClick={() => mutation.mutate({ environment, pins: { [component]: null } })}
                >
                  Unpin
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </Card>
  );
}
