import { describe, expect, it } from "vitest";
import { interpretUploadResponse } from "./upload-client";

describe("interpretUploadResponse", () => {
  it("tells a new snapshot (201) from one uploaded before (200)", () => {
    const body = JSON.stringify({ id: "abc", hostCount: 3, services: ["web"], format: "json", skipped: [] });
    expect(interpretUploadResponse(201, body)).toMatchObject({ ok: true, result: { id: "abc", created: true } });
    expect(interpretUploadResponse(200, body)).toMatchObject({ ok: true, result: { created: false } });
  });

  it("keeps the path and line of a validation error", () => {
    const body = JSON.stringify({ error: { message: "hosts[1].service: is required", path: "hosts[1].service" } });
    expect(interpretUploadResponse(400, body)).toEqual({
      ok: false,
      error: { status: 400, message: "hosts[1].service: is required", path: "hosts[1].service", line: undefined, file: undefined },
    });
  });

  it("explains a 413 even when a proxy answered with HTML", () => {
    const outcome = interpretUploadResponse(413, "<html>Request Entity Too Large</html>");
    expect(outcome).toMatchObject({ ok: false, error: { status: 413, message: expect.stringContaining("limit") } });
  });
});
