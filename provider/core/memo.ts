// One load per key for the life of the provider process: concurrent callers share the one
// request, and a failure is not remembered (the next caller asks again).

/** The cached promise for `key`, else `load()`'s, kept in `cache` until it fails. */
export function memo<T>(
    cache: Map<string, Promise<T>>,
    key: string,
    load: () => Promise<T>,
): Promise<T> {
    let p = cache.get(key);
    if (!p) {
        p = load();
        cache.set(key, p);
        p.catch(() => cache.delete(key)); // a failure is not remembered
    }
    return p;
}
