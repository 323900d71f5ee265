/** Small pure helpers of the benchmark: percentiles, a bounded promise pool, the results table. */

/** Nearest-rank percentile (p in 0..100) of `values`; NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/**
 * Runs `task(0)` … `task(count - 1)` with at most `concurrency` in flight: `concurrency`
 * clients, each starting its next request when the previous one answered. `shouldStart`
 * can stop the run early (a time budget); tasks already started still finish, and the
 * results hold only the tasks that ran.
 */
export async function runPool<T>(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<T>,
  shouldStart: (index: number) => boolean = () => true,
): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const client = async () => {
    while (next < count && shouldStart(next)) {
      const index = next++;
      results.push(await task(index));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, client));
  return results;
}

/** Rounds to `digits` decimals, keeping null (a figure that could not be measured) as null. */
export function round(value: number | null | undefined, digits = 2): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export type Verdict = "pass" | "FAIL" | "";

/** `pass` when `value` is at most `limit`, `FAIL` when above, empty when either is unknown. */
export function judgeAtMost(value: number | null, limit: number | null): Verdict {
  if (value === null || limit === null) return "";
  return value <= limit ? "pass" : "FAIL";
}

/** Plain-text table with aligned columns (numbers right-aligned), for a terminal and for docs. */
export function formatTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)));
  const isNumeric = (text: string) => /^[-+]?[\d.,]+( ?[a-zA-Z%×]+)?$/.test(text.trim());
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, column) => (isNumeric(cell) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join(" | ")} |`;
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}
