/**
 * A map from long texts (a host's manifest, 7 KB in the bench fleet) to values, for texts
 * that repeat byte for byte across an upload. Looked up by a fingerprint of a few sampled
 * characters, then compared whole: hashing every lookup's whole text for a Map cost more than
 * the work it spared. Bounded in characters and per fingerprint, so an upload whose texts all
 * differ (or differ only where no sample falls) costs little more than it would without it.
 */
export class TextMap<V> {
  private readonly byFingerprint = new Map<number, Array<{ text: string; value: V }>>();
  private budget: number;

  constructor(private readonly maxChars: number) {
    this.budget = maxChars;
  }

  /** Characters it can still take. */
  get remaining(): number {
    return this.budget;
  }

  clear(): void {
    this.byFingerprint.clear();
    this.budget = this.maxChars;
  }

  get(text: string): V | undefined {
    const entries = this.byFingerprint.get(fingerprint(text));
    if (entries) for (const entry of entries) if (entry.text === text) return entry.value;
    return undefined;
  }

  /** Remembers `text` unless the map is full; false when it did not. */
  set(text: string, value: V): boolean {
    const key = fingerprint(text);
    const entries = this.byFingerprint.get(key) ?? [];
    if (text.length > this.budget || entries.length >= MAX_ENTRIES_PER_FINGERPRINT) return false;
    this.budget -= text.length;
    entries.push({ text: copyText(text), value });
    this.byFingerprint.set(key, entries);
    return true;
  }
}

/**
 * A string of its own, for keeping: a text read from an upload is usually a slice of one of
 * its chunks, which it would otherwise keep alive (64 kB per kept text).
 */
export function copyText(text: string): string {
  return Buffer.from(text, "utf8").toString("utf8");
}

const MAX_ENTRIES_PER_FINGERPRINT = 8;
const SAMPLES = 24;

function fingerprint(text: string): number {
  let value = text.length;
  const step = Math.max(1, Math.floor(text.length / SAMPLES));
  for (let i = text.length - 1; i >= 0; i -= step) value = (value * 31 + text.charCodeAt(i)) | 0;
  return value;
}
