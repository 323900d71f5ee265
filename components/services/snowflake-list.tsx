import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { ServiceDetail } from "@/lib/analysis/queries";
import { buildHostHref } from "@/lib/analysis/service-view";

export interface SnowflakeListProps {
  hosts: ServiceDetail["hosts"];
  hostCount: number;
  environment: string;
}

/** Hosts that can no longer be rebuilt from what their peers share, each with its reasons. */
export function SnowflakeList({ hosts, hostCount, environment }: SnowflakeListProps) {
  const snowflakes = hosts.filter((host) => host.isSnowflake);
  return (
    <Card title="Snowflakes">
      {hostCount === 1 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">A one-host service has no peers to compare with, so no snowflakes by definition.</p>
      ) : snowflakes.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No snowflakes: every host has the components and configuration its peers share. Version skew, if any, is drift.
        </p>
      ) : (
        <ul className="space-y-3">
          {snowflakes.map((host) => (
            <li key={host.hostKey}>
              <p className="text-sm font-medium">
                <span aria-hidden className="mr-1 text-snowflake dark:text-violet-400">
                  ❄
                </span>
                <Link href={buildHostHref(host.hostKey, environment)} className="font-mono text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
                  {host.hostKey}
                </Link>
              </p>
              <ul className="mt-1 list-disc space-y-0.5 pl-8 text-sm text-slate-700 dark:text-slate-300">
                {host.snowflakeReasons.map((reason) => (
                  <li key={reason} className="break-words">
                    {reason}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
