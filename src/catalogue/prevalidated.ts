/**
 * Rule specs whose patterns are known to compile: the built-in catalogue, which the test suite
 * checks rule by rule and the bundle build compiles whole (scripts/bundle.mjs). Their RegExps are
 * built on a rule's first keyword hit instead of at every start (most rules never match a
 * pre-commit change; ~800 patterns cost a pre-commit run tens of milliseconds). Any other spec (a
 * user's rule, a library caller's) compiles at once, so a bad pattern fails before the scan starts.
 * Identity-based: a spec cloned to a worker thread is not in the set and compiles at once there.
 */
const known = new WeakSet<object>();

export function markPrevalidated<T extends readonly object[]>(specs: T): T {
  for (const spec of specs) known.add(spec);
  return specs;
}

export function isPrevalidated(spec: object): boolean {
  return known.has(spec);
}
