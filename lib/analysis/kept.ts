/**
 * A process-wide memo for pure functions of a string (a parsed version, which ignore rule
 * matches a name). Cleared when it reaches `max`, so a fleet of one-off names (every host its
 * own build) cannot grow it without end.
 */
export function keptBy<T>(make: (key: string) => T, max = 100_000): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      if (cache.size >= max) cache.clear();
      value = make(key);
      cache.set(key, value);
    }
    return value;
  };
}

/**
 * The latest value computed for each slot (a service), with the key it was computed from.
 * Values are kept per slot rather than as a plain most-recently-used list, so that a fleet's
 * next snapshot finds every unchanged service's value however large the fleet: a list
 * bounded below one snapshot's size dropped each value just before the next snapshot asked
 * for it (a 50,000-host fleet analysed every service again at every ingest). Bounded by the
 * values' weight (`weigh`), the least recently used slots dropped first.
 */
export class KeptPerSlot<V> {
  private readonly slots = new Map<string, { key: string; value: V; weight: number }>();
  private weight = 0;

  constructor(
    private readonly maxWeight: number,
    private readonly weigh: (value: V) => number,
  ) {}

  get(slot: string, key: string, compute: () => V): V {
    const kept = this.peek(slot);
    if (kept?.key === key) return kept.value;
    const value = compute();
    this.set(slot, key, value);
    return value;
  }

  /** What the slot holds, whatever key it was computed from. */
  peek(slot: string): { key: string; value: V } | undefined {
    const kept = this.slots.get(slot);
    if (!kept) return undefined;
    // Most recently used last, so the least recently used go first.
    this.slots.delete(slot);
    this.slots.set(slot, kept);
    return { key: kept.key, value: kept.value };
  }

  /** Replaces the slot's value; one heavier than the bound is not kept. */
  set(slot: string, key: string, value: V): void {
    const replaced = this.slots.get(slot);
    if (replaced) {
      this.slots.delete(slot);
      this.weight -= replaced.weight;
    }
    const weight = this.weigh(value);
    if (weight > this.maxWeight) return;
    this.slots.set(slot, { key, value, weight });
    this.weight += weight;
    for (const [oldest, entry] of this.slots) {
      if (this.weight <= this.maxWeight) break;
      this.slots.delete(oldest);
      this.weight -= entry.weight;
    }
  }
}
