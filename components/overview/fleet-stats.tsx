import { Stat } from "@/components/ui/stat";
import { formatCount, formatPercent } from "@/lib/format";
import { getOverviewSummary } from "@/lib/overview/queries";

export interface FleetStatsProps {
  environment: string | undefined;
}

/** The headline figures: services, hosts, drifted hosts, snowflakes, components with spread. */
export async function FleetStats({ environment }: FleetStatsProps) {
  const fleet = await getOverviewSummary(environment);
  const servicesHref = environment ? `/services?environment=${encodeURIComponent(environment)}` : "/services";
  const spreadServices = fleet.serviceSummaries.filter((s) => s.spreadComponentCount > 0).length;
  const snowflakeServices = fleet.serviceSummaries.filter((s) => s.snowflakeCount > 0).length;
  return (
    <section aria-labelledby="headline-figures">
      <h2 id="headline-figures" className="sr-only">
        Headline figures
      </h2>
      <div className="grid grid-cols-2 gap-4 md:grid-cols-3 lg:grid-cols-5">
        <Stat
          label="Services"
          value={fleet.services.toLocaleString("en-US")}
          hint={`${fleet.byVerdict.immutable} immutable · ${fleet.byVerdict.mutable + fleet.byVerdict.mixed} mutable or mixed`}
          href={servicesHref}
        />
        <Stat label="Hosts" value={fleet.hosts.toLocaleString("en-US")} hint={fleet.environments.length > 1 && !environment ? `in ${formatCount(fleet.environments.length, "environment")}` : environment} href={servicesHref} />
        <Stat
          label="Drifted hosts"
          value={
            <>
              {fleet.driftedHosts.toLocaleString("en-US")}{" "}
              <span className="text-base font-medium text-drift">{formatPercent(fleet.driftedHosts, fleet.hosts)}</span>
            </>
          }
          hint={`of ${formatCount(fleet.hosts, "host")} differ from their baseline`}
          href={servicesHref}
        />
        <Stat
          label="Snowflakes"
          value={fleet.snowflakes.toLocaleString("en-US")}
          hint={fleet.snowflakes === 0 ? "every host can be rebuilt from its peers" : `in ${formatCount(snowflakeServices, "service")}`}
          href={servicesHref}
        />
        <Stat
          label="Components with spread"
          value={fleet.spreadComponents.toLocaleString("en-US")}
          hint={fleet.spreadComponents === 0 ? "one version per component" : `in ${formatCount(spreadServices, "service")}`}
          href={servicesHref}
        />
      </div>
    </section>
  );
}
