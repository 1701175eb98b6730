/**
 * A port implementation with some methods replaced (a fault, a crash) and every other one
 * forwarded to the real adapter, bound to it — so a test's fake never misses a method the
 * port gains later.
 * flow: fault tests --> override --> real adapter
 */
export function override<T extends object>(target: T, replaced: Partial<T>): T {
  return new Proxy(target, {
    get(t, key, receiver) {
      if (Object.hasOwn(replaced, key)) return (replaced as Record<PropertyKey, unknown>)[key];
      const value = Reflect.get(t, key, receiver);
      return typeof value === 'function' ? value.bind(t) : value;
    },
  });
}
