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
