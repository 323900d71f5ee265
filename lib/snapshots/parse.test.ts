import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { detectCanonicalFormat, parseCanonical } from "./parse";

const host = (hostKey: string, extra: Record<string, unknown> = {}) => ({
  hostKey,
  service: "web",
  components: { nginx: "1.22" },
  ...extra,
});

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe("detectCanonicalFormat", () => {
  it("recognises a JSON document, NDJSON lines and CSV", () => {
    expect(detectCanonicalFormat(JSON.stringify({ takenAt: "2026-01-01T00:00:00Z", hosts: [] }, null, 2))).toBe("json");
    expect(detectCanonicalFormat(`{"takenAt":"2026-01-01T00:00:00Z"}\n${JSON.stringify(host("a"))}\n`)).toBe("ndjson");
    expect(detectCanonicalFormat("host,service,component,version\na,web,nginx,1.22\n")).toBe("csv");
    expect(detectCanonicalFormat(JSON.stringify(host("only")))).toBe("ndjson");
  });

  it("recognises nothing else", () => {
    expect(detectCanonicalFormat("")).toBeNull();
    expect(detectCanonicalFormat("hello world")).toBeNull();
    expect(detectCanonicalFormat(JSON.stringify({ kind: "List", items: [] }))).toBeNull();
    expect(detectCanonicalFormat("name,version\nnginx,1\n")).toBeNull();
  });

  it("still claims broken JSON that announces hosts, so the error can say where it broke", () => {
    expect(detectCanonicalFormat('{"hosts": [ {"hostKey": "a",, } ]}')).toBe("json");
  });
});

describe("parseCanonical (JSON)", () => {
  it("reads a valid snapshot with components and config", () => {
    const snapshot = parseCanonical(
      JSON.stringify({
        takenAt: "2026-03-01T12:00:00Z",
        source: "ansible",
        environment: "prod",
        hosts: [host("web-1", { config: { "/etc/nginx/nginx.conf": "ab12" }, role: "web", launchedAt: "2026-01-01T00:00:00Z" })],
      }),
      "json",
    );
    expect(snapshot.takenAt).toBe("2026-03-01T12:00:00Z");
    expect(snapshot.hosts[0]).toMatchObject({ hostKey: "web-1", components: { nginx: "1.22" }, config: { "/etc/nginx/nginx.conf": "ab12" } });
  });

  it("accepts an empty fleet", () => {
    expect(parseCanonical(JSON.stringify({ hosts: [] }), "json").hosts).toEqual([]);
  });

  it("names the line and column of malformed JSON", () => {
    const error = errorOf(() => parseCanonical('{\n  "hosts": [\n    {"hostKey": "a",}\n  ]\n}', "json"));
    expect(error.code).toBe("invalid_input");
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/line 3, column \d+/);
  });

  it("names the JSON path of a wrong type", () => {
    const error = errorOf(() => parseCanonical(JSON.stringify({ hosts: [host("a"), host("b", { components: { nginx: 1.22 } })] }), "json"));
    expect(error.path).toBe("hosts[1].components.nginx");
    expect(error.message).toContain("hosts[1].components.nginx");
    expect(error.message).toMatch(/string/);
  });

  it("says a required field is missing", () => {
    const error = errorOf(() => parseCanonical(JSON.stringify({ hosts: [{ hostKey: "a" }] }), "json"));
    expect(error.path).toBe("hosts[0].service");
    expect(error.message).toContain("is required");
  });

  it("rejects unknown fields by name, catching typos", () => {
    const error = errorOf(() => parseCanonical(JSON.stringify({ hosts: [host("a", { hostname: "x" })] }), "json"));
    expect(error.path).toBe("hosts[0].hostname");
    expect(error.message).toContain('"hostname"');
  });

  it("rejects duplicate host keys, naming both places", () => {
    const error = errorOf(() => parseCanonical(JSON.stringify({ hosts: [host("a"), host("b"), host("a")] }), "json"));
    expect(error.path).toBe("hosts[2].hostKey");
    expect(error.message).toContain("hosts[0].hostKey");
  });

  it("rejects huge values with a limit in the message", () => {
    const error = errorOf(() => parseCanonical(JSON.stringify({ hosts: [host("a".repeat(600))] }), "json"));
    expect(error.path).toBe("hosts[0].hostKey");
    expect(error.message).toMatch(/at most 512/);
  });

  it("rejects a date that is not ISO 8601", () => {
    const error = errorOf(() => parseCanonical(JSON.stringify({ takenAt: "yesterday", hosts: [] }), "json"));
    expect(error.path).toBe("takenAt");
  });

  it("applies upload defaults only where the data names none", () => {
    const snapshot = parseCanonical(JSON.stringify({ hosts: [host("a")] }), "json", { environment: "staging", takenAt: "2026-02-02T00:00:00Z" });
    expect(snapshot.environment).toBe("staging");
    expect(snapshot.takenAt).toBe("2026-02-02T00:00:00Z");
    const own = parseCanonical(JSON.stringify({ environment: "prod", hosts: [host("a")] }), "json", { environment: "staging" });
    expect(own.environment).toBe("prod");
  });
});

describe("parseCanonical (NDJSON)", () => {
  it("reads a header line and one host per line, skipping blank lines", () => {
    const text = [JSON.stringify({ takenAt: "2026-03-01T00:00:00Z", source: "ci" }), JSON.stringify(host("a")), "", JSON.stringify(host("b"))].join("\n");
    const snapshot = parseCanonical(text, "ndjson");
    expect(snapshot.source).toBe("ci");
    expect(snapshot.hosts.map((h) => h.hostKey)).toEqual(["a", "b"]);
  });

  it("names the line of a broken or invalid host", () => {
    const broken = [JSON.stringify(host("a")), "{not json"].join("\n");
    expect(errorOf(() => parseCanonical(broken, "ndjson")).line).toBe(2);
    const invalid = [JSON.stringify(host("a")), JSON.stringify(host("b")), JSON.stringify({ hostKey: "c", service: 5 })].join("\n");
    const error = errorOf(() => parseCanonical(invalid, "ndjson"));
    expect(error.line).toBe(3);
    expect(error.message).toContain("line 3: service");
  });

  it("names both lines of a duplicate host key", () => {
    const error = errorOf(() => parseCanonical([JSON.stringify(host("a")), JSON.stringify(host("a"))].join("\n"), "ndjson"));
    expect(error.message).toContain("line 2");
    expect(error.message).toContain("line 1");
  });
});

describe("parseCanonical (CSV)", () => {
  it("groups rows into hosts, with config rows and quoted cells", () => {
    const text = [
      "host,service,environment,component,version,kind",
      'web-1,web,prod,nginx,"1.22",',
      'web-1,web,prod,"/etc/app.conf","ab,12",config',
      "web-2,web,prod,nginx,1.24,",
      "db-1,db,prod,,,",
    ].join("\r\n");
    const snapshot = parseCanonical(text, "csv");
    expect(snapshot.hosts).toHaveLength(3);
    expect(snapshot.hosts[0]).toMatchObject({ hostKey: "web-1", components: { nginx: "1.22" }, config: { "/etc/app.conf": "ab,12" } });
    expect(snapshot.hosts[2]).toMatchObject({ hostKey: "db-1", components: {} });
  });

  it("names the line where a host contradicts itself", () => {
    const text = "host,service,component,version\nweb-1,web,nginx,1.22\nweb-1,api,node,18\n";
    const error = errorOf(() => parseCanonical(text, "csv"));
    expect(error.line).toBe(3);
    expect(error.message).toContain('service "api"');
  });

  it("counts lines inside quoted cells with newlines", () => {
    const text = 'host,service,component,version\nweb-1,web,motd,"two\nlines"\n,web,nginx,1\n';
    expect(errorOf(() => parseCanonical(text, "csv")).line).toBe(4);
  });

  it("reports an unclosed quote at the line it opened", () => {
    const text = 'host,service,component,version\nweb-1,web,nginx,"1.22\n';
    expect(errorOf(() => parseCanonical(text, "csv")).line).toBe(2);
  });
});
