"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { fetchJson } from "@/components/services/fetch-json";
import { abbreviateVersion } from "@/lib/compare/group-changes";

export interface HostManifestDetailsProps {
  snapshotId: string;
  hostKey: string;
  componentCount: number;
  /** "Runs" for a launched host, "Ran" for a retired one. */
  verb: string;
}

interface HostManifest {
  components: Array<{ name: string; version: string }>;
}

/**
 * A launched or retired host's whole manifest, fetched when opened. Sent with the page, every
 * such host's components made the comparison of two 50,000-host snapshots a 451 MB page.
 */
export function HostManifestDetails({ snapshotId, hostKey, componentCount, verb }: HostManifestDetailsProps) {
  const [isOpen, setOpen] = useState(false);
  const manifest = useQuery({
    queryKey: ["host-manifest", snapshotId, hostKey],
    queryFn: () => fetchJson<HostManifest>(`/api/snapshots/${encodeURIComponent(snapshotId)}/hosts/${encodeURIComponent(hostKey)}`),
    enabled: isOpen,
    // A snapshot's hosts never change: its id is its content's hash.
    staleTime: Infinity,
  });
  return (
    <details className="text-xs" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="cursor-pointer text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100">
        {verb} {componentCount.toLocaleString("en-US")} {componentCount === 1 ? "component" : "components"}
      </summary>
      {manifest.isPending && isOpen && (
        <p role="status" className="mt-1 text-slate-500 dark:text-slate-400">
          Loading the components…
        </p>
      )}
      {manifest.isError && (
        <p role="alert" className="mt-1 text-rose-600 dark:text-rose-400">
          Could not load the components: {manifest.error.message}.{" "}
          <button type="button" className="underline" onClick={() => manifest.refetch()}>
            Try again
          </button>
        </p>
      )}
      {manifest.data && (
        <ul aria-label={`Components of ${hostKey}`} className="mt-1 space-y-0.5 font-mono">
          {manifest.data.components.map((component) => (
            <li key={component.name} className="break-all">
              <span className="font-semibold">{component.name}</span> <span title={component.version}>{abbreviateVersion(component.version)}</span>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
