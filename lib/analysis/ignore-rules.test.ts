import { describe, expect, it } from "vitest";
import { BUILT_IN_IGNORE_RULES, createIgnoreMatcher, type IgnoreRule, matchesGlob } from "./ignore-rules";

describe("matchesGlob", () => {
  it("treats * as any run, ? as one character and everything else literally", () => {
    expect(matchesGlob("kernel*", "kernel")).toBe(true);
    expect(matchesGlob("kernel*", "kernel-5.15")).toBe(true);
    expect(matchesGlob("kernel*", "linux-kernel")).toBe(false);
    expect(matchesGlob("node?", "node2")).toBe(true);
    expect(matchesGlob("node?", "node")).toBe(false);
    expect(matchesGlob("a.b", "axb")).toBe(false);
    expect(matchesGlob("(x)+", "(x)+")).toBe(true);
  });

  it("ignores case, since tools disagree on the case of facts", () => {
    expect(matchesGlob("uptime", "Uptime")).toBe(true);
  });
});

describe("createIgnoreMatcher", () => {
  const rules: IgnoreRule[] = [
    { pattern: "kernel*", service: null, reason: "patched by the platform team" },
    { pattern: "/etc/motd", service: "web", reason: "banner differs per host" },
  ];

  it("applies fleet-wide rules to every service and service rules only to their service", () => {
    const web = createIgnoreMatcher(rules, "web");
    const api = createIgnoreMatcher(rules, "api");
    expect(web("kernel")?.reason).toBe("patched by the platform team");
    expect(api("kernel")?.reason).toBe("patched by the platform team");
    expect(web("config:/etc/motd")?.reason).toBe("banner differs per host");
    expect(api("config:/etc/motd")).toBeNull();
    expect(web("nginx")).toBeNull();
  });

  it("matches the full name and the name without the config prefix", () => {
    const matcher = createIgnoreMatcher([{ pattern: "config:/etc/hosts", reason: "r" }, { pattern: "uptime", reason: "u" }], "x");
    expect(matcher("config:/etc/hosts")?.reason).toBe("r");
    expect(matcher("config:uptime")?.reason).toBe("u");
    expect(matcher("/etc/hosts")).toBeNull();
  });

  it("answers with the rules it was given, though matches are kept across matchers", () => {
    // The same patterns with other reasons share what was matched, but each names its own rule.
    const first = createIgnoreMatcher([{ pattern: "build_*", reason: "first" }], "a");
    const second = createIgnoreMatcher([{ pattern: "build_*", service: "b", reason: "second" }], "b");
    expect(first("build_id")?.reason).toBe("first");
    expect(second("build_id")?.reason).toBe("second");
    expect(createIgnoreMatcher([{ pattern: "build_*", service: "b", reason: "second" }], "a")("build_id")).toBeNull();
    // Another order of the same patterns is another list: the first rule that matches wins.
    const reordered = createIgnoreMatcher([{ pattern: "*_id", reason: "ids" }, { pattern: "build_*", reason: "builds" }], "a");
    expect(reordered("build_id")?.reason).toBe("ids");
  });
});

describe("BUILT_IN_IGNORE_RULES", () => {
  const matcher = createIgnoreMatcher(BUILT_IN_IGNORE_RULES, "any");

  it.each([
    "uptime",
    "uptime_seconds",
    "ansible_uptime_seconds",
    "system_uptime.days",
    "ansible_date_time",
    "ansible_date_time.epoch",
    "ohai_time",
    "memfree_mb",
    "ansible_memfree_mb",
    "memoryfree",
    "ansible_swapfree_mb",
    "load_averages.1m",
    "ansible_loadavg.15m",
    "processes",
    "boot_time",
    "idletime_seconds",
  ])("ignores the volatile fact %s", (name) => {
    expect(matcher(name)).not.toBeNull();
  });

  it.each(["kernel", "ansible_kernel", "linux-image-generic", "nginx", "ansible_processor_count", "config:/etc/nginx/nginx.conf"])(
    "keeps %s, which is real drift",
    (name) => {
      expect(matcher(name)).toBeNull();
    },
  );
});
