import { CONFIG_PREFIX, isConfigComponent } from "../types";
import type { ComponentChange } from "./change-events";

/**
 * Wording shared by evidence, hints and host history, so the same change reads the same
 * everywhere in the UI.
 */

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Beyond this many components a sentence says "+N more": a 300-package upgrade is not a sentence. */
export const MAX_COMPONENTS_IN_TEXT = 3;

/** "2026-03-01" for any ISO 8601 time (normalised to UTC); the input itself when unparsable. */
export function formatDay(iso: string): string {
  const time = Date.parse(iso);
  return Number.isFinite(time) ? new Date(time).toISOString().slice(0, 10) : iso;
}

/** Whole days from `fromIso` to `toIso`, or null when either time is unparsable. */
export function countDaysBetween(fromIso: string, toIso: string): number | null {
  const from = Date.parse(fromIso);
  const to = Date.parse(toIso);
  if (!Number.isFinite(from) || !Number.isFinite(to)) return null;
  return Math.floor((to - from) / DAY_MS);
}

/** "1 host", "3 hosts". */
export function pluralize(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}

/** Config fingerprints are hashes: say that the file changed, not which hash it became. */
export function formatComponentChange(change: ComponentChange): string {
  if (isConfigComponent(change.name)) {
    const file = change.name.slice(CONFIG_PREFIX.length);
    if (change.from === null) return `config ${file} added`;
    if (change.to === null) return `config ${file} removed`;
    return `config ${file} changed`;
  }
  if (change.from === null) return `${change.name} ${change.to ?? ""} added`;
  if (change.to === null) return `${change.name} ${change.from} removed`;
  return `${change.name} ${change.from}→${change.to}`;
}

/** "nginx 1.22→1.24, openssl 3.0.2→3.0.13, +5 more". */
export function formatComponentChanges(changes: readonly ComponentChange[], max = MAX_COMPONENTS_IN_TEXT): string {
  const shown = changes.slice(0, max).map(formatComponentChange);
  const hidden = changes.length - shown.length;
  return hidden > 0 ? `${shown.join(", ")}, +${hidden} more` : shown.join(", ");
}

// One collator: String#localeCompare with options builds a new one per call, which is slow
// when ties are broken across thousands of versions.
const numericCollator = new Intl.Collator("en", { numeric: true });

/**
 * Orders version strings with digit runs compared as numbers ("1.9" before "1.10"). Good
 * enough for wording and stable tie-breaks; the real version order is version-order.ts.
 */
export function compareVersionText(a: string, b: string): number {
  return numericCollator.compare(a, b);
}

/** Whether `to` reads as a newer version than `from`; only used for wording ("upgraded" vs "downgraded"). */
export function isUpgrade(from: string, to: string): boolean {
  return compareVersionText(from, to) < 0;
}
