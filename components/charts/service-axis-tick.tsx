"use client";

import { useRouter } from "next/navigation";

export interface ServiceAxisTickProps {
  /** Set by Recharts. */
  x?: number | string;
  y?: number | string;
  payload?: { value?: unknown };
  /** Label → service page, from the chart's series. */
  hrefs: ReadonlyMap<string, string>;
  /** Longest label shown in full; longer ones are cut with an ellipsis (the full name is the link's title). */
  maxChars?: number;
}

/**
 * A category-axis label that is a link to the service: reachable with Tab and Enter, so a
 * keyboard user can open a service from the chart as a mouse user does by clicking its bar.
 */
export function ServiceAxisTick({ x = 0, y = 0, payload, hrefs, maxChars = 22 }: ServiceAxisTickProps) {
  const router = useRouter();
  const label = String(payload?.value ?? "");
  const href = hrefs.get(label);
  const shown = label.length > maxChars ? `${label.slice(0, maxChars - 1)}…` : label;
  const text = (
    <text x={Number(x) - 8} y={Number(y)} dy="0.35em" textAnchor="end" fill="currentColor" fontSize={12}>
      <title>{label}</title>
      {shown}
    </text>
  );
  if (!href) return text;
  return (
    <a
      href={href}
      aria-label={`Open ${label}`}
      className="cursor-pointer hover:underline focus:underline"
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        router.push(href);
      }}
    >
      {text}
    </a>
  );
}
