import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ChangeEvent } from "./classification";
import { isoDay, makeHost, makeSnapshot } from "./classification/test-fixtures";
import { buildServiceReport, DEFAULT_SERVICE_SETTINGS, type OnsetState, onsetStateOf, type ServiceSettings, stepServiceReport } from "./service-report";
import type { AnalysisHost, ServiceSnapshot } from "./types";

/**
 * A random service history: hosts patched in place, replaced under new keys, relaunched under
 * their old key, scaled, drifting back and forth, and reporting a volatile fact (uptime).
 */
function historyFrom(seed: number, length: number): ServiceSnapshot[] {
  let state = seed >>> 0 || 1;
  const random = (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
  let nextKey = 4;
  let hosts: AnalysisHost[] = [0, 1, 2, 3].map((i) => makeHost(`web-${i}`, { nginx: "1.22.0", openssl: "3.0.1", "config:nginx.conf": "a" }, { launchedAt: isoDay(0), image: "img-1" }));
  const history: ServiceSnapshot[] = [];
  for (let day = 1; day <= length; day++) {
    hosts = hosts.flatMap((host): AnalysisHost[] => {
      const components: Record<string, string> = { ...host.components, uptime: String(random(1000)) };
      switch (random(9)) {
        case 0:
          components.nginx = ["1.22.0", "1.24.0", "1.25.1"][random(3)]!;
          return [makeHost(host.hostKey, components, { launchedAt: host.launchedAt, image: host.image })];
        case 1:
          return [makeHost(`web-${nextKey++}`, { ...components, openssl: "3.0.2" }, { launchedAt: isoDay(day), image: "img-2" })];
        case 2:
          return [makeHost(host.hostKey, { ...components, nginx: "1.25.1" }, { launchedAt: isoDay(day), image: "img-3" })];
        case 3:
          return random(3) === 0 ? [] : [makeHost(host.hostKey, { ...components, "config:nginx.conf": "hand-edited" }, host)];
        case 4:
          return [host, makeHost(`web-${nextKey++}`, components, { launchedAt: isoDay(day), image: host.image })];
        default:
          return [makeHost(host.hostKey, components, { launchedAt: host.launchedAt, image: host.image })];
      }
    });
    if (hosts.length === 0) hosts = [makeHost(`web-${nextKey++}`, { nginx: "1.24.0" }, { launchedAt: isoDay(day) })];
    history.push(makeSnapshot(`s${String(day).padStart(3, "0")}`, isoDay(day), hosts));
  }
  return history;
}

/** Steps through the history as ingestion does, each step seeing only what the previous one stored. */
function stepThrough(history: ServiceSnapshot[], windowSize: number, settings: ServiceSettings) {
  const transitions: ChangeEvent[][] = [];
  const reports = [];
  let previousOnsets: OnsetState = new Map();
  for (let n = 0; n < history.length; n++) {
    const start = Math.max(0, n - windowSize + 1);
    const { report, transition } = stepServiceReport(
      {
        current: history[n]!,
        previous: history[n - 1] ?? null,
        windowStart: { snapshotId: history[start]!.snapshotId, takenAt: history[start]!.takenAt },
        snapshotCount: n - start + 1,
        earlierEvents: transitions.slice(start + 1, n).flat(),
        previousOnsets,
      },
      settings,
    );
    transitions[n] = transition;
    previousOnsets = onsetStateOf(report);
    reports.push(report);
  }
  return reports;
}

describe("stepServiceReport", () => {
  const settingsFor = (baselineSource: ServiceSettings["baselineSource"]): ServiceSettings => ({
    ...DEFAULT_SERVICE_SETTINGS,
    baselineSource,
    declared: baselineSource === "declared" ? { nginx: "1.24.0" } : {},
    ignoreRules: [{ pattern: "openssl", service: null, reason: "tracked elsewhere" }],
  });

  it("gives the report buildServiceReport gives over the same window, at every snapshot", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 }),
        fc.integer({ min: 2, max: 6 }),
        fc.constantFrom<ServiceSettings["baselineSource"]>("majority", "previous", "declared"),
        (seed, windowSize, baselineSource) => {
          const history = historyFrom(seed, 14);
          const settings = settingsFor(baselineSource);
          const stepped = stepThrough(history, windowSize, settings);
          stepped.forEach((report, n) => {
            const start = Math.max(0, n - windowSize + 1);
            const window = history.slice(start, n + 1);
            expect(report).toEqual(buildServiceReport(window, settings, { includeOnsets: true, beforeFirst: history[start - 1] }));
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it("clamps a drift that began before the window to the window's first snapshot", () => {
    const pinned = (id: string, day: number) => makeSnapshot(id, isoDay(day), [makeHost("a", { nginx: "1" }), makeHost("b", { nginx: "1" }), makeHost("c", { nginx: "2" })]);
    const history = [pinned("s1", 1), pinned("s2", 2), pinned("s3", 3), pinned("s4", 4)];
    const last = stepThrough(history, 2, settingsFor("majority")).at(-1)!;
    expect([...last.onsets.values()]).toEqual([{ snapshotId: "s3", takenAt: isoDay(3) }]);
  });
});
