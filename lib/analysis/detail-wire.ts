import type { ServiceDetail } from "./queries";

type DetailHost = ServiceDetail["hosts"][number];
type DriftList = DetailHost["drift"];

/**
 * A service's detail as its page hands it to the browser, each distinct drift list once. The
 * hosts of a service mostly repeat a few drift lists: the bench's edge-gateway, mid-rollout,
 * has 287 drifted hosts with 2 distinct lists, and sent its 4,305 drift items as 1.1 MB of its
 * page's 1.5 MB. The API keeps the plain form; this one is internal to the page.
 */
export interface PackedServiceDetail extends Omit<ServiceDetail, "hosts"> {
  hosts: Array<Omit<DetailHost, "drift"> & { drift: number }>;
  driftLists: DriftList[];
}

export function packServiceDetail(detail: ServiceDetail): PackedServiceDetail {
  const indexOf = new Map<string, number>();
  const driftLists: DriftList[] = [];
  const hosts = detail.hosts.map(({ drift, ...host }) => {
    const text = JSON.stringify(drift);
    let index = indexOf.get(text);
    if (index === undefined) {
      index = driftLists.push(drift) - 1;
      indexOf.set(text, index);
    }
    return { ...host, drift: index };
  });
  return { ...detail, hosts, driftLists };
}

/** The detail again; hosts with equal drift share one (read-only) list. */
export function unpackServiceDetail({ driftLists, hosts, ...detail }: PackedServiceDetail): ServiceDetail {
  return { ...detail, hosts: hosts.map((host) => ({ ...host, drift: driftLists[host.drift]! })) };
}
