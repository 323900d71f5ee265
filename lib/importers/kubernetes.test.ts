import { describe, expect, it } from "vitest";
import { kubernetesImporter } from "./kubernetes";
import { hostByKey, readFixture, runImporter, thrown } from "./test-utils";

describe("kubernetes importer", () => {
  it("makes each running pod a host keyed by uid, its containers' images and digests its components", () => {
    const result = runImporter(kubernetesImporter, "kubernetes/pods.json");
    expect(result.snapshot.hosts).toHaveLength(4);
    expect(hostByKey(result, "0f6a3c2e-1b4d-4e5f-8a9b-1c2d3e4f5a61")).toEqual({
      hostKey: "0f6a3c2e-1b4d-4e5f-8a9b-1c2d3e4f5a61",
      service: "checkout",
      environment: "prod",
      role: "api",
      image: "ghcr.io/acme/checkout:3.4.1",
      launchedAt: "2026-02-27T14:30:00.000Z",
      components: {
        "ghcr.io/acme/checkout": "3.4.1",
        "ghcr.io/acme/checkout@digest": "sha256:1111111111111111111111111111111111111111111111111111111111111111",
        "istio/proxyv2": "1.20.3",
        "istio/proxyv2@digest": "sha256:2222222222222222222222222222222222222222222222222222222222222222",
      },
      config: {},
    });
  });

  it("names services from labels, else the owning workload; environment from a label, else the namespace", () => {
    const result = runImporter(kubernetesImporter, "kubernetes/pods.json");
    expect(hostByKey(result, "2b8c5e4a-3d6f-4a71-8c1d-3e4f5a6b7c83")).toMatchObject({ service: "orders-db", environment: "shop", components: { postgres: "15.5" } });
    expect(hostByKey(result, "3c9d6f5b-4e70-4b82-9d2e-4f5a6b7c8d94")).toMatchObject({ service: "node-exporter", environment: "monitoring" });
  });

  it("skips completed and failed pods with the reason, and takes takenAt from the latest status time", () => {
    const result = runImporter(kubernetesImporter, "kubernetes/pods.json");
    expect(result.skipped).toEqual([
      { hostKey: "4d0e7a6c-5f81-4c93-8e3f-5a6b7c8d9ea5", reason: "pod Succeeded" },
      { hostKey: "5e1f8b7d-6092-4da4-9f40-6b7c8d9eafb6", reason: "pod Failed (Evicted)" },
    ]);
    expect(result.snapshot.takenAt).toBe("2026-03-01T02:04:31.000Z");
  });

  it("copes with unlabelled pods, digest-pinned images, pending pods without statuses and static pods", () => {
    const result = runImporter(kubernetesImporter, "kubernetes/pods-awkward.json", { environment: "prod" });
    // ReplicaSet owner without a pod-template-hash label: the hash suffix is still dropped.
    expect(hostByKey(result, "6f2a9c8e-7103-4eb5-a051-7c8d9eafb0c7")).toMatchObject({
      service: "legacy-worker",
      environment: "prod",
      components: { "registry.internal:5000/legacy/worker": "sha256:7777777777777777777777777777777777777777777777777777777777777777" },
    });
    // A bare pod: no labels, no owner → its own name.
    expect(hostByKey(result, "7a3b0d9f-8214-4fc6-b162-8d9eafb0c1d8")).toMatchObject({ service: "debug-shell", image: "busybox" });
    expect(result.identities?.get("7a3b0d9f-8214-4fc6-b162-8d9eafb0c1d8")?.isServiceGuessed).toBe(true);
    // Pending, three containers, no statuses: tags only; the env label wins over the option.
    expect(hostByKey(result, "8b4c1e0a-9325-40d7-8273-9eafb0c1d2e9")).toMatchObject({
      service: "search-indexer",
      environment: "staging",
      components: { "elastic/elasticsearch": "8.12.2", "ghcr.io/acme/indexer": "0.9.0", "fluent/fluent-bit": "2.2" },
    });
    // Mirror pod of a static manifest: named after the node-less pod name.
    expect(hostByKey(result, "9c5d2f1b-a436-41e8-9384-afb0c1d2e3fa")).toMatchObject({ service: "kube-apiserver", role: "control-plane" });
  });

  it("names the tool, the path and the expectation when a pod is broken", () => {
    const list = JSON.parse(readFixture("kubernetes/pods.json").text) as { items: { metadata: Record<string, unknown> }[] };
    delete list.items[2]!.metadata.uid;
    const error = thrown(() => runImporter(kubernetesImporter, { name: "pods.json", text: JSON.stringify(list) }));
    expect(error).toMatchObject({ code: "invalid_input", path: "items[2].metadata.uid", file: "pods.json" });
    expect(error.message).toBe("kubernetes: items[2].metadata.uid: expected a string, it is missing");
  });

  it("rejects a list of other kinds with a pointed message", () => {
    const text = JSON.stringify({ apiVersion: "v1", kind: "List", items: [{ kind: "Deployment", metadata: { name: "web" } }] });
    expect(kubernetesImporter.detect({ name: "x.json", text }, JSON.parse(text))).toBe(true);
    expect(thrown(() => runImporter(kubernetesImporter, { name: "x.json", text })).message).toMatch(/^kubernetes: items\[0\]\.kind: expected "Pod"/);
  });

  it("reads a single pod (`kubectl get pod NAME -o json`) and an empty list", () => {
    const list = JSON.parse(readFixture("kubernetes/pods.json").text) as { items: unknown[] };
    const single = runImporter(kubernetesImporter, { name: "pod.json", text: JSON.stringify(list.items[0]) });
    expect(single.snapshot.hosts.map((host) => host.hostKey)).toEqual(["0f6a3c2e-1b4d-4e5f-8a9b-1c2d3e4f5a61"]);
    const empty = runImporter(kubernetesImporter, { name: "pods.json", text: '{"apiVersion":"v1","items":[],"kind":"List","metadata":{"resourceVersion":""}}' });
    expect(empty.snapshot.hosts).toEqual([]);
  });
});
