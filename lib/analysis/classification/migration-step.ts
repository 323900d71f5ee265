import type { ServiceSnapshot } from "../types";
import { IMAGE_COMPONENT } from "./change-events";
import type { ServiceClassification, Verdict } from "./classify-service";
import type { ServiceRole } from "./detect-role";
import { pluralize } from "./format-changes";
import { identifySourceTool } from "./snapshot-hints";

/**
 * Where a mutable service stands on the path to immutable infrastructure
 * (DESIGN.md: containerise → automate image builds → infrastructure as code →
 * blue-green deploys → remove SSH), and which step comes next.
 */

export type MigrationStepId =
  | "containerise"
  | "automate-image-builds"
  | "infrastructure-as-code"
  | "blue-green-deploys"
  | "remove-ssh";

export interface MigrationStep {
  step: MigrationStepId;
  title: string;
  /** The evidence that puts the service at this step, with numbers. */
  why: string;
}

/** The path in order, for showing progress. */
export const MIGRATION_PATH: readonly { step: MigrationStepId; title: string }[] = [
  { step: "containerise", title: "Containerise the app" },
  { step: "automate-image-builds", title: "Build an image for every release in CI" },
  { step: "infrastructure-as-code", title: "Manage the infrastructure as code" },
  { step: "blue-green-deploys", title: "Deploy blue-green: replace hosts instead of updating them" },
  { step: "remove-ssh", title: "Stop patching in place: remove SSH access" },
];

/**
 * Stateless services that still change in place are what a migration is about; stateful
 * ones are expected to be mutable (their data must persist), so they are not candidates.
 */
export function isMigrationCandidate(verdict: Verdict, role: ServiceRole): boolean {
  return role === "stateless" && (verdict === "mutable" || verdict === "mixed");
}

export interface SuggestNextMigrationStepInput {
  /** The service's snapshots, ascending by takenAt; the latest one describes the fleet as it is. */
  history: readonly ServiceSnapshot[];
  classification: Pick<ServiceClassification, "verdict" | "events" | "replacements">;
  role: ServiceRole;
}

/** The next step for a migration candidate, chosen from the evidence; null for any other service. */
export function suggestNextMigrationStep({ history, classification, role }: SuggestNextMigrationStepInput): MigrationStep | null {
  const latest = history.at(-1);
  if (!latest || !isMigrationCandidate(classification.verdict, role)) return null;

  const hosts = latest.hosts;
  const withoutImage = hosts.filter((host) => !host.image).length;
  if (withoutImage === hosts.length) {
    return makeStep("containerise", `none of the ${pluralize(hosts.length, "host")} reports an image id: the app is installed on the hosts themselves`);
  }
  if (withoutImage > 0) {
    return makeStep("containerise", `${withoutImage} of ${pluralize(hosts.length, "host")} run without an image id`);
  }

  const images = new Set(hosts.map((host) => host.image));
  if (hosts.length > 1 && images.size === hosts.length) {
    return makeStep("automate-image-builds", `each of the ${hosts.length} hosts runs its own image, so images are not built once per release`);
  }

  const { patched, reimaged } = countInPlaceChanges(classification.events);
  if (patched > 0 && classification.verdict === "mixed") {
    return makeStep(
      "remove-ssh",
      `releases arrive on new hosts (${pluralize(classification.replacements, "replacement")}), but ${pluralize(patched, "host change")} ` +
        `${patched === 1 ? "was" : "were"} applied in place without a new image: hotfixes bypass the image pipeline`,
    );
  }
  if (patched > 0) {
    return makeStep(
      "automate-image-builds",
      `versions change inside running hosts while their image stays the same (${pluralize(patched, "in-place change")}): images are not rebuilt per release`,
    );
  }
  if (reimaged === 0) {
    // A verdict set by the user, with no in-place change observed: take the step after images.
    return makeStep("infrastructure-as-code", `${pluralize(hosts.length, "host")} on ${pluralize(images.size, "image")}, yet the service is ${classification.verdict}; describe the hosts as code so that a release creates new ones`);
  }
  // Only image changes on persisting hosts: images are built per release but rolled onto old hosts.
  const reimagedText = `images are built per release, but ${pluralize(reimaged, "host")} ${reimaged === 1 ? "was" : "were"} switched to a new image in place`;
  if (identifySourceTool(latest.source)?.leaning === "immutable") {
    return makeStep("blue-green-deploys", `${reimagedText}; the infrastructure is already described by a provisioning tool, so launch new hosts and switch over instead`);
  }
  return makeStep("infrastructure-as-code", `${reimagedText}; describe the hosts as code so that a release creates new ones`);
}

/** In-place host changes that left the image alone (patched) and those that swapped it (re-imaged). */
function countInPlaceChanges(events: ServiceClassification["events"]): { patched: number; reimaged: number } {
  let patched = 0;
  let reimaged = 0;
  for (const event of events) {
    if (event.kind !== "mutation") continue;
    for (const host of event.perHost) {
      if (host.components.some((change) => change.name === IMAGE_COMPONENT)) reimaged++;
      else patched++;
    }
  }
  return { patched, reimaged };
}

function makeStep(step: MigrationStepId, why: string): MigrationStep {
  const title = MIGRATION_PATH.find((entry) => entry.step === step)?.title ?? step;
  return { step, title, why };
}
