import { keptBy } from "./kept";
import { CONFIG_PREFIX } from "./types";

export interface IgnoreRule {
  /** Glob over the component name: `*` any run of characters, `?` one character. */
  pattern: string;
  /** The service the rule applies to; null or absent means fleet-wide. */
  service?: string | null;
  reason: string;
}

const VOLATILE = "volatile fact: changes between runs without any change to the host";

function volatile(pattern: string): IgnoreRule {
  return { pattern, service: null, reason: VOLATILE };
}

/**
 * Facts that inventory tools report but that change on every collection, so they would make
 * every host drift. Kernel versions are deliberately absent: a kernel that differs is real drift.
 */
export const BUILT_IN_IGNORE_RULES: readonly IgnoreRule[] = [
  // uptime, uptime_seconds, ansible_uptime_seconds, system_uptime.days
  volatile("uptime"),
  volatile("uptime_*"),
  volatile("uptime.*"),
  volatile("*_uptime*"),
  volatile("idletime*"),
  volatile("*boot_time*"),
  volatile("*boottime*"),
  volatile("ohai_time"),
  volatile("date_time*"),
  volatile("ansible_date_time*"),
  volatile("*memfree*"),
  volatile("*memoryfree*"),
  volatile("memory_free*"),
  volatile("memory.free*"),
  volatile("ansible_memory_mb*"),
  volatile("*swapfree*"),
  volatile("*load_average*"),
  volatile("*loadavg*"),
  volatile("processes"),
  volatile("process_count*"),
  volatile("*_process_count"),
  // The collecting session's environment (SSH_CLIENT holds a client port, PWD varies).
  volatile("ansible_env*"),
];

function escapeRegExp(text: string): string {
  return text.replace(/[.+^${}()|[\]\\]/g, "\\$&");
}

/** Case-insensitive, because tools disagree on the case of the same fact (`Uptime`, `uptime`). */
export function convertGlobToRegExp(pattern: string): RegExp {
  const source = pattern
    .split("")
    .map((char) => (char === "*" ? ".*" : char === "?" ? "." : escapeRegExp(char)))
    .join("");
  return new RegExp(`^${source}$`, "i");
}

export function matchesGlob(pattern: string, name: string): boolean {
  return convertGlobToRegExp(pattern).test(name);
}

/**
 * Returns a lookup from component name to the first rule that ignores it in `service`, or null.
 * A rule matches the full name (`config:/etc/motd`) or the name without the config prefix
 * (`/etc/motd`), so one rule covers a fact whether it arrives as a component or a config.
 *
 * Which rule matches a name is kept across calls, per list of applicable rules: an ingestion
 * asks it for every service (most share the same rules), and matching each of a fleet's
 * component names against every pattern anew, service by service, was a tenth of an
 * ingestion's time.
 */
export function createIgnoreMatcher(
  rules: readonly IgnoreRule[],
  service: string,
): (component: string) => IgnoreRule | null {
  const applicable = rules.filter((rule) => rule.service == null || rule.service === service);
  const matching = matchingByPatterns(JSON.stringify(applicable.map((rule) => rule.pattern)));
  return (component) => {
    const index = matching(component);
    return index < 0 ? null : applicable[index]!;
  };
}

/**
 * For one list of patterns (as JSON): the index of the first that matches a name, or -1.
 * Custom rules per service make more lists; up to a hundred are kept.
 */
const matchingByPatterns = keptBy((patterns: string): ((component: string) => number) => {
  const regExps = (JSON.parse(patterns) as string[]).map(convertGlobToRegExp);
  return keptBy((component) => {
    const bare = component.startsWith(CONFIG_PREFIX) ? component.slice(CONFIG_PREFIX.length) : component;
    return regExps.findIndex((regExp) => regExp.test(component) || regExp.test(bare));
  });
}, 100);
