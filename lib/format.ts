/**
 * Formatting shared by server and client rendering. Dates are shown in UTC so a page
 * renders identically on the server and in the browser (no hydration mismatch) and two
 * operators in different time zones read the same timestamp.
 */
export function formatDateTime(iso: string | Date | null | undefined): string {
  if (!iso) return "—";
  const date = typeof iso === "string" ? new Date(iso) : iso;
  if (Number.isNaN(date.getTime())) return "—";
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function formatDate(iso: string | Date | null | undefined): string {
  if (!iso) return "—";
  const date = typeof iso === "string" ? new Date(iso) : iso;
  return Number.isNaN(date.getTime()) ? "—" : date.toISOString().slice(0, 10);
}

export function formatCount(value: number, singular: string, plural = `${singular}s`): string {
  return `${value.toLocaleString("en-US")} ${value === 1 ? singular : plural}`;
}

/** The first `shown` names, then how many more: "api, web and 1,826 more"; "—" for none. */
export function listNames(names: readonly string[], shown = 5): string {
  if (names.length === 0) return "—";
  if (names.length <= shown) return names.join(", ");
  return `${names.slice(0, shown).join(", ")} and ${(names.length - shown).toLocaleString("en-US")} more`;
}

export function formatPercent(part: number, whole: number): string {
  if (whole === 0) return "0%";
  return `${Math.round((part / whole) * 100)}%`;
}

/**
 * A dynamic page segment as the user wrote it. Next 16 hands page params over still
 * percent-encoded (route handlers get them decoded), so `/services/web%20api` must be
 * decoded once; a segment that is not valid encoding is taken as it is.
 */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
