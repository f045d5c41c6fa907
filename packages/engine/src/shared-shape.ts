// One hidden class for every instance of a very large state record.
//
// V8 gives an object literal with 128 or more properties a fresh hidden class ("map") on
// every evaluation, so each model's Network got its own map. Hot routing code then saw a
// new receiver map per model and its property loads went megamorphic once a process had
// run a few models (the bench, a server): routing ran 1.5-2x slower than in a fresh
// process. Properties added one by one in a fixed order follow one shared transition
// chain instead, so every copy made here has the same map and stays in fast mode.
// (Keyed stores would fall back to dictionary mode past a dozen properties; defineProperty
// does not.)

/** A copy of `src` (own enumerable properties, same order) whose hidden class is shared by all copies of records with the same keys. */
export function sharedShape<T extends object>(src: T): T {
  const out = {} as T;
  const desc: PropertyDescriptor = { value: undefined, writable: true, enumerable: true, configurable: true };
  for (const key of Object.keys(src)) {
    desc.value = (src as Record<string, unknown>)[key];
    Object.defineProperty(out, key, desc);
  }
  return out;
}
