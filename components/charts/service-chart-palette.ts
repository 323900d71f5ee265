/**
 * Colours the service charts share. The theme colours are CSS variables (app/globals.css),
 * which SVG presentation attributes resolve, so charts follow the theme.
 */
export const CHART_COLORS = {
  immutable: "var(--color-immutable)",
  mutable: "var(--color-mutable)",
  mixed: "var(--color-mixed)",
  unknown: "var(--color-unknown)",
  drift: "var(--color-drift)",
  snowflake: "var(--color-snowflake)",
  /** A hairline between stacked segments, matching the card background. */
  gap: "var(--chart-gap)",
} as const;

/** Versions other than the baseline: ambers, darkest first, distinct side by side. */
export const OFF_BASELINE_SHADES = ["#d97706", "#fbbf24", "#b45309", "#fcd34d", "#92400e", "#f59e0b", "#78350f"] as const;

/** Components whose drift is ignored: greys. */
export const IGNORED_SHADES = ["#94a3b8", "#cbd5e1", "#64748b", "#e2e8f0"] as const;

export const OTHER_SEGMENT_COLOR = "#a8a29e";

/** Young hosts to old ones: teal through slate to rose. */
export const AGE_RAMP = ["#0d9488", "#14b8a6", "#5eead4", "#94a3b8", "#fda4af", "#fb7185", "#e11d48", "#9f1239"] as const;

/** Tailwind classes that set the chart's text colour and gap colour for light and dark mode. */
export const CHART_WRAPPER_CLASSES = "text-slate-600 [--chart-gap:#ffffff] dark:text-slate-300 dark:[--chart-gap:#0f172a]";

export function pickShade(shades: readonly string[], index: number): string {
  return shades[index % shades.length] ?? "#94a3b8";
}
