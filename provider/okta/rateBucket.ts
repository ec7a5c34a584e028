// Which of Okta's rate-limit buckets a call counts against. Okta limits per endpoint bucket and
// reports each bucket's count on every answer [doc: rate-limit guide]; this client keeps what the
// answers said per bucket (provider/core/rateGate.ts). The grouping of paths into buckets follows
// the guide's table of endpoint families (/apps, /apps/{id}, /groups, /users/me ...) [guess: which
// sub-paths share a family's bucket]; a path put in the wrong family only means that family's
// count is learned from fewer answers.

/** The rate-limit key of a call to `url` on an Okta org: origin plus the bucket's path. */
export function oktaRateBucket(url: string): string {
    let u: URL;
    try {
        u = new URL(url);
    } catch {
        return url;
    }
    const path = u.pathname.replace(/\/+$/, "");
    if (path === "/api/v1/users/me") return u.origin + path;
    // Stryker disable next-line Regex: m[2] is only tested for presence, so one character after the slash is as good as all (the ^ anchor is pinned by rateBucket.unit)
    const m = /^\/api\/v1\/(apps|groups|users)(\/[^/]+)?/.exec(path);
    if (!m) return `${u.origin}/api/v1/*`;
    return `${u.origin}/api/v1/${m[1]}${m[2] ? "/{id}" : ""}`;
}
