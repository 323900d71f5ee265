import { describe, expect, it } from "vitest";
import type { AnalysisHost, ServiceSnapshot } from "../types";
import { classifyService } from "./classify-service";
import { isMigrationCandidate, MIGRATION_PATH, suggestNextMigrationStep } from "./migration-step";
import { isoDay, makeHost, makeSnapshot } from "./test-fixtures";

/** Two snapshots in which every host changed `app` in place. */
function makePatchedHistory(image: (hostIndex: number, snapshotIndex: number) => string | null, source: string | null = null): ServiceSnapshot[] {
  return [0, 1].map((snapshotIndex) =>
    makeSnapshot(
      `s${snapshotIndex}`,
      isoDay(snapshotIndex * 30),
      [0, 1, 2].map((hostIndex) => makeHost(`web-${hostIndex}`, { app: `1.${snapshotIndex}` }, { image: image(hostIndex, snapshotIndex) })),
      source,
    ),
  );
}

function suggest(history: ServiceSnapshot[], role: "stateful" | "stateless" = "stateless") {
  return suggestNextMigrationStep({ history, classification: classifyService(history), role });
}

describe("isMigrationCandidate", () => {
  it("flags stateless services that still change in place, not stateful or immutable ones", () => {
    expect(isMigrationCandidate("mutable", "stateless")).toBe(true);
    expect(isMigrationCandidate("mixed", "stateless")).toBe(true);
    expect(isMigrationCandidate("mutable", "stateful")).toBe(false);
    expect(isMigrationCandidate("immutable", "stateless")).toBe(false);
    expect(isMigrationCandidate("unknown", "stateless")).toBe(false);
  });
});

describe("suggestNextMigrationStep", () => {
  it("says containerise when no host has an image", () => {
    expect(suggest(makePatchedHistory(() => null))).toEqual({
      step: "containerise",
      title: "Containerise the app",
      why: "none of the 3 hosts reports an image id: the app is installed on the hosts themselves",
    });
  });

  it("says containerise when some hosts still run without an image", () => {
    expect(suggest(makePatchedHistory((host) => (host === 0 ? null : "web:1")))?.why).toBe("1 of 3 hosts run without an image id");
  });

  it("says automate image builds when each host has its own image", () => {
    expect(suggest(makePatchedHistory((host) => `ami-host-${host}`))).toMatchObject({
      step: "automate-image-builds",
      why: "each of the 3 hosts runs its own image, so images are not built once per release",
    });
  });

  it("says automate image builds when versions change inside hosts while their shared image stays", () => {
    expect(suggest(makePatchedHistory(() => "ami-base"))).toMatchObject({
      step: "automate-image-builds",
      why: expect.stringContaining("(3 in-place changes)"),
    });
  });

  it("says remove SSH when an image-based fleet gets hotfixes in place", () => {
    const pods = (version: number, app: string, hotfix = false): AnalysisHost[] =>
      [0, 1].map((pod) => makeHost(`pod-${version}-${pod}`, hotfix && pod === 0 ? { app, openssl: "3.0.13" } : { app }, { image: `web:${version}` }));
    const history = [
      makeSnapshot("s0", isoDay(0), pods(0, "1.0")),
      makeSnapshot("s1", isoDay(7), pods(1, "1.1")),
      makeSnapshot("s2", isoDay(14), pods(2, "1.2")),
      makeSnapshot("s3", isoDay(15), pods(2, "1.2", true)),
    ];
    const step = suggest(history);
    expect(step?.step).toBe("remove-ssh");
    expect(step?.why).toBe(
      "releases arrive on new hosts (2 replacements), but 1 host change was applied in place without a new image: hotfixes bypass the image pipeline",
    );
  });

  it("says infrastructure as code when new images are rolled onto long-lived hosts", () => {
    const history = makePatchedHistory((_, snapshot) => `web:${snapshot}`);
    expect(suggest(history)).toMatchObject({
      step: "infrastructure-as-code",
      why: "images are built per release, but 3 hosts were switched to a new image in place; describe the hosts as code so that a release creates new ones",
    });
  });

  it("says blue-green when the hosts are already provisioned from code but updated in place", () => {
    const history = makePatchedHistory((_, snapshot) => `ami-${snapshot}`, "terraform");
    expect(suggest(history)?.step).toBe("blue-green-deploys");
  });

  it("suggests nothing for stateful or immutable services", () => {
    expect(suggest(makePatchedHistory(() => null), "stateful")).toBeNull();
    const immutable = [0, 1].map((version) => makeSnapshot(`s${version}`, isoDay(version), [makeHost(`pod-${version}`, { app: `${version}` }, { image: `web:${version}` })]));
    expect(suggest(immutable)).toBeNull();
  });

  it("falls back to the step after images for a user-set mutable verdict without observed changes", () => {
    const history = [makeSnapshot("s0", isoDay(0), [makeHost("a", {}, { image: "web:1" }), makeHost("b", {}, { image: "web:1" })])];
    const step = suggestNextMigrationStep({ history, classification: { verdict: "mutable", events: [], replacements: 0 }, role: "stateless" });
    expect(step?.step).toBe("infrastructure-as-code");
  });

  it("keeps the path in the documented order", () => {
    expect(MIGRATION_PATH.map((entry) => entry.step)).toEqual([
      "containerise",
      "automate-image-builds",
      "infrastructure-as-code",
      "blue-green-deploys",
      "remove-ssh",
    ]);
  });
});
