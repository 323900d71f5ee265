import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readHostFast } from "./fast-host";
import { hostSchema } from "./schemas";

describe("readHostFast", () => {
  it("accepts a plain valid host without copying its component map", () => {
    const components = { nginx: "1.22", openssl: "3.0.2" };
    const host = readHostFast({ hostKey: "web-1", service: "web", launchedAt: "2026-03-01T12:00:00Z", components });
    expect(host?.components).toBe(components);
    expect(host?.config).toEqual({});
  });

  it("leaves anything unusual to zod", () => {
    expect(readHostFast({ hostKey: " web-1", service: "web" })).toBeNull();
    expect(readHostFast({ hostKey: "web-1", service: "web", components: { nginx: 1.22 } })).toBeNull();
    expect(readHostFast({ hostKey: "web-1", service: "web", hostname: "x" })).toBeNull();
    expect(readHostFast({ hostKey: "web-1", service: "web", launchedAt: "2026-02-30T00:00:00Z" })).toBeNull();
    expect(readHostFast({ hostKey: "web-1", service: "web", launchedAt: "yesterday" })).toBeNull();
    expect(readHostFast([])).toBeNull();
  });

  it("never accepts what hostSchema rejects, and agrees with it on what it accepts", () => {
    const name = fc.oneof(fc.string({ maxLength: 12 }), fc.constant(""), fc.constant(" padded "), fc.string({ minLength: 510, maxLength: 520 }));
    const version = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.constant(null));
    const date = fc.oneof(fc.constant("2026-03-01T12:00:00Z"), fc.constant("2026-03-01T12:00:00.123+02:00"), fc.constant("2026-02-29T00:00:00Z"), fc.string({ maxLength: 25 }));
    const host = fc.record(
      {
        hostKey: name,
        service: name,
        environment: name,
        role: name,
        image: fc.string({ maxLength: 10 }),
        launchedAt: date,
        components: fc.dictionary(fc.string({ maxLength: 6 }), version, { maxKeys: 5 }),
        config: fc.dictionary(fc.string({ maxLength: 6 }), version, { maxKeys: 3 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(host, (value) => {
        const fast = readHostFast(value);
        const slow = hostSchema.safeParse(value);
        if (fast !== null) {
          expect(slow.success).toBe(true);
          expect(fast).toEqual(slow.data);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
