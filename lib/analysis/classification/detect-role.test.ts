import { describe, expect, it } from "vitest";
import { detectRole, isDataServiceName, isStatefulHost } from "./detect-role";
import { makeHost } from "./test-fixtures";

describe("detectRole", () => {
  it("calls a service stateful from its hosts' role field", () => {
    expect(detectRole([makeHost("db-1", {}, { role: "database" }), makeHost("db-2", {}, { role: "database" })])).toBe("stateful");
    expect(detectRole([makeHost("c-1", {}, { role: "session-cache" })])).toBe("stateful");
    expect(detectRole([makeHost("p-1", {}, { role: "postgres-primary" })])).toBe("stateful");
  });

  it("recognises data services from component names", () => {
    expect(detectRole([makeHost("db-1", { "postgresql-15": "15.6", openssl: "3.0" })])).toBe("stateful");
    expect(detectRole([makeHost("q-1", { "rabbitmq-server": "3.12" })])).toBe("stateful");
    expect(detectRole([makeHost("r-1", { "postgresql15-server": "15.6" })])).toBe("stateful");
  });

  it("recognises data services from the image name", () => {
    expect(detectRole([makeHost("pod-1", {}, { image: "docker.io/bitnami/redis:7.2@sha256:abc" })])).toBe("stateful");
  });

  it("keeps web hosts with database clients stateless", () => {
    const web = makeHost("web-1", { nginx: "1.24", "postgresql-client-15": "15.6", "redis-tools": "7", "python3-redis": "4", "nfs-common": "2" });
    expect(detectRole([web])).toBe("stateless");
  });

  it("lets an explicit non-data role win over recognised components", () => {
    expect(isStatefulHost(makeHost("web-1", { "redis-server": "7" }, { role: "web" }))).toBe(false);
  });

  it("needs half of the hosts to look stateful", () => {
    const web = (key: string) => makeHost(key, { nginx: "1.24" });
    const stray = makeHost("web-3", { nginx: "1.24", "redis-server": "7" });
    expect(detectRole([web("web-1"), web("web-2"), stray])).toBe("stateless");
    expect(detectRole([web("web-1"), stray])).toBe("stateful");
  });

  it("applies the user's override", () => {
    expect(detectRole([makeHost("db-1", { postgresql: "16" })], "stateless")).toBe("stateless");
    expect(detectRole([makeHost("web-1", { nginx: "1.24" })], "stateful")).toBe("stateful");
    expect(detectRole([makeHost("db-1", { postgresql: "16" })], null)).toBe("stateful");
  });

  it("calls an empty service stateless", () => {
    expect(detectRole([])).toBe("stateless");
  });
});

describe("isDataServiceName", () => {
  it.each(["postgres", "mysql-server", "mariadb-server", "memcached", "kafka_2.13", "elasticsearch-oss", "mongodb-org-server", "etcd", "nfs-kernel-server"])(
    "recognises %s",
    (name) => expect(isDataServiceName(name)).toBe(true),
  );
  it.each(["libpq5", "mysql-common", "redis-exporter", "nginx", "config:postgresql.conf", "ceph-common"])("does not recognise %s", (name) =>
    expect(isDataServiceName(name)).toBe(false),
  );
});
