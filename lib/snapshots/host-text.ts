import { copyText, TextMap } from "./text-map";

/**
 * A host's JSON text, split into its manifest (the text of its `components` and `config`
 * objects) and the rest. Nearly all of a host's bytes are its manifest, and most hosts of a
 * fleet share theirs byte for byte: once a manifest's text has been read, the next host with
 * the same text needs only its few other fields parsed (see ManifestTextIndex).
 *
 * The split finds each object's end at its first "}", without reading it. That is only right
 * when no "}" sits inside one of its strings, which `readWhole` checks by parsing: callers
 * remember a manifest text only when it is complete, and a later host's text can then equal
 * it only if its own object ends at the same place.
 */
export interface HostTextSplit {
  /** The host's other fields, parsed. */
  rest: Record<string, unknown>;
  manifestText: ManifestText;
  /**
   * The whole host, from the rest and its two objects parsed, when both really end where
   * the split assumed; else null (the text must then be parsed whole). Call it rarely.
   */
  readWhole(): Record<string, unknown> | null;
}

/** The text of a host's components object, and of its config object ("" when it has none). */
export interface ManifestText {
  components: string;
  config: string;
}

const COMPONENTS_KEY = '"components"';
const CONFIG_KEY = '"config"';
// Replaces each object in the rest's text: a member that parses to it is the one that was cut out.
const PLACEHOLDER = "0";

/**
 * Splits a host's text, or answers null when the split cannot be trusted: any key written
 * with a \u escape or repeated (JSON.parse keeps the last of duplicates), or the rest is not
 * valid JSON. The caller then parses the whole text, as without this.
 */
export function splitHostText(text: string): HostTextSplit | null {
  const components = findObjectMember(text, COMPONENTS_KEY, 0);
  if (!components) return null;
  // Config usually follows the components (searching from the start would read them again,
  // and "config" may also be a component's name); else it is the last "config" before them.
  const before = text.lastIndexOf(CONFIG_KEY, components.start);
  const config = findObjectMember(text, CONFIG_KEY, components.end) ?? (before === -1 ? null : findObjectMember(text, CONFIG_KEY, before));
  if (config && config.start < components.end && config.end > components.start) return null;
  const cuts = config ? [components, config].sort((a, b) => a.start - b.start) : [components];
  let skeleton = "";
  let from = 0;
  for (const cut of cuts) {
    skeleton += text.slice(from, cut.start) + PLACEHOLDER;
    from = cut.end;
  }
  skeleton += text.slice(from);

  if (skeleton.includes("\\u")) return null;
  if (countOf(skeleton, COMPONENTS_KEY) !== 1 || countOf(skeleton, CONFIG_KEY) !== (config ? 1 : 0)) return null;
  let rest: unknown;
  try {
    rest = JSON.parse(skeleton);
  } catch {
    return null;
  }
  if (typeof rest !== "object" || rest === null || Array.isArray(rest)) return null;
  const fields = rest as Record<string, unknown>;
  if (fields.components !== 0 || fields.config !== (config ? 0 : undefined)) return null;
  delete fields.components;
  delete fields.config;

  const componentsText = text.slice(components.start, components.end);
  const configText = config ? text.slice(config.start, config.end) : "";
  return {
    rest: fields,
    manifestText: { components: componentsText, config: configText },
    readWhole: () => {
      const components = parseObject(componentsText);
      const configValue = config ? parseObject(configText) : undefined;
      if (components === null || configValue === null) return null;
      return { ...fields, components, ...(configValue !== undefined && { config: configValue }) };
    },
  };
}

/** Where `key`'s object value starts ("{") and ends (after the first "}"), from `from` on. */
function findObjectMember(text: string, key: string, from: number): { start: number; end: number } | null {
  const at = text.indexOf(key, from);
  if (at === -1) return null;
  let i = skipBlanks(text, at + key.length);
  if (text.charCodeAt(i) !== 58 /* : */) return null;
  i = skipBlanks(text, i + 1);
  if (text.charCodeAt(i) !== 123 /* { */) return null;
  const close = text.indexOf("}", i);
  return close === -1 ? null : { start: i, end: close + 1 };
}

function skipBlanks(text: string, i: number): number {
  for (let code = text.charCodeAt(i); code === 32 || code === 9 || code === 10 || code === 13; code = text.charCodeAt(++i));
  return i;
}

function countOf(text: string, part: string): number {
  let count = 0;
  for (let at = text.indexOf(part); at !== -1; at = text.indexOf(part, at + part.length)) count++;
  return count;
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Manifest texts already read, each with its manifest (see SnapshotBuilder). */
export class ManifestTextIndex<V> {
  private readonly byComponents: TextMap<Map<string, V>>;

  constructor(maxChars: number) {
    this.byComponents = new TextMap(maxChars);
  }

  get(text: ManifestText): V | undefined {
    return this.byComponents.get(text.components)?.get(text.config);
  }

  /** Remembers the text's value; when full, forgets everything first (the cache starts over). */
  add(text: ManifestText, value: V): void {
    let byConfig = this.byComponents.get(text.components);
    if (!byConfig) {
      if (text.components.length > this.byComponents.remaining) this.byComponents.clear();
      if (!this.byComponents.set(text.components, (byConfig = new Map()))) return;
    }
    // Hosts with the same components rarely differ in more than a few config files.
    if (byConfig.size < MAX_CONFIGS_PER_COMPONENTS) byConfig.set(copyText(text.config), value);
  }
}

const MAX_CONFIGS_PER_COMPONENTS = 64;
