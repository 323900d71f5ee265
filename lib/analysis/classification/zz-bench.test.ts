import { it, expect } from "vitest";
import { detectChangeEvents } from "@/lib/analysis/classification/change-events";
import { classifyService } from "@/lib/analysis/classification/classify-service";
import { describeHostHistory } from "@/lib/analysis/classification/host-history";
import { detectRole } from "@/lib/analysis/classification/detect-role";
import type { AnalysisHost, ServiceSnapshot } from "@/lib/analysis/types";

it("worst case", () => {
  const H = 5000, C = 300, S = 30;
  let current: AnalysisHost[] = Array.from({ length: H }, (_, h) => {
    const components: Record<string, string> = {};
    for (let c = 0; c < C; c++) components[`pkg-${c}`] = `1.${(h * 7 + c) % 13}`;
    components["unique"] = `h${h}`;
    return { hostKey: `host-${h}`, service: "web", environment: "prod", components, manifestHash: `m-${h}-0`, image: "ami-1", launchedAt: "2025-01-01T00:00:00Z" };
  });
  const history: ServiceSnapshot[] = [];
  for (let s = 0; s < S; s++) {
    if (s > 0) {
      current = current.map((host, h) => {
        if (h % 10 === s % 10) {
          const components = { ...host.components, [`pkg-${s % C}`]: `2.${s}` };
          return { ...host, components, manifestHash: `m-${h}-${s}` };
        }
        if (h < 500) {
          const components = { ...host.components, unique: `n${h}-${s}`, extra: `${s}` };
          return { ...host, hostKey: `host-${h}-s${s}`, components, manifestHash: `n-${h}-${s}` };
        }
        return host;
      });
    }
    history.push({ snapshotId: `s${s}`, takenAt: new Date(Date.parse("2026-01-01") + s * 86400000).toISOString(), hosts: current });
  }
  let t = performance.now();
  const events = detectChangeEvents(history);
  console.log("events", performance.now() - t, events.length, events.map(e => e.kind[0]).join(""));
  t = performance.now();
  const r = classifyService(history);
  console.log("classify", performance.now() - t, r.verdict, r.mutations, r.replacements, r.scaleEvents, r.evidence.slice(0, 3));
  t = performance.now();
  describeHostHistory("host-999", history);
  console.log("host history", performance.now() - t);
  t = performance.now();
  detectRole(current);
  console.log("role", performance.now() - t);
  expect(events.length).toBeGreaterThan(0);
}, 120000);
