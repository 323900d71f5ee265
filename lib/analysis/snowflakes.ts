import { countVersions } from "./spread";
import { type AnalysisHost, isConfigComponent } from "./types";

export interface Snowflake {
  hostKey: string;
  reasons: string[];
}

const FINGERPRINT_SHOWN_LENGTH = 8;

// `sha256:ab12cd34ef…` shows as `ab12cd34…`: the algorithm says nothing to the reader.
function shortenFingerprint(fingerprint: string): string {
  const digest = fingerprint.slice(fingerprint.lastIndexOf(":") + 1);
  return digest.length > FINGERPRINT_SHOWN_LENGTH + 2 ? `${digest.slice(0, FINGERPRINT_SHOWN_LENGTH)}…` : digest;
}

function describePeers(count: number, component: string): string {
  const verb = isConfigComponent(component) ? (count === 1 ? "has" : "have") : count === 1 ? "runs" : "run";
  return `${count === 1 ? "peer" : "peers"} ${verb}`;
}

/**
 * Hosts that can no longer be rebuilt from what their peers (the other hosts of the service)
 * share. A host is a snowflake when
 * - it lacks a component or config key that every peer has;
 * - it has a component or config key that no peer has; or
 * - it has a config key that at least one peer also has, with a fingerprint no peer shares.
 * Only presence counts for ordinary components: running another version of what the peers run
 * is drift, not a snowflake. Ignored components never count, and a one-host service has no
 * peers and so no snowflakes. Counts per component are taken once, so the cost is linear in
 * hosts × components rather than quadratic in hosts.
 */
export function findSnowflakes(
  hosts: readonly Pick<AnalysisHost, "hostKey" | "components">[],
  isIgnored: (component: string) => boolean = () => false,
  versionCounts: ReadonlyMap<string, ReadonlyMap<string, number>> = countVersions(hosts),
): Snowflake[] {
  if (hosts.length < 2) return [];
  const peerCount = hosts.length - 1;
  const presence = new Map<string, number>();
  for (const [component, versions] of versionCounts) {
    if (isIgnored(component)) continue;
    let count = 0;
    for (const hostCount of versions.values()) count += hostCount;
    presence.set(component, count);
  }
  // Only a component all but one host run can be missing on one host "that all peers have".
  const runByAllButOne = [...presence].filter(([, count]) => count === peerCount).map(([component]) => component);

  // A host's reasons depend only on its components, which hosts on one manifest share.
  const reasonsByManifest = new Map<Record<string, string>, string[]>();
  const snowflakes: Snowflake[] = [];
  for (const host of hosts) {
    const known = reasonsByManifest.get(host.components);
    if (known) {
      if (known.length > 0) snowflakes.push({ hostKey: host.hostKey, reasons: known });
      continue;
    }
    const reasons: { component: string; text: string }[] = [];
    for (const component of runByAllButOne) {
      if (!Object.hasOwn(host.components, component)) {
        reasons.push({
          component,
          text: `missing ${component}, which ${peerCount} of ${peerCount} ${describePeers(peerCount, component)}`,
        });
      }
    }
    for (const component in host.components) {
      const version = host.components[component]!;
      const count = presence.get(component);
      if (count === undefined) continue;
      if (count === 1) {
        reasons.push({ component, text: `has ${component}, which none of ${peerCount} ${describePeers(peerCount, component)}` });
      } else if (isConfigComponent(component) && versionCounts.get(component)?.get(version) === 1) {
        reasons.push({ component, text: `${component} fingerprint ${shortenFingerprint(version)} shared by no peer` });
      }
    }
    reasons.sort((a, b) => (a.component < b.component ? -1 : a.component > b.component ? 1 : 0));
    const texts = reasons.map((reason) => reason.text);
    reasonsByManifest.set(host.components, texts);
    if (texts.length > 0) snowflakes.push({ hostKey: host.hostKey, reasons: texts });
  }
  return snowflakes;
}
