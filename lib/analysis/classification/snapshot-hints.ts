import type { ServiceSnapshot } from "../types";
import { DAY_MS, pluralize } from "./format-changes";

/**
 * What a single snapshot suggests about how a service is run, before any change has been
 * observed: shared image, host age, and the tool that produced the data. These are hints,
 * not evidence — they never set a verdict, only a leaning with low confidence.
 */

export type Leaning = "mutable" | "immutable";

export interface SnapshotHint {
  text: string;
  /** Which way this hint points; null when it only informs. */
  leaning: Leaning | null;
}

export interface SnapshotHints {
  hints: SnapshotHint[];
  /** Where the hints point on balance; null when they cancel out or none point anywhere. */
  leaning: Leaning | null;
  /** 0..HINT_MAX_CONFIDENCE: hints alone never make a confident verdict. */
  confidence: number;
}

/**
 * A host that has lived this long has been patched in place (or left unpatched): security
 * updates ship monthly, so an immutable fleet would have replaced it a few times by then.
 */
export const LONG_LIVED_HOST_DAYS = 90;

/** A release rolled out by replacement relaunches the whole service within days. */
export const CLUSTERED_LAUNCH_DAYS = 7;

/** Each agreeing hint adds this much confidence… */
export const HINT_CONFIDENCE_STEP = 0.1;
/** …up to this cap, well below what a single observed change gives (see classify-service.ts). */
export const HINT_MAX_CONFIDENCE = 0.3;

export interface SourceTool {
  label: string;
  leaning: Leaning;
  /** Why the tool points that way, completing "data came from <label>, …". */
  reason: string;
}

const IN_PLACE = "which manages hosts in place";
const SOURCE_TOOLS: Record<string, SourceTool> = {
  ansible: { label: "Ansible", leaning: "mutable", reason: IN_PLACE },
  chef: { label: "Chef", leaning: "mutable", reason: IN_PLACE },
  ohai: { label: "Chef", leaning: "mutable", reason: IN_PLACE },
  puppet: { label: "Puppet", leaning: "mutable", reason: IN_PLACE },
  salt: { label: "Salt", leaning: "mutable", reason: IN_PLACE },
  osquery: { label: "osquery", leaning: "mutable", reason: "which mostly inventories long-lived hosts" },
  kubernetes: { label: "Kubernetes", leaning: "immutable", reason: "where pods are replaced from images" },
  kubectl: { label: "Kubernetes", leaning: "immutable", reason: "where pods are replaced from images" },
  k8s: { label: "Kubernetes", leaning: "immutable", reason: "where pods are replaced from images" },
  docker: { label: "Docker", leaning: "immutable", reason: "where containers are replaced from images" },
  packer: { label: "Packer", leaning: "immutable", reason: "which builds machine images" },
  terraform: { label: "Terraform", leaning: "immutable", reason: "which replaces infrastructure from code" },
  aws: { label: "AWS", leaning: "immutable", reason: "where instances are launched from images (AMIs)" },
  ec2: { label: "AWS", leaning: "immutable", reason: "where instances are launched from images (AMIs)" },
};

/** The tool behind a snapshot's `source` ("ansible", "aws-ec2", "kubectl-pods", …), or null when unknown. */
export function identifySourceTool(source: string | null | undefined): SourceTool | null {
  if (!source) return null;
  for (const word of source.toLowerCase().split(/[^a-z0-9]+/)) {
    const tool = SOURCE_TOOLS[word];
    if (tool) return tool;
  }
  return null;
}

/** Hints from one snapshot of one service (usually the latest). */
export function collectSnapshotHints(snapshot: ServiceSnapshot): SnapshotHints {
  const hints = [describeImages(snapshot), describeHostAge(snapshot), describeSource(snapshot)].filter(
    (hint): hint is SnapshotHint => hint !== null,
  );
  const balance = hints.reduce((sum, hint) => sum + (hint.leaning === "immutable" ? 1 : hint.leaning === "mutable" ? -1 : 0), 0);
  return {
    hints,
    leaning: balance > 0 ? "immutable" : balance < 0 ? "mutable" : null,
    confidence: Math.min(HINT_MAX_CONFIDENCE, Math.abs(balance) * HINT_CONFIDENCE_STEP),
  };
}

function describeImages({ hosts }: ServiceSnapshot): SnapshotHint | null {
  if (hosts.length === 0) return null;
  const images = new Set<string>();
  let withImage = 0;
  for (const host of hosts) {
    if (!host.image) continue;
    images.add(host.image);
    withImage++;
  }
  if (withImage === 0) {
    return { text: `none of the ${pluralize(hosts.length, "host")} reports an image id`, leaning: "mutable" };
  }
  if (withImage < hosts.length) {
    return { text: `${withImage} of ${pluralize(hosts.length, "host")} report an image id`, leaning: null };
  }
  const [firstImage] = images;
  // One host always "shares" its image with itself: that says nothing.
  if (hosts.length === 1) return { text: `the only host runs image ${firstImage}`, leaning: null };
  if (images.size === 1) {
    return { text: `all ${hosts.length} hosts run the same image ${firstImage}`, leaning: "immutable" };
  }
  if (images.size === hosts.length) {
    return { text: `each of the ${hosts.length} hosts runs its own image`, leaning: null };
  }
  return { text: `${hosts.length} hosts run ${images.size} different images`, leaning: null };
}

function describeHostAge({ hosts, takenAt }: ServiceSnapshot): SnapshotHint | null {
  const snapshotTime = Date.parse(takenAt);
  const launchTimes = hosts.map((host) => (host.launchedAt ? Date.parse(host.launchedAt) : Number.NaN)).filter(Number.isFinite);
  if (launchTimes.length === 0 || !Number.isFinite(snapshotTime)) return null;

  // A loop, not Math.min(...): spreading 5,000+ arguments risks the engine's argument limit.
  let oldest = Number.POSITIVE_INFINITY;
  let newest = Number.NEGATIVE_INFINITY;
  for (const time of launchTimes) {
    oldest = Math.min(oldest, time);
    newest = Math.max(newest, time);
  }
  const oldestAgeDays = Math.floor((snapshotTime - oldest) / DAY_MS);
  const spreadDays = Math.ceil((newest - oldest) / DAY_MS);

  if (oldestAgeDays >= LONG_LIVED_HOST_DAYS) {
    return { text: `oldest host launched ${oldestAgeDays} days before this snapshot`, leaning: "mutable" };
  }
  if (launchTimes.length >= 2 && spreadDays <= CLUSTERED_LAUNCH_DAYS) {
    return {
      text: `hosts launched within ${pluralize(Math.max(1, spreadDays), "day")} of each other`,
      leaning: "immutable",
    };
  }
  return {
    text: `hosts launched over ${pluralize(spreadDays, "day")}, the oldest ${pluralize(oldestAgeDays, "day")} before this snapshot`,
    leaning: null,
  };
}

function describeSource({ source }: ServiceSnapshot): SnapshotHint | null {
  const tool = identifySourceTool(source);
  return tool ? { text: `data came from ${tool.label}, ${tool.reason}`, leaning: tool.leaning } : null;
}
