/**
 * `compute` remembered per key. Listings format the same few templates, sizes and references
 * over and over; past `limit` entries the memory starts afresh so it cannot grow without end.
 */
export function memo<V>(compute: (key: string) => V, limit = 200): (key: string) => V {
  const cache = new Map<string, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      if (cache.size > limit) cache.clear();
      cache.set(key, (value = compute(key)));
    }
    return value;
  };
}
