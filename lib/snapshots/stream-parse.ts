import { AppError } from "@/lib/errors";
import { TextMap } from "./text-map";

/**
 * Streaming reader for canonical JSON and NDJSON: it is fed text as it arrives and hands
 * over one host at a time, so a 100 MB upload never exists in memory as one string or one
 * object tree. It only finds the boundaries of hosts (tracking depth and strings); each
 * host's text is then read with JSON.parse, which does the real syntax checking.
 *
 * Anything that is not canonical (a tool's own JSON, CSV, an array) is recognised from its
 * first key or character, and the caller falls back to reading the whole upload.
 */

/** Keys that can open a canonical document or NDJSON header line. */
const HEADER_KEYS = new Set(["$schema", "format", "takenAt", "source", "environment", "hosts"]);
/** Keys that can open an NDJSON host line. */
const HOST_KEYS = new Set(["hostKey", "service", "environment", "role", "image", "launchedAt", "components", "config"]);

/** Characters of hosts' member objects a parser keeps to recognise repeated ones. */
const KNOWN_OBJECTS_MAX_CHARS = 32 * 1024 * 1024;

const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const QUOTE = 34;
const BACKSLASH = 92;
const COLON = 58;
const COMMA = 44;
const NEWLINE = 10;

export type StreamFormat = "json" | "ndjson";

export interface StreamedHost {
  /** The host's JSON text, not yet parsed (see parseJson). */
  text: string;
  /** Position in a JSON document's hosts array; absent in NDJSON. */
  index?: number;
  line: number;
}

/** A bounded capture of text that may span chunks. */
class Capture {
  private parts: string[] = [];
  line = 0;
  push(text: string): void {
    if (text) this.parts.push(text);
  }
  take(): string {
    const text = this.parts.length === 1 ? this.parts[0]! : this.parts.join("");
    this.parts = [];
    return text;
  }
}

export class CanonicalStreamParser {
  /** "undecided" until the first key; "buffer" means: not canonical, read it whole instead. */
  decision: "undecided" | "stream" | "buffer" = "undecided";
  format: StreamFormat | null = null;
  /** Snapshot-level fields: the JSON document's members other than hosts, or the NDJSON header line. */
  header: Record<string, unknown> = {};

  private depth = 0;
  private inString = false;
  private escaped = false;
  private line = 1;
  private objectCount = 0;
  private hostIndex = 0;
  /** The current top-level object's text (for a JSON document: without its hosts array). */
  private object = new Capture();
  private objectOpen = false;
  private isDocument = false;
  /** Inside the document's hosts array: depth of the array, and the current host's text. */
  private hostsDepth = -1;
  private host = new Capture();
  private hostOpen = false;
  /** Key tracking at depth 1 of the first object, to recognise the format and the hosts array. */
  private expectingKey = false;
  private key = new Capture();
  private keyOpen = false;
  private lastKey: string | null = null;
  private afterColon = false;

  /**
   * Once the first NDJSON line is read, the rest is split at newlines (native indexOf) and
   * each line parsed whole: NDJSON is one object per line by definition, and this is several
   * times faster than walking every character.
   */
  private isLineMode = false;
  private enterLineMode = false;
  /** The first object ended at a chunk's end: the next text up to a newline is still its line. */
  private skipToNewline = false;
  private partialLine = "";
  /** Texts of hosts' flat member objects (components, config) read before, each complete. */
  private readonly knownObjects = new TextMap<true>(KNOWN_OBJECTS_MAX_CHARS);
  /** Where in the current text the host member object being read began (-1: none, or cut). */
  private memberStart = -1;
  /** The newline skipInsideHost found last, and in which text. */
  private newlineText: string | null = null;
  private newlineAt = 0;

  constructor(private readonly onHost: (host: StreamedHost) => void) {}

  private feedLines(text: string): void {
    let start = 0;
    for (;;) {
      const end = text.indexOf("\n", start);
      if (end === -1) break;
      const line = this.partialLine ? this.partialLine + text.slice(start, end) : text.slice(start, end);
      this.partialLine = "";
      if (this.skipToNewline) {
        this.skipToNewline = false;
        if (line.trim()) throw this.error(`line ${this.line}: expected a new line after the JSON object`);
      } else this.readLine(line);
      start = end + 1;
    }
    this.partialLine += text.slice(start);
  }

  private readLine(line: string): void {
    this.line++;
    const trimmed = line.trim();
    if (!trimmed) return;
    if (trimmed.charCodeAt(0) !== OPEN_BRACE) throw this.error(`line ${this.line}: expected a JSON object (one host per line)`);
    this.objectCount++;
    this.onHost({ text: trimmed, line: this.line });
  }

  feed(text: string): void {
    if (this.decision === "buffer") return;
    if (this.isLineMode) return this.feedLines(text);
    let segmentStart = 0; // start of text not yet copied into the active capture
    const length = text.length;
    for (let i = 0; i < length; i++) {
      if (this.hostOpen && !this.escaped) {
        i = this.skipInsideHost(text, i);
        if (i === length) break;
      }
      const code = text.charCodeAt(i);
      if (code === NEWLINE) this.line++;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (code === BACKSLASH) this.escaped = true;
        else if (code === QUOTE) {
          this.inString = false;
          if (this.keyOpen) {
            this.key.push(text.slice(segmentStart, i + 1));
            segmentStart = i + 1;
            this.keyOpen = false;
            if (!this.onKey(this.key.take())) return;
          }
        }
        continue;
      }
      if (code === QUOTE) {
        this.inString = true;
        if (this.depth === 1 && this.expectingKey && !this.isInsideHosts()) {
          this.flush(text, segmentStart, i);
          segmentStart = i;
          this.keyOpen = true;
          this.expectingKey = false;
        }
        continue;
      }
      if (code <= 32) {
        if (this.depth === 0 && this.objectOpen === false) segmentStart = i + 1;
        continue;
      }

      if (this.depth === 0) {
        if (code !== OPEN_BRACE) {
          if (this.objectCount === 0) {
            this.decision = "buffer";
            return;
          }
          throw this.error(`line ${this.line}: expected a JSON object (one host per line)`);
        }
        if (this.isDocument) throw this.error(`line ${this.line}: unexpected content after the end of the JSON document`);
        this.depth = 1;
        this.objectOpen = true;
        this.object.line = this.line;
        this.expectingKey = this.objectCount === 0;
        segmentStart = i;
        continue;
      }

      // Inside the document's hosts array, between hosts.
      if (this.hostsDepth !== -1 && this.depth === this.hostsDepth && !this.hostOpen) {
        if (code === COMMA) continue;
        if (code === CLOSE_BRACKET) {
          this.hostsDepth = -1;
          this.depth--;
          segmentStart = i; // the object capture resumes with "]"
          continue;
        }
        if (code !== OPEN_BRACE) throw this.error(`line ${this.line}: hosts[${this.hostIndex}]: must be an object`, `hosts[${this.hostIndex}]`);
        this.hostOpen = true;
        this.host.line = this.line;
        this.depth++;
        segmentStart = i;
        continue;
      }

      if (code === OPEN_BRACE || code === OPEN_BRACKET) {
        if (this.depth === 1 && this.afterColon && code === OPEN_BRACKET && this.lastKey === "hosts" && this.objectCount === 0) {
          // Entering the document's hosts array: the object capture keeps only "[" … "]".
          this.object.push(text.slice(segmentStart, i + 1));
          this.isDocument = true;
          this.format = "json";
          this.depth++;
          this.hostsDepth = this.depth;
          this.afterColon = false;
          segmentStart = i + 1;
          continue;
        }
        this.depth++;
        this.afterColon = false;
        continue;
      }
      if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
        this.depth--;
        if (this.hostOpen && this.depth === this.hostsDepth) {
          this.host.push(text.slice(segmentStart, i + 1));
          this.hostOpen = false;
          this.onHost({ text: this.host.take(), index: this.hostIndex, line: this.host.line });
          this.hostIndex++;
          segmentStart = i + 1;
          continue;
        }
        if (this.depth === 0) {
          this.object.push(text.slice(segmentStart, i + 1));
          segmentStart = i + 1;
          this.closeObject();
          if (this.enterLineMode) {
            // The rest of the current line (normally just its newline) ends the first object's line.
            const newline = text.indexOf("\n", i + 1);
            if (newline === -1) {
              if (text.slice(i + 1).trim()) throw this.error(`line ${this.line}: expected a new line after the JSON object`);
              this.isLineMode = true;
              this.partialLine = "";
              this.skipToNewline = true;
              return;
            }
            if (text.slice(i + 1, newline).trim()) throw this.error(`line ${this.line}: expected a new line after the JSON object`);
            this.isLineMode = true;
            return this.feedLines(text.slice(newline + 1));
          }
        } else if (this.depth < 0) {
          throw this.error(`line ${this.line}: unexpected "${String.fromCharCode(code)}"`);
        }
        continue;
      }
      if (this.depth === 1 && !this.isInsideHosts()) {
        if (code === COMMA) {
          this.expectingKey = this.objectCount === 0;
          this.afterColon = false;
        } else if (code === COLON) this.afterColon = true;
      }
    }
    this.flush(text, segmentStart, length);
  }

  /**
   * Reads on through a host's text until the brace that closes it (which the caller handles)
   * or the end of `text`: only quotes, brackets and newlines matter there, as the host's text
   * is captured whole and parsed later, and strings, most of it, are skipped with a native
   * search. Looking at every character made a JSON document's hosts twice as slow as NDJSON.
   */
  private skipInsideHost(text: string, from: number): number {
    const length = text.length;
    let i = from;
    while (i < length) {
      if (this.inString) {
        let end = text.indexOf('"', i);
        while (end !== -1 && isEscaped(text, end, i)) end = text.indexOf('"', end + 1);
        const stop = end === -1 ? length : end;
        // JSON strings hold no newlines, but counting keeps the line of an invalid one right.
        this.countNewlines(text, i, stop);
        if (end === -1) {
          this.escaped = isEscaped(text, length, i);
          return length;
        }
        this.inString = false;
        i = end + 1;
        continue;
      }
      const code = text.charCodeAt(i);
      if (code === QUOTE) this.inString = true;
      else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
        if (code === OPEN_BRACE && this.depth === this.hostsDepth + 1) {
          // One of the host's own objects (its components or config): when its text up to the
          // first "}" was read before and ended there, it ends there again; skip it whole.
          const close = text.indexOf("}", i);
          if (close !== -1 && this.knownObjects.get(text.slice(i, close + 1))) {
            this.countNewlines(text, i, close);
            i = close + 1;
            continue;
          }
          this.memberStart = i;
        }
        this.depth++;
      } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
        if (this.depth === this.hostsDepth + 1) return i;
        if (code === CLOSE_BRACE && this.depth === this.hostsDepth + 2 && this.memberStart !== -1) {
          // Flat (its first "}" ends it), and read here character by character: remember it.
          if (text.indexOf("}", this.memberStart) === i) this.knownObjects.set(text.slice(this.memberStart, i + 1), true);
          this.memberStart = -1;
        }
        this.depth--;
      } else if (code === NEWLINE) this.line++;
      i++;
    }
    this.memberStart = -1; // a member cut by the chunk's end is not remembered
    return length;
  }

  private countNewlines(text: string, from: number, to: number): void {
    for (let newline = this.newlineFrom(text, from); newline < to; newline = this.newlineFrom(text, newline + 1)) this.line++;
  }

  /** The next newline in `text` from `from` on (its length if none), searched once per stretch. */
  private newlineFrom(text: string, from: number): number {
    if (text !== this.newlineText || this.newlineAt < from) {
      const at = text.indexOf("\n", from);
      this.newlineText = text;
      this.newlineAt = at === -1 ? text.length : at;
    }
    return this.newlineAt;
  }

  /** Call once all text was fed; throws when the input ended mid-way. */
  end(): void {
    if (this.decision === "buffer") return;
    if (this.isLineMode) {
      if (this.partialLine && !this.skipToNewline) this.readLine(this.partialLine);
      this.partialLine = "";
      // readLine counted the last line; the counter names lines, so step back for messages.
      return;
    }
    if (this.depth !== 0 || this.inString) {
      throw this.error(`invalid JSON: the input ends inside ${this.inString ? "a string" : "an object"} (line ${this.line})`, undefined, this.line);
    }
    if (this.objectCount === 0) throw this.error("the file is empty");
  }

  private isInsideHosts(): boolean {
    return this.hostsDepth !== -1;
  }

  /** Copies text[start, end) into whichever capture is active. */
  private flush(text: string, start: number, end: number): void {
    if (start >= end) return;
    const chunk = text.slice(start, end);
    if (this.keyOpen) this.key.push(chunk);
    else if (this.hostOpen) this.host.push(chunk);
    else if (this.objectOpen && this.hostsDepth === -1) this.object.push(chunk);
  }

  /** The first key of the first object tells canonical input from a tool's own JSON. */
  private onKey(raw: string): boolean {
    let key: string;
    try {
      key = JSON.parse(raw) as string;
    } catch {
      key = raw;
    }
    this.lastKey = key;
    this.object.push(raw);
    if (this.decision === "undecided") {
      if (HEADER_KEYS.has(key) || HOST_KEYS.has(key)) this.decision = "stream";
      else {
        this.decision = "buffer";
        return false;
      }
    }
    return true;
  }

  private closeObject(): void {
    this.objectOpen = false;
    const index = this.objectCount++;
    const text = this.object.take();
    const line = this.object.line;
    if (this.isDocument) {
      // The document without its hosts: parse it for the header fields (and syntax errors).
      const document = parseJson(text, line) as Record<string, unknown>;
      const { hosts: _hosts, ...header } = document;
      this.header = header;
      return;
    }
    this.format = "ndjson";
    this.enterLineMode = true;
    const value = parseJson(text, line);
    if (index === 0 && isObject(value) && "hosts" in value) {
      throw new AppError("invalid_input", { message: "hosts: must be an array of hosts", path: "hosts", line });
    }
    const isHeader = index === 0 && isObject(value) && !["hostKey", "service", "components", "config"].some((k) => k in value);
    if (isHeader) this.header = value as Record<string, unknown>;
    else this.onHost({ text, line });
  }

  private error(message: string, path?: string, line = this.line): AppError {
    return new AppError("invalid_input", { message, path, line });
  }
}

/** Whether text[at] follows an odd run of backslashes (counted back to `from`, no further). */
function isEscaped(text: string, at: number, from: number): boolean {
  let i = at - 1;
  while (i >= from && text.charCodeAt(i) === BACKSLASH) i--;
  return (at - 1 - i) % 2 === 1;
}

/** Parses a streamed host's (or object's) text; a syntax error names its line. */
export function parseJson(text: string, line: number): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).replace(/ in JSON at position \d+.*$/, "");
    throw new AppError("invalid_input", { message: `invalid JSON at line ${line}: ${reason}`, line });
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
