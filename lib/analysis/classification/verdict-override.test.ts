import { describe, expect, it } from "vitest";
import { applyVerdictOverride } from "./verdict-override";

describe("applyVerdictOverride", () => {
  it("returns the computed verdict when there is no override", () => {
    expect(applyVerdictOverride("mutable", null)).toEqual({
      computed: "mutable",
      verdict: "mutable",
      isOverridden: false,
      reason: null,
      isContradicted: false,
    });
  });

  it("returns the user's verdict and reason beside the computed one", () => {
    expect(applyVerdictOverride("mixed", { verdict: "immutable", reason: "the hotfix was a one-off during an incident" })).toEqual({
      computed: "mixed",
      verdict: "immutable",
      isOverridden: true,
      reason: "the hotfix was a one-off during an incident",
      isContradicted: true,
    });
  });

  it("does not call an override contradicted while the evidence is unknown or agrees", () => {
    expect(applyVerdictOverride("unknown", { verdict: "mutable", reason: "we run Ansible" }).isContradicted).toBe(false);
    expect(applyVerdictOverride("mutable", { verdict: "mutable", reason: "confirmed" }).isContradicted).toBe(false);
  });
});
