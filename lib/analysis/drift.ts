import type { Baseline } from "./baseline";
import type { AnalysisHost } from "./types";

export interface DriftItem {
  component: string;
  /** The baseline version; null when the baseline lacks the component (an extra on the host). */
  expected: string | null;
  /** The host's version; null when the host lacks the component. */
  actual: string | null;
  /** Matched by an ignore rule: shown, but not counted as drift. */
  ignored: boolean;
}

const isNeverIgnored = (): boolean => false;

/** Everything in which one host differs from the baseline, sorted by component. */
export function computeHostDrift(
  host: Pick<AnalysisHost, "components">,
  baseline: Baseline,
  isIgnored: (component: string) => boolean = isNeverIgnored,
): DriftItem[] {
  const drift: DriftItem[] = [];
  for (const [component, expected] of baseline) {
    // hasOwn, because a component could be named like an Object.prototype member.
    const actual = Object.hasOwn(host.components, component) ? (host.components[component] ?? null) : null;
    if (actual !== expected) drift.push({ component, expected, actual, ignored: isIgnored(component) });
  }
  for (const [component, actual] of Object.entries(host.components)) {
    if (!baseline.has(component)) drift.push({ component, expected: null, actual, ignored: isIgnored(component) });
  }
  return drift.sort((a, b) => (a.component < b.component ? -1 : a.component > b.component ? 1 : 0));
}

/** A host whose only differences are ignored ones is not drifted. */
export function isHostDrifted(drift: readonly DriftItem[]): boolean {
  return drift.some((item) => !item.ignored);
}
