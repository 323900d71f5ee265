import { describe, expect, it } from "vitest";
import { packServiceDetail, unpackServiceDetail } from "./detail-wire";
import type { ServiceDetail } from "./queries";

function detailOf(hosts: ServiceDetail["hosts"]): ServiceDetail {
  return { hosts } as unknown as ServiceDetail;
}

const drift = (component: string, actual: string) => ({ component, expected: "1.0", actual, ignored: false, since: "2026-11-01T00:00:00.000Z", sinceSnapshotId: "a1" });
const host = (hostKey: string, items: ReturnType<typeof drift>[]) => ({ hostKey, drift: items, isDrifted: items.length > 0, isSnowflake: false, snowflakeReasons: [], image: null, launchedAt: null });

describe("packServiceDetail", () => {
  it("sends each distinct drift list once, and unpacks to the same detail", () => {
    const detail = detailOf([
      host("web-1", [drift("nginx", "1.1"), drift("openssl", "3.1")]),
      host("web-2", []),
      host("web-3", [drift("nginx", "1.1"), drift("openssl", "3.1")]),
      host("web-4", [drift("nginx", "1.2")]),
      host("web-5", []),
    ]);
    const packed = packServiceDetail(detail);
    expect(packed.driftLists).toHaveLength(3);
    expect(packed.hosts.map((h) => h.drift)).toEqual([0, 1, 0, 2, 1]);
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(detail).length);
    expect(unpackServiceDetail(JSON.parse(JSON.stringify(packed)))).toEqual(detail);
  });

  it("tells apart lists that differ only in an onset", () => {
    const later = { ...drift("nginx", "1.1"), since: "2026-11-02T00:00:00.000Z" };
    const detail = detailOf([host("a", [drift("nginx", "1.1")]), host("b", [later])]);
    expect(unpackServiceDetail(packServiceDetail(detail))).toEqual(detail);
  });
});
