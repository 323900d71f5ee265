import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { CanonicalStreamParser, parseJson, type StreamedHost } from "./stream-parse";

/** Feeds `text` in pieces of the given sizes (cycled), as a network would deliver it. */
function run(text: string, pieceSizes: number[] = [text.length || 1]) {
  const hosts: StreamedHost[] = [];
  // As the receiver does: each host's text is parsed, and a syntax error names the host's line.
  const parser = new CanonicalStreamParser((host) => {
    parseJson(host.text, host.line);
    hosts.push(host);
  });
  let offset = 0;
  for (let i = 0; offset < text.length; i++) {
    const size = Math.max(1, pieceSizes[i % pieceSizes.length]!);
    parser.feed(text.slice(offset, offset + size));
    offset += size;
  }
  parser.end();
  return { parser, hosts };
}

const document = {
  $schema: "/schema/snapshot-v1.json",
  takenAt: "2026-03-01T12:00:00Z",
  hosts: [
    { hostKey: "web-1", service: "web", components: { nginx: "1.22", "we{ird}": "a\"b]" } },
    { hostKey: "web-2", service: "web", components: { nginx: "1.24" }, config: { "/etc/x": "h" } },
  ],
  source: "ci",
};

describe("CanonicalStreamParser", () => {
  it("streams the hosts of a JSON document and keeps the other members as the header", () => {
    const { parser, hosts } = run(JSON.stringify(document, null, 2));
    expect(parser.format).toBe("json");
    expect(parser.header).toEqual({ $schema: "/schema/snapshot-v1.json", takenAt: "2026-03-01T12:00:00Z", source: "ci" });
    expect(hosts.map((h) => JSON.parse(h.text))).toEqual(document.hosts);
    expect(hosts.map((h) => h.index)).toEqual([0, 1]);
    expect(hosts[1]!.line).toBe(13);
  });

  it("gives the same result however the text is split into chunks", () => {
    const text = JSON.stringify(document, null, 1);
    const whole = run(text);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 10 }), (sizes) => {
        const pieces = run(text, sizes);
        expect(pieces.hosts.map((h) => JSON.parse(h.text))).toEqual(whole.hosts.map((h) => JSON.parse(h.text)));
        expect(pieces.parser.header).toEqual(whole.parser.header);
      }),
      { numRuns: 300 },
    );
  });

  it("reads hosts that repeat another's components or config, with brackets and quotes in their strings, as JSON.parse does", () => {
    const components = [{ nginx: "1.24", "we{ird}": 'a"b]' }, { nginx: "1.24", "x\\": "}" }, { nested: "{", n: "}" }];
    const hostAt = (i: number) => ({
      hostKey: `h-${i}`,
      service: "web",
      // The same objects again and again, one that differs, and one whose first "}" is in a string.
      components: components[i % 3]!,
      ...(i % 2 === 0 && { config: { "/etc/a{": i % 4 === 0 ? "}x" : "y" } }),
      image: i === 5 ? "img}{" : "img",
    });
    const hosts = Array.from({ length: 12 }, (_, i) => hostAt(i));
    for (const text of [JSON.stringify({ hosts }), JSON.stringify({ hosts }, null, 2)]) {
      fc.assert(
        fc.property(fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 8 }), (sizes) => {
          const read = run(text, sizes).hosts;
          expect(read.map((h) => JSON.parse(h.text))).toEqual(hosts);
          expect(read.map((h) => h.line)).toEqual(run(text).hosts.map((h) => h.line));
        }),
        { numRuns: 200 },
      );
    }
    expect(run(JSON.stringify({ hosts }, null, 2)).hosts[1]!.line).toBe(JSON.stringify({ hosts }, null, 2).split("\n").findIndex((l) => l.includes('"h-1"')));
  });

  it("streams NDJSON with an optional header line", () => {
    const text = [JSON.stringify({ takenAt: "2026-03-01T00:00:00Z" }), ...document.hosts.map((h) => JSON.stringify(h)), ""].join("\n");
    const { parser, hosts } = run(text, [7]);
    expect(parser.format).toBe("ndjson");
    expect(parser.header).toEqual({ takenAt: "2026-03-01T00:00:00Z" });
    expect(hosts.map((h) => [h.line, (JSON.parse(h.text) as { hostKey: string }).hostKey])).toEqual([
      [2, "web-1"],
      [3, "web-2"],
    ]);
  });

  it("hands a tool's own JSON, arrays and CSV back to the buffered path", () => {
    expect(run('{"apiVersion": "v1", "kind": "List", "items": []}').parser.decision).toBe("buffer");
    expect(run('[{"Id": "abc"}]').parser.decision).toBe("buffer");
    expect(run("host,service,component,version\n").parser.decision).toBe("buffer");
  });

  it("names the line of a broken host", () => {
    const text = '{"hosts": [\n{"hostKey": "a", "service": "s"},\n{"hostKey": "b", "service": }\n]}';
    try {
      run(text);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).line).toBe(3);
    }
  });

  it("refuses a document that ends early or has a non-object host", () => {
    expect(() => run('{"hosts": [{"hostKey": "a"')).toThrow(/ends inside/);
    expect(() => run('{"hosts": [42]}')).toThrow(/hosts\[0\]: must be an object/);
    expect(() => run('{"hosts": []} {"hosts": []}')).toThrow(/after the end/);
  });
});

describe("CanonicalStreamParser line mode", () => {
  it("reads NDJSON lines split anywhere across chunks, with line numbers intact", () => {
    const lines = [JSON.stringify({ takenAt: "2026-03-01T00:00:00Z" }), ...Array.from({ length: 20 }, (_, i) => JSON.stringify({ hostKey: `h${i}`, service: "s" }))];
    const text = lines.join("\n") + "\n";
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 8 }), (sizes) => {
        const { hosts, parser } = run(text, sizes);
        expect(parser.header).toEqual({ takenAt: "2026-03-01T00:00:00Z" });
        expect(hosts.map((h) => [h.line, (JSON.parse(h.text) as { hostKey: string }).hostKey])).toEqual(lines.slice(1).map((_, i) => [i + 2, `h${i}`]));
      }),
      { numRuns: 300 },
    );
  });

  it("a file without a header starts with a host, and a bad later line is named", () => {
    const text = [JSON.stringify({ hostKey: "a", service: "s" }), JSON.stringify({ hostKey: "b", service: "s" }), '{"hostKey": "c",'].join("\n");
    expect(() => run(text, [5])).toThrow(/line 3/);
    expect(run(text.split("\n").slice(0, 2).join("\n")).hosts).toHaveLength(2);
  });
});
