import { describe, expect, it } from "vitest";
import { describeHostHistory, describeInPlaceChanges } from "./host-history";
import { isoDay, makeHost, makeSnapshot } from "./test-fixtures";

const v1 = { nginx: "1.22", openssl: "3.0.2" };
const v2 = { nginx: "1.24", openssl: "3.0.13" };

describe("describeHostHistory", () => {
  it("tells a host's story: deployed, upgraded in place, replaced", () => {
    const history = [
      makeSnapshot("s1", isoDay(0), [makeHost("web-1", v1, { launchedAt: isoDay(0) })]),
      makeSnapshot("s2", isoDay(10), [makeHost("web-1", v1, { launchedAt: isoDay(0) })]),
      makeSnapshot("s3", isoDay(29), [makeHost("web-1", v2, { launchedAt: isoDay(0) })]),
      makeSnapshot("s4", isoDay(44), [makeHost("web-1", { ...v2, nginx: "1.26" }, { launchedAt: isoDay(40) })]),
    ];

    const entries = describeHostHistory("web-1", history);

    expect(entries.map((entry) => [entry.snapshotId, entry.kind, entry.text])).toEqual([
      ["s1", "deployed", "Day 1 deployed (launched 2026-01-01)"],
      ["s3", "mutated", "Day 30 packages upgraded (nginx 1.22→1.24, openssl 3.0.2→3.0.13)"],
      ["s4", "replaced", "Day 45 replaced (nginx 1.24→1.26)"],
    ]);
    expect(entries[1]).toMatchObject({ day: 30, takenAt: isoDay(29), components: [{ name: "nginx" }, { name: "openssl" }] });
  });

  it("counts days from the launch, not from the first snapshot it appears in", () => {
    const history = [
      makeSnapshot("s1", isoDay(0), []),
      makeSnapshot("s2", isoDay(20), [makeHost("web-1", v1, { launchedAt: isoDay(15) })]),
      makeSnapshot("s3", isoDay(25), [makeHost("web-1", v2, { launchedAt: isoDay(15) })]),
    ];
    expect(describeHostHistory("web-1", history).map((entry) => entry.text)).toEqual([
      "Day 1 deployed (launched 2026-01-16)",
      "Day 11 packages upgraded (nginx 1.22→1.24, openssl 3.0.2→3.0.13)",
    ]);
  });

  it("says first seen when the host predates the history and its launch is unknown", () => {
    const history = [makeSnapshot("s1", isoDay(0), [makeHost("web-1", v1)]), makeSnapshot("s2", isoDay(5), [makeHost("web-1", v1)])];
    expect(describeHostHistory("web-1", history)).toEqual([
      { snapshotId: "s1", takenAt: isoDay(0), day: 1, kind: "first-seen", text: "Day 1 first seen", components: [] },
    ]);
  });

  it("records a host that disappears and comes back", () => {
    const history = [
      makeSnapshot("s1", isoDay(0), [makeHost("web-1", v1)]),
      makeSnapshot("s2", isoDay(10), []),
      makeSnapshot("s3", isoDay(20), [makeHost("web-1", v2)]),
    ];
    expect(describeHostHistory("web-1", history).map((entry) => entry.text)).toEqual([
      "Day 1 first seen",
      "Day 11 removed",
      "Day 21 seen again, packages upgraded (nginx 1.22→1.24, openssl 3.0.2→3.0.13)",
    ]);
  });

  it("returns nothing for a host that never appears", () => {
    expect(describeHostHistory("ghost", [makeSnapshot("s1", isoDay(0), [makeHost("web-1", v1)])])).toEqual([]);
  });
});

describe("describeInPlaceChanges", () => {
  it("separates image, package and configuration changes", () => {
    expect(
      describeInPlaceChanges([
        { name: "image", from: "web:1", to: "web:2" },
        { name: "agent", from: null, to: "3" },
        { name: "config:nginx.conf", from: "a", to: "b" },
      ]),
    ).toBe("image changed (web:1→web:2); packages installed (agent 3 added); configuration changed (nginx.conf)");
  });

  it("says downgraded or changed when versions did not all go up", () => {
    expect(describeInPlaceChanges([{ name: "node", from: "20", to: "18" }])).toBe("packages downgraded (node 20→18)");
    expect(
      describeInPlaceChanges([
        { name: "node", from: "20", to: "18" },
        { name: "nginx", from: "1.22", to: "1.24" },
      ]),
    ).toBe("packages changed (node 20→18, nginx 1.22→1.24)");
  });
});
