import Link from "next/link";
import type { SnapshotChangeKind } from "@/lib/analysis/compare";
import { buildHostHref } from "@/lib/analysis/service-view";
import { type HostChangeRow, splitReplacement } from "@/lib/compare/group-changes";
import { formatCount } from "@/lib/format";
import { ComponentChangeList } from "./component-change-list";
import { HostManifestDetails } from "./host-manifest-details";

export interface HostChangeTableProps {
  service: string;
  hosts: HostChangeRow[];
  /** The compared snapshots: a launched host's manifest is in `to`, a retired one's in `from`. */
  snapshots: { from: string; to: string };
  /** Rows beyond this are left out with a note; the JSON export has them all. */
  limit?: number;
}

const KIND_CLASSES: Record<SnapshotChangeKind, string> = {
  mutated: "border-mutable/40 bg-mutable/10 text-mutable",
  launched: "border-immutable/40 bg-immutable/10 text-immutable",
  retired: "border-unknown/40 bg-unknown/10 text-unknown dark:text-slate-300",
};

const KIND_LABELS: Record<SnapshotChangeKind, string> = {
  mutated: "mutated in place",
  launched: "launched",
  retired: "retired",
};

/** How many of a replacement's hosts are named before "and N more". */
const REPLACED_NAMES_SHOWN = 20;

/**
 * A service's changed hosts: its replacement told once with its hosts by name, then one row
 * per host worth reading on its own (see splitReplacement), with how it changed and which
 * components.
 */
export function HostChangeTable({ service, hosts, snapshots, limit = 200 }: HostChangeTableProps) {
  const { replacement, rows } = splitReplacement(hosts);
  const shown = rows.slice(0, limit);
  return (
    <>
      {replacement && (
        <div className="space-y-1 border-b border-slate-200 px-4 py-2 text-sm last:border-0 dark:border-slate-800">
          <p>
            {formatCount(replacement.launched.length, "host")} launched with the versions above
            {replacement.retired.length > 0 && <>, {formatCount(replacement.retired.length, "host")} retired</>}.
          </p>
          <HostNames label={`Launched hosts of ${service}`} title="Launched" hosts={replacement.launched} />
          {replacement.retired.length > 0 && <HostNames label={`Retired hosts of ${service}`} title="Retired" hosts={replacement.retired} />}
        </div>
      )}
      {shown.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Changed hosts of {service}</caption>
            <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:text-slate-400">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Host
                </th>
                <th scope="col" className="px-3 py-2">
                  Change
                </th>
                <th scope="col" className="px-3 py-2">
                  Components
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((host) => (
                <tr key={`${host.hostKey}\u0000${host.kind}`} className="border-b border-slate-100 align-top last:border-0 dark:border-slate-800">
                  <td className="px-3 py-2 font-mono text-xs whitespace-nowrap">
                    <HostLink host={host} />
                  </td>
                  <td className="px-3 py-2">
                    <span className={`inline-block whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium ${KIND_CLASSES[host.kind]}`}>
                      {KIND_LABELS[host.kind]}
                    </span>
                  </td>
                  <td className="px-3 py-2">
                    <HostComponents host={host} snapshots={snapshots} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length > shown.length && (
            <p className="px-3 py-2 text-xs text-slate-500 dark:text-slate-400">
              Showing {shown.length.toLocaleString("en-US")} of {rows.length.toLocaleString("en-US")} hosts; the JSON export lists them all.
            </p>
          )}
        </div>
      )}
    </>
  );
}

function HostLink({ host }: { host: HostChangeRow }) {
  return (
    <Link href={buildHostHref(host.hostKey, host.environment)} className="text-sky-700 hover:underline dark:text-sky-400">
      {host.hostKey}
    </Link>
  );
}

/** "Launched: web-7, web-8, … and 252 more", each a link to the host's page. */
function HostNames({ label, title, hosts }: { label: string; title: string; hosts: HostChangeRow[] }) {
  const shown = hosts.slice(0, REPLACED_NAMES_SHOWN);
  return (
    <div className="text-xs">
      <span className="text-slate-500 dark:text-slate-400">{title}:</span>{" "}
      <ul aria-label={label} className="inline font-mono">
        {shown.map((host, index) => (
          <li key={host.hostKey} className="inline">
            {index > 0 && ", "}
            <HostLink host={host} />
          </li>
        ))}
      </ul>
      {hosts.length > shown.length && (
        <span className="text-slate-500 dark:text-slate-400"> and {(hosts.length - shown.length).toLocaleString("en-US")} more (the JSON export lists them all)</span>
      )}
    </div>
  );
}

function HostComponents({ host, snapshots }: { host: HostChangeRow; snapshots: HostChangeTableProps["snapshots"] }) {
  if (host.kind === "mutated") return <ComponentChangeList changes={host.components} label={`Changes on ${host.hostKey}`} />;
  const isLaunched = host.kind === "launched";
  return (
    <div className="space-y-1">
      {isLaunched && host.highlights.length > 0 && (
        <>
          <p className="text-xs text-slate-500 dark:text-slate-400">New versions, against the retired hosts:</p>
          <ComponentChangeList changes={host.highlights} label={`New versions on ${host.hostKey}`} />
        </>
      )}
      <HostManifestDetails
        snapshotId={isLaunched ? snapshots.to : snapshots.from}
        hostKey={host.hostKey}
        componentCount={host.components.length}
        verb={isLaunched ? "Runs" : "Ran"}
      />
    </div>
  );
}
