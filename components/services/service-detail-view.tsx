"use client";

import { Suspense, useEffect, useMemo, useState } from "react";
import { ChartSkeleton } from "@/components/charts/chart-skeleton";
import { buttonClasses } from "@/components/ui/button-link";
import { Card } from "@/components/ui/card";
import { smallButtonClasses } from "@/components/ui/form-controls";
import { PageHeader } from "@/components/ui/page-header";
import { type PackedServiceDetail, unpackServiceDetail } from "@/lib/analysis/detail-wire";
import type { ServiceDetail } from "@/lib/analysis/queries";
import type { ServiceDataParams } from "@/lib/analysis/service-view";
import { formatDateTime } from "@/lib/format";
import { BaselinePanel } from "./baseline-panel";
import { type TimelineResult, ChangeTimelineSection } from "./change-timeline-section";
import { ClassificationPanel } from "./classification-panel";
import { DriftMatrix, type DriftMatrixFilterState } from "./drift-matrix";
import { DriftMatrixFilters } from "./drift-matrix-filters";
import { DriftOnsetTable } from "./drift-onset-table";
import { EnvironmentSwitcher } from "./environment-switcher";
import { ExportButtons } from "./export-buttons";
import { IgnoreComponentDialog } from "./ignore-component-dialog";
import { IgnoreRulesList } from "./ignore-rules-list";
import { InstanceAgeSection } from "./instance-age-section";
import { MigrationCandidateMarker } from "./migration-candidate-marker";
import { MigrationPath } from "./migration-path";
import { type PinTarget, PinVersionDialog } from "./pin-version-dialog";
import { RolePanel } from "./role-panel";
import { SnapshotPicker, type SnapshotPickerEntry } from "./snapshot-picker";
import { SnowflakeList } from "./snowflake-list";
import { useServiceDetail } from "./use-service-detail";
import { useServiceViewParams } from "./use-service-view-params";
import { VersionSpreadSection } from "./version-spread-section";

export interface ServiceDetailViewProps {
  name: string;
  /** What the server rendered, and for which parameters (packed: see packServiceDetail). */
  initial: { params: ServiceDataParams; detail: PackedServiceDetail };
  /** The change timeline, loading on the server while the page streams. */
  timeline: Promise<TimelineResult>;
}

/**
 * The service page. Its state lives in the URL (see useServiceViewParams); its data comes
 * from TanStack Query, seeded with the server's render, so switching the baseline or looking
 * back at an older snapshot refetches only the analysis, and pins, overrides and ignore rules
 * refresh it in place.
 */
export function ServiceDetailView({ name, initial, timeline }: ServiceDetailViewProps) {
  const [view, setView] = useServiceViewParams();
  const dataParams: ServiceDataParams = { environment: view.environment, snapshot: view.snapshot, baseline: view.baseline };
  const unpacked = useMemo(() => ({ params: initial.params, detail: unpackServiceDetail(initial.detail) }), [initial]);
  const query = useServiceDetail({ name, params: dataParams, initial: unpacked });
  const detail = query.data;

  const [pinTarget, setPinTarget] = useState<PinTarget | null>(null);
  const [ignoreTarget, setIgnoreTarget] = useState<string | null>(null);
  const [showIgnoredDrift, setShowIgnoredDrift] = useState(false);
  const knownHistory = useKnownHistory(query.isPlaceholderData ? undefined : detail, dataParams.snapshot);

  if (!detail) {
    return (
      <Card title="Could not load the service">
        <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
          {query.error?.message ?? "The analysis did not arrive."}
        </p>
        <div className="mt-3 flex gap-2">
          <button type="button" className={buttonClasses.primary} onClick={() => query.refetch()}>
            Try again
          </button>
          <button type="button" className={buttonClasses.secondary} onClick={() => setView({ snapshot: undefined, baseline: undefined })}>
            Back to the latest snapshot
          </button>
        </div>
      </Card>
    );
  }

  const filter: DriftMatrixFilterState = { host: view.host ?? "", component: view.component ?? "", onlyDrifted: view.drifted, sort: view.sort ?? "host" };
  const isUpdating = query.isPlaceholderData || (query.isFetching && !query.isFetched);
  const exportParams = { ...view, environment: detail.environment };
  const hasDrift = detail.hosts.some((host) => host.isDrifted);
  const ignoredComponents = [...new Set(detail.hosts.flatMap((host) => host.drift.filter((item) => item.ignored).map((item) => item.component)))];

  return (
    <div aria-busy={isUpdating}>
      <PageHeader
        title={detail.name}
        description={
          <>
            {detail.isMigrationCandidate && (
              <span className="mr-2 align-middle">
                <MigrationCandidateMarker />
              </span>
            )}
            Environment <strong>{detail.environment}</strong> · snapshot taken <strong>{formatDateTime(detail.takenAt)}</strong>
            {dataParams.snapshot && knownHistory.latestSnapshotId !== detail.snapshotId && <> (looking back)</>}
          </>
        }
        actions={<ExportButtons service={name} params={exportParams} />}
      />
      <div className="mb-4 flex flex-wrap items-center gap-4">
        <SnapshotPicker
          history={knownHistory.entries}
          latestSnapshotId={knownHistory.latestSnapshotId}
          value={dataParams.snapshot}
          onChange={(snapshot) => setView({ snapshot })}
        />
        {detail.environments.length > 1 && (
          <EnvironmentSwitcher
            environments={detail.environments}
            current={detail.environment}
            allowAll={false}
            hrefFor={(environment) => `/services/${encodeURIComponent(name)}${environment ? `?environment=${encodeURIComponent(environment)}` : ""}`}
          />
        )}
        {isUpdating && (
          <span role="status" className="text-sm text-slate-500 dark:text-slate-400">
            Updating…
          </span>
        )}
        {query.isError && (
          <span role="alert" className="text-sm text-rose-600 dark:text-rose-400">
            Could not refresh: {query.error.message}
          </span>
        )}
      </div>

      <div className={`space-y-6 transition-opacity ${isUpdating ? "opacity-60" : ""}`}>
        <dl className="grid grid-cols-2 gap-4 md:grid-cols-4" aria-label="Summary">
          <SummaryStat label="Hosts" value={detail.hostCount} />
          <SummaryStat label="Drifted hosts" value={detail.driftedHostCount} tone={detail.driftedHostCount > 0 ? "text-drift" : undefined} />
          <SummaryStat label="Snowflakes" value={detail.snowflakeCount} tone={detail.snowflakeCount > 0 ? "text-snowflake dark:text-violet-400" : undefined} />
          <SummaryStat label="Components with spread" value={detail.spreadComponentCount} />
        </dl>

        <div className="grid gap-6 lg:grid-cols-5">
          <div className="lg:col-span-3">
            <ClassificationPanel service={name} environment={detail.environment} classification={detail.classification} />
          </div>
          <Card title="Role and migration" className="lg:col-span-2">
            <RolePanel service={name} environment={detail.environment} role={detail.role} isRoleOverridden={detail.isRoleOverridden} />
            <div className="mt-5 border-t border-slate-200 pt-4 dark:border-slate-800">
              {detail.nextStep && detail.isMigrationCandidate ? (
                <MigrationPath nextStep={detail.nextStep} />
              ) : (
                <p className="text-sm text-slate-600 dark:text-slate-400">
                  {detail.role === "stateful"
                    ? "Not a migration candidate: stateful services are expected to change in place, since their data must persist."
                    : detail.classification.verdict === "immutable"
                      ? "Not a migration candidate: the service already runs immutable."
                      : "Not a migration candidate: there is not enough evidence that it changes in place."}
                </p>
              )}
            </div>
          </Card>
        </div>

        <div className="grid gap-6 lg:grid-cols-2">
          <Card title="Timeline: mutations, replacements and scale events">
            <Suspense fallback={<ChartSkeleton label="Loading the timeline" />}>
              <ChangeTimelineSection timeline={timeline} snapshots={knownHistory.entries} currentSnapshotId={detail.snapshotId} />
            </Suspense>
          </Card>
          <Card title="Instance age">
            <InstanceAgeSection hosts={detail.hosts} takenAt={detail.takenAt} />
          </Card>
        </div>

        <BaselinePanel
          service={name}
          environment={detail.environment}
          requested={dataParams.baseline}
          used={detail.baselineSource}
          declared={detail.declared}
          isUpdating={isUpdating}
          onChangeSource={(baseline) => setView({ baseline })}
          onAcceptedMajority={() => setView({ baseline: "declared" })}
        />

        <VersionSpreadSection
          components={detail.components}
          declared={detail.declared}
          hostCount={detail.hostCount}
          componentFilter={view.component}
          onPin={setPinTarget}
          onIgnore={setIgnoreTarget}
        />

        <Card title="Drift matrix">
          {!hasDrift && !showIgnoredDrift ? (
            <div className="text-sm text-slate-600 dark:text-slate-400">
              <p>
                {detail.hostCount === 1
                  ? `${detail.name} has a single host: it is its own majority, so it has no drift by definition. Pin versions to compare it with a declared baseline.`
                  : `No host drifts from the baseline: all ${detail.hostCount} hosts match on every component that counts.`}
              </p>
              {ignoredComponents.length > 0 && (
                <p className="mt-2">
                  Differences in ignored components ({ignoredComponents.slice(0, 3).join(", ")}
                  {ignoredComponents.length > 3 ? `, +${ignoredComponents.length - 3} more` : ""}) are not counted.{" "}
                  <button type="button" className={smallButtonClasses} onClick={() => setShowIgnoredDrift(true)}>
                    Show them in the matrix
                  </button>
                </p>
              )}
            </div>
          ) : (
            <>
              <DriftMatrixFilters
                filter={filter}
                onChange={(patch) =>
                  setView({
                    ...(patch.host !== undefined && { host: patch.host }),
                    ...(patch.component !== undefined && { component: patch.component }),
                    ...(patch.onlyDrifted !== undefined && { drifted: patch.onlyDrifted }),
                    ...(patch.sort !== undefined && { sort: patch.sort === "host" ? undefined : patch.sort }),
                  })
                }
              />
              <DriftMatrix
                hosts={detail.hosts}
                components={detail.components}
                environment={detail.environment}
                takenAt={detail.takenAt}
                filter={filter}
                onSort={(sort) => setView({ sort: sort === "host" ? undefined : sort })}
                onPin={setPinTarget}
                onIgnore={setIgnoreTarget}
              />
            </>
          )}
        </Card>

        <div className="grid gap-6 lg:grid-cols-2">
          <SnowflakeList hosts={detail.hosts} hostCount={detail.hostCount} environment={detail.environment} />
          <DriftOnsetTable hosts={detail.hosts} takenAt={detail.takenAt} />
        </div>

        <IgnoreRulesList service={name} environment={detail.environment} />
      </div>

      <PinVersionDialog
        service={name}
        environment={detail.environment}
        target={pinTarget}
        onClose={() => setPinTarget(null)}
        onPinned={() => setView({ baseline: "declared" })}
      />
      <IgnoreComponentDialog service={name} component={ignoreTarget} onClose={() => setIgnoreTarget(null)} />
    </div>
  );
}

function SummaryStat({ label, value, tone }: { label: string; value: number; tone?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className={`mt-1 text-2xl font-semibold tabular-nums ${tone ?? ""}`}>{value.toLocaleString("en-US")}</dd>
    </div>
  );
}

/**
 * The service's snapshots seen so far, newest first. A look-back's history ends at the
 * snapshot looked at, so the lists of every view loaded are merged to keep later snapshots
 * pickable; the latest is known once a view without ?snapshot= has loaded.
 */
function useKnownHistory(detail: ServiceDetail | undefined, requestedSnapshot: string | undefined) {
  const [known, setKnown] = useState<{ entries: SnapshotPickerEntry[]; latestSnapshotId: string | undefined }>(() => ({
    entries: detail?.history ?? [],
    latestSnapshotId: requestedSnapshot ? undefined : detail?.snapshotId,
  }));
  const history = detail?.history;
  const snapshotId = detail?.snapshotId;
  useEffect(() => {
    if (!history) return;
    setKnown((previous) => {
      const byId = new Map(previous.entries.map((entry) => [entry.snapshotId, entry]));
      for (const entry of history) byId.set(entry.snapshotId, entry);
      const entries = [...byId.values()].sort((a, b) => Date.parse(b.takenAt) - Date.parse(a.takenAt));
      const latestSnapshotId = requestedSnapshot ? previous.latestSnapshotId : snapshotId;
      if (entries.length === previous.entries.length && latestSnapshotId === previous.latestSnapshotId) return previous;
      return { entries, latestSnapshotId };
    });
  }, [history, snapshotId, requestedSnapshot]);
  return known;
}
