import Link from "next/link";
import { VerdictBadge } from "@/components/services/verdict-badge";
import { Card } from "@/components/ui/card";
import { MIGRATION_PATH } from "@/lib/analysis/classification";
import { buildServiceHref, listMigrationCandidates } from "@/lib/charts/fleet-series";
import { formatCount } from "@/lib/format";
import { getOverviewSummary } from "@/lib/overview/queries";

export interface MigrationCandidatesProps {
  environment: string | undefined;
}

/** Stateless services that still change in place, each with its next step towards immutable. */
export async function MigrationCandidates({ environment }: MigrationCandidatesProps) {
  const fleet = await getOverviewSummary(environment);
  const candidates = listMigrationCandidates(fleet.serviceSummaries);
  const undecidedCompute = fleet.byRole.stateless.unknown;
  const showsEnvironment = new Set(fleet.serviceSummaries.map((s) => s.environment)).size > 1;
  return (
    <Card title="Migration candidates">
      {candidates.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No stateless service changes in place: there is nothing to migrate.
          {undecidedCompute > 0 && ` ${formatCount(undecidedCompute, "compute service")} ${undecidedCompute === 1 ? "has" : "have"} too little history to tell yet.`}
        </p>
      ) : (
        <>
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
            Stateless services that are still patched in place. Each shows the next step on the path to immutable infrastructure (containerise → build
            images in CI → infrastructure as code → blue-green deploys → remove SSH).
          </p>
          <ul className="grid gap-3 md:grid-cols-2">
            {candidates.map((service) => {
              const stepIndex = service.nextStep ? MIGRATION_PATH.findIndex((s) => s.step === service.nextStep?.step) : -1;
              const label = showsEnvironment ? `${service.name} (${service.environment})` : service.name;
              return (
                <li key={`${service.name}\u0000${service.environment}`} className="rounded-md border border-slate-200 p-3 dark:border-slate-800">
                  <div className="flex flex-wrap items-center gap-2">
                    <Link href={buildServiceHref(service.name, service.environment)} className="font-semibold text-sky-700 hover:underline dark:text-sky-400">
                      {label}
                    </Link>
                    <VerdictBadge verdict={service.classification.verdict} confidence={service.classification.confidence} />
                    <span className="text-xs text-slate-500 dark:text-slate-400">
                      {formatCount(service.hostCount, "host")}
                      {service.driftedHostCount > 0 && ` · ${service.driftedHostCount} drifted`}
                    </span>
                  </div>
                  {service.nextStep ? (
                    <div className="mt-2 text-sm">
                      <p>
                        <span className="text-slate-500 dark:text-slate-400">
                          Next step{stepIndex >= 0 && ` (${stepIndex + 1} of ${MIGRATION_PATH.length})`}:
                        </span>{" "}
                        <span className="font-medium">{service.nextStep.title}</span>
                      </p>
                      <p className="mt-1 text-slate-600 dark:text-slate-400">Why: {service.nextStep.why}.</p>
                    </div>
                  ) : (
                    <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">Open the service for its evidence.</p>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </Card>
  );
}
