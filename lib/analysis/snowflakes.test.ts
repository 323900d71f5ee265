import { describe, expect, it } from "vitest";
import { findSnowflakes } from "./snowflakes";

function host(hostKey: string, components: Record<string, string>) {
  return { hostKey, components };
}

describe("findSnowflakes", () => {
  it("flags the DESIGN.md host missing the agent, not the host with skewed versions", () => {
    const snowflakes = findSnowflakes([
      host("A", { nginx: "1.22", node: "18", agent: "2" }),
      host("B", { nginx: "1.24", node: "20", agent: "3" }),
      host("C", { nginx: "1.22", node: "18" }),
    ]);
    expect(snowflakes).toEqual([{ hostKey: "C", reasons: ["missing agent, which 2 of 2 peers run"] }]);
  });

  it("flags a host with a component none of its peers run", () => {
    const hosts = ["1", "2", "3", "4"].map((key) => host(key, { nginx: "1.22" }));
    hosts.push(host("5", { nginx: "1.22", "redis-tools": "7.0" }));
    expect(findSnowflakes(hosts)).toEqual([{ hostKey: "5", reasons: ["has redis-tools, which none of 4 peers run"] }]);
  });

  it("does not flag a component missing on one host when not all its peers run it", () => {
    const hosts = [host("1", { x: "1" }), host("2", { x: "1" }), host("3", {}), host("4", {})];
    expect(findSnowflakes(hosts)).toEqual([]);
  });

  it("flags a host alone carrying a config fingerprint no peer shares", () => {
    const conf = "config:/etc/nginx/nginx.conf";
    const snowflakes = findSnowflakes([
      host("1", { [conf]: "sha256:00000000aaaa" }),
      host("2", { [conf]: "sha256:00000000aaaa" }),
      host("3", { [conf]: "sha256:ab12cd34ef56ab78" }),
    ]);
    expect(snowflakes).toEqual([
      { hostKey: "3", reasons: [`${conf} fingerprint ab12cd34… shared by no peer`] },
    ]);
  });

  it("words config keys as had, not run", () => {
    const hosts = [host("1", { "config:/etc/a": "x" }), host("2", { "config:/etc/a": "x" }), host("3", {})];
    expect(findSnowflakes(hosts)).toEqual([{ hostKey: "3", reasons: ["missing config:/etc/a, which 2 of 2 peers have"] }]);
  });

  it("gives every reason of a host, sorted by component", () => {
    const hosts = [
      host("1", { b: "1", "config:/etc/c": "x" }),
      host("2", { b: "1", "config:/etc/c": "x" }),
      host("3", { a: "1", "config:/etc/c": "y" }),
    ];
    expect(findSnowflakes(hosts)).toEqual([
      {
        hostKey: "3",
        reasons: [
          "has a, which none of 2 peers run",
          "missing b, which 2 of 2 peers run",
          "config:/etc/c fingerprint y shared by no peer",
        ],
      },
    ]);
  });

  it("has no snowflakes in a one-host service", () => {
    expect(findSnowflakes([host("only", { nginx: "1.22", "config:/etc/x": "abc" })])).toEqual([]);
  });

  it("does not let ignored components make snowflakes", () => {
    const hosts = [
      host("1", { nginx: "1", uptime: "10" }),
      host("2", { nginx: "1", uptime: "20" }),
      host("3", { nginx: "1", "config:/etc/motd": "m" }),
      host("4", { nginx: "1" }),
    ];
    const isIgnored = (component: string) => component === "uptime" || component === "config:/etc/motd";
    expect(findSnowflakes(hosts, isIgnored)).toEqual([]);
    expect(findSnowflakes(hosts).map((s) => s.hostKey)).toEqual(["3"]);
  });

  it("uses singular wording for a single peer", () => {
    expect(findSnowflakes([host("1", { x: "1" }), host("2", {})])).toEqual([
      { hostKey: "1", reasons: ["has x, which none of 1 peer runs"] },
      { hostKey: "2", reasons: ["missing x, which 1 of 1 peer runs"] },
    ]);
  });

  it("stays linear for a large service", () => {
    const components = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`pkg${i}`, "1.0"]));
    const hosts = Array.from({ length: 5000 }, (_, i) => host(`h${i}`, { ...components }));
    hosts.push(host("odd", { ...components, extra: "1" }));
    const started = performance.now();
    expect(findSnowflakes(hosts).map((s) => s.hostKey)).toEqual(["odd"]);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
