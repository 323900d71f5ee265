import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Utf8StreamDecoder } from "./utf8-stream";

/** Decodes `bytes` fed in pieces of the given sizes, or answers "error". */
function decodeInPieces(decoder: { decode(bytes: Uint8Array | undefined, isLast?: boolean): string }, bytes: Uint8Array, sizes: number[]): string {
  try {
    let text = "";
    let offset = 0;
    for (let i = 0; offset < bytes.length; i++) {
      const size = Math.max(1, sizes[i % sizes.length]!);
      text += decoder.decode(bytes.subarray(offset, offset + size));
      offset += size;
    }
    return text + decoder.decode(undefined, true);
  } catch {
    return "error";
  }
}

function textDecoder() {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  return { decode: (bytes: Uint8Array | undefined, isLast = false) => decoder.decode(bytes, { stream: !isLast }) };
}

describe("Utf8StreamDecoder", () => {
  it("decodes characters cut between chunks, and drops a leading byte order mark", () => {
    const bytes = new TextEncoder().encode("\ufeffé€𝄞 plain");
    expect(decodeInPieces(new Utf8StreamDecoder(), bytes, [1])).toBe("é€𝄞 plain");
    expect(decodeInPieces(new Utf8StreamDecoder(), bytes, [2, 3])).toBe("é€𝄞 plain");
  });

  it("refuses bytes that are not UTF-8, wherever they are cut", () => {
    expect(decodeInPieces(new Utf8StreamDecoder(), new Uint8Array([0x61, 0xff, 0x62]), [1])).toBe("error");
    expect(decodeInPieces(new Utf8StreamDecoder(), new Uint8Array([0x61, 0xe2, 0x82]), [1])).toBe("error");
    expect(decodeInPieces(new Utf8StreamDecoder(), new Uint8Array([0xed, 0xa0, 0x80]), [2])).toBe("error");
  });

  it("answers what TextDecoder answers, for any bytes cut anywhere", () => {
    const someBytes = fc.oneof(
      fc.uint8Array({ maxLength: 40 }),
      fc.string({ unit: "binary", maxLength: 20 }).map((s) => new TextEncoder().encode(s)),
      fc.tuple(fc.string({ unit: "binary", maxLength: 10 }), fc.uint8Array({ maxLength: 3 })).map(([s, tail]) => new Uint8Array([...new TextEncoder().encode(s), ...tail])),
    );
    fc.assert(
      fc.property(someBytes, fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 }), (bytes, sizes) => {
        expect(decodeInPieces(new Utf8StreamDecoder(), bytes, sizes)).toBe(decodeInPieces(textDecoder(), bytes, sizes));
      }),
      { numRuns: 3_000 },
    );
  });
});
