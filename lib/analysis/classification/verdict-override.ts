import type { Verdict } from "./classify-service";

/**
 * A user who knows better can set a service's verdict, with a reason. The computed verdict
 * is kept beside it so the UI can show both and notice when the evidence starts to disagree.
 */

export interface VerdictOverride {
  verdict: Verdict;
  reason: string;
}

export interface OverriddenVerdict {
  /** What the evidence says. */
  computed: Verdict;
  /** What the UI shows: the override when there is one, else the computed verdict. */
  verdict: Verdict;
  isOverridden: boolean;
  /** The user's reason; null when not overridden. */
  reason: string | null;
  /** True when an override is set but the evidence now says something else. */
  isContradicted: boolean;
}

export function applyVerdictOverride(computed: Verdict, override?: VerdictOverride | null): OverriddenVerdict {
  if (!override) return { computed, verdict: computed, isOverridden: false, reason: null, isContradicted: false };
  return {
    computed,
    verdict: override.verdict,
    isOverridden: true,
    reason: override.reason,
    // "unknown" has no opinion to contradict the user with.
    isContradicted: computed !== "unknown" && computed !== override.verdict,
  };
}
