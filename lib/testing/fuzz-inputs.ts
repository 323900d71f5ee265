/**
 * Hostile-input generators shared by the fuzz tests (lib/snapshots/fuzz.test.ts,
 * lib/importers/fuzz.test.ts), and the one property they all check: an input ends as a
 * valid snapshot or as an AppError a client can act on — never another exception.
 */
import fc from "fast-check";
import { expect } from "vitest";
import { isAppError } from "@/lib/errors";
import { hostSchema } from "@/lib/snapshots/schemas";

/** What a hostile upload may be answered with (400, 413, 415). */
export const EXPECTED_ERROR_CODES = new Set(["invalid_input", "unsupported_format", "payload_too_large"]);

/** Inputs each fuzz test has tried, reported by the test files (figures for the issue's closing note). */
export const fuzzCounter = { runs: 0 };

/**
 * Runs `parse` and checks the outcome: hosts that pass the canonical schema, or an expected
 * AppError with a message. Anything else (TypeError, RangeError, a stack overflow) fails.
 */
export function expectCleanOutcome(parse: () => { snapshot: { hosts: unknown[] } } | { hosts: unknown[] }): void {
  fuzzCounter.runs++;
  let outcome: { hosts: unknown[] };
  try {
    const result = parse();
    outcome = "snapshot" in result ? result.snapshot : result;
  } catch (error) {
    if (!isAppError(error)) throw new Error(`not an AppError: ${error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error)}`);
    expect(EXPECTED_ERROR_CODES.has(error.code), `unexpected code ${error.code}: ${error.message}`).toBe(true);
    expect(error.message.trim().length).toBeGreaterThan(0);
    return;
  }
  for (const host of outcome.hosts) {
    const parsed = hostSchema.safeParse(host);
    if (!parsed.success) throw new Error(`an invalid host got through: ${JSON.stringify(host).slice(0, 500)}: ${parsed.error.issues[0]?.message}`);
  }
  // Nothing may have written onto Object.prototype (`__proto__` keys).
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.keys(Object.prototype)).toEqual([]);
}

const encoder = new TextEncoder();
export const utf8 = (text: string): Uint8Array => encoder.encode(text);

/** Strings that tend to break parsers: quotes, separators, markup, odd Unicode, prototype keys. */
export const nastyString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.constantFrom(
    "__proto__",
    "constructor",
    "prototype",
    "toString",
    "hasOwnProperty",
    '"',
    '""',
    "\\",
    ",",
    "\n",
    "\r\n",
    "\u0000",
    "\u2028",
    "\ud800",
    "=cmd|' /C calc'!A0",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "${jndi:ldap://x}",
    "../../etc/passwd",
    " ",
    "",
  ),
);

/** Any JSON-ish value, including the wrong types where strings belong and prototype keys. */
export const nastyValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    nastyString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(nastyString, tie("value"), { maxKeys: 4 }),
    tie("proto"),
  ),
  // JSON.parse makes `__proto__` an own key, as it would be in an uploaded file.
  proto: fc.constant(null).map(() => JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}') as unknown),
})).value;

/** Every path (array of keys) inside a JSON value, for structure-aware mutation. */
function pathsOf(value: unknown, limit = 5_000): Array<Array<string | number>> {
  const paths: Array<Array<string | number>> = [];
  const stack: Array<{ value: unknown; path: Array<string | number> }> = [{ value, path: [] }];
  while (stack.length && paths.length < limit) {
    const { value: current, path } = stack.pop()!;
    paths.push(path);
    if (Array.isArray(current)) current.forEach((item, index) => stack.push({ value: item, path: [...path, index] }));
    else if (current && typeof current === "object") for (const [key, item] of Object.entries(current)) stack.push({ value: item, path: [...path, key] });
  }
  return paths;
}

function replaceAt(root: unknown, path: Array<string | number>, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(root)) return root.map((item, index) => (index === head ? replaceAt(item, rest, replacement) : item));
  if (root && typeof root === "object") {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(root)) Object.defineProperty(copy, key, { value: key === head ? replaceAt(item, rest, replacement) : item, enumerable: true, writable: true, configurable: true });
    return copy;
  }
  return root;
}

export type Mutation = { path: number; kind: "replace" | "delete" | "stringify" | "numberise" | "wrap" | "duplicate"; value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.record({
  path: fc.nat(),
  kind: fc.constantFrom("replace", "delete", "stringify", "numberise", "wrap", "duplicate"),
  value: nastyValue,
});

/** A fixture's JSON with one to three nodes replaced, deleted, or turned into the wrong type. */
export function mutatedJson(document: unknown): fc.Arbitrary<string> {
  return fc.array(mutation, { minLength: 1, maxLength: 3 }).map((mutations) => {
    let current = document;
    for (const m of mutations) {
      const paths = pathsOf(current);
      const path = paths[m.path % paths.length]!;
      const target = path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], current);
      const replacement =
        m.kind === "replace"
          ? m.value
          : m.kind === "delete"
            ? undefined
            : m.kind === "stringify"
              ? JSON.stringify(target ?? null)
              : m.kind === "numberise"
                ? typeof target === "string" ? Number(target.length) : 42
                : m.kind === "wrap"
                  ? [target]
                  : Array.isArray(target) ? [...target, ...target] : target;
      current = replaceAt(current, path, replacement);
    }
    return JSON.stringify(current) ?? "null";
  });
}

/** Text damaged the way transfers and editors damage it: truncated, spliced, bytes flipped. */
export function damagedText(text: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.nat({ max: text.length }).map((end) => text.slice(0, end)),
    fc.tuple(fc.nat({ max: text.length }), fc.nat({ max: 64 }), nastyString).map(([at, cut, insert]) => text.slice(0, at) + insert + text.slice(at + cut)),
    fc.tuple(fc.nat({ max: text.length }), fc.constantFrom('"', "{", "}", "[", "]", ",", ":", "\\", "\n", "\u0000")).map(([at, ch]) => text.slice(0, at) + ch + text.slice(at)),
  );
}

/** Bytes that are not UTF-8 (lone continuation bytes, overlong forms, encoded surrogates), spliced into text. */
export function invalidUtf8(text: string): fc.Arbitrary<Uint8Array> {
  const bad = fc.constantFrom([0x80], [0xc3, 0x28], [0xff], [0xfe, 0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82]);
  return fc.tuple(fc.nat({ max: text.length }), bad).map(([at, bytes]) => {
    const head = utf8(text.slice(0, at));
    const tail = utf8(text.slice(at));
    const out = new Uint8Array(head.length + bytes.length + tail.length);
    out.set(head, 0);
    out.set(bytes, head.length);
    out.set(tail, head.length + bytes.length);
    return out;
  });
}

/** `[[[[…]]]]` or `{"a":{"a":…}}` nested `depth` deep, optionally unclosed. */
export function nestedJson(depth: number, kind: "array" | "object", isClosed: boolean): string {
  if (kind === "array") return "[".repeat(depth) + (isClosed ? "]".repeat(depth) : "");
  return '{"a":'.repeat(depth) + "1" + (isClosed ? "}".repeat(depth) : "");
}
