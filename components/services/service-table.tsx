import Link from "next/link";
import type { ServiceSummary } from "@/lib/analysis/queries";
import { buildServiceHref } from "@/lib/analysis/service-view";
import { formatDateTime } from "@/lib/format";
import { MigrationCandidateMarker } from "./migration-candidate-marker";
import { RoleBadge } from "./role-badge";
import { VerdictBadge } from "./verdict-badge";

export interface ServiceTableProps {
  services: readonly ServiceSummary[];
}

const numberCell = "px-3 py-2 text-right tabular-nums";

/** Every service with its drift counts and verdict; a row links to the service page. */
export function ServiceTable({ services }: ServiceTableProps) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table aria-label="Services" className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:text-slate-400">
          <tr>
            <th scope="col" className="px-3 py-2">Service</th>
            <th scope="col" className="px-3 py-2">Environment</th>
            <th scope="col" className="px-3 py-2">Role</th>
            <th scope="col" className="px-3 py-2 text-right">Hosts</th>
            <th scope="col" className="px-3 py-2 text-right">Drifted hosts</th>
            <th scope="col" className="px-3 py-2 text-right">Snowflakes</th>
            <th scope="col" className="px-3 py-2 text-right">Components with spread</th>
            <th scope="col" className="px-3 py-2">Verdict</th>
            <th scope="col" className="px-3 py-2">Migration</th>
          </tr>
        </thead>
        <tbody>
          {services.map((service) => (
            <tr key={`${service.name}\u0000${service.environment}`} className="border-b border-slate-100 last:border-0 hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-800/50">
              <th scope="row" className="px-3 py-2 font-medium">
                <Link
                  href={buildServiceHref(service.name, { environment: service.environment })}
                  className="text-sky-700 underline-offset-2 hover:underline dark:text-sky-400"
                >
                  {service.name}
                </Link>
                <div className="whitespace-nowrap text-xs font-normal text-slate-500 dark:text-slate-400">as of {formatDateTime(service.takenAt)}</div>
              </th>
              <td className="px-3 py-2">{service.environment}</td>
              <td className="px-3 py-2">
                <RoleBadge role={service.role} />
              </td>
              <td className={numberCell}>{service.hostCount.toLocaleString("en-US")}</td>
              <td className={`${numberCell} ${service.driftedHostCount > 0 ? "font-semibold text-drift" : "text-slate-500"}`}>
                {service.driftedHostCount.toLocaleString("en-US")}
              </td>
              <td className={`${numberCell} ${service.snowflakeCount > 0 ? "font-semibold text-snowflake dark:text-violet-400" : "text-slate-500"}`}>
                {service.snowflakeCount.toLocaleString("en-US")}
              </td>
              <td className={`${numberCell} ${service.spreadComponentCount > 0 ? "" : "text-slate-500"}`}>{service.spreadComponentCount.toLocaleString("en-US")}</td>
              <td className="px-3 py-2">
                <VerdictBadge
                  verdict={service.classification.verdict}
                  confidence={service.classification.confidence}
                  isOverridden={service.classification.override !== null}
                />
              </td>
              <td className="px-3 py-2">{service.isMigrationCandidate ? <MigrationCandidateMarker /> : <span className="sr-only">not a candidate</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
