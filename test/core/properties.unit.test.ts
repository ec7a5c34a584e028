// Property tests (fast-check) of the pure modules: diffing, retry and backoff, secret scrubbing,
// region resolution and the shared input checks. Each property is searched over generated
// inputs, not sampled by hand. The retry policy tested is provider/cxone/retry.ts (this branch's).
import { strict as assert } from "assert";
import fc from "fast-check";
import {
    check,
    CheckFailure,
    dotSegments,
    httpsUrl,
    isUnknown,
    optionalBoolean,
    optionalString,
    requiredString,
    UNKNOWN,
} from "../../provider/framework/checks";
import { diffAccessKey } from "../../provider/cxone/accessKeyLogic";
import { diffFields, endpointDiff, FieldRule, sameSet } from "../../provider/cxone/diffing";
import { diffEmployee } from "../../provider/cxone/employeeLogic";
import { scrub } from "../../provider/cxone/errors";
import { backoffMs, isRetryable, RetryPolicy, retryAfterMs } from "../../provider/cxone/retry";
import { diffRole } from "../../provider/cxone/roleLogic";
import { checkEndpoint } from "../../provider/cxone/validation";
import { diffAutoLoginApp } from "../../provider/okta/autoLoginAppLogic";
import { fromCapabilities, toCapabilities } from "../../provider/okta/capabilities";
import { diffGroupAssignment } from "../../provider/okta/groupAssignmentLogic";
import { diffProvisioningActions } from "../../provider/okta/provisioningActionsLogic";
import {
    cxoneEndpointFor,
    REGION_NAMES,
    RegionError,
    resolveRegion,
    sandboxRegion,
} from "../../provider/cxone/discovery/regions";
import { urlsOf } from "../support/regionUrls";
import { declaredEmployee, NA1_ENDPOINT as ep } from "../support/cxoneEndpoint";

const runs = { numRuns: 300 };
const word = fc.stringMatching(/^[A-Za-z0-9]{1,12}$/);
const json = fc.jsonValue();

describe("properties: diffing", () => {
    const fields = ["a", "b", "c", "d"];
    const rules = fc.record(
        Object.fromEntries(
            fields.map((f) => [
                f,
                fc.constantFrom<FieldRule>({ kind: "update" }, { kind: "replace" }),
            ]),
        ),
    );
    const record = fc.record(Object.fromEntries(fields.map((f) => [f, json])));

    it("identical inputs never change", () => {
        fc.assert(
            fc.property(record, rules, (r, rs) =>
                assert.deepEqual(diffFields(r, structuredClone(r), rs), {
                    changes: false,
                    replaces: [],
                    changed: [],
                }),
            ),
            runs,
        );
    });
    it("changed = the fields whose JSON differs; replaces = those of kind replace; changes iff any", () => {
        fc.assert(
            fc.property(record, record, rules, (a, b, rs) => {
                const d = diffFields(a, b, rs);
                const differs = fields.filter(
                    (f) => JSON.stringify(a[f] ?? null) !== JSON.stringify(b[f] ?? null),
                );
                assert.deepEqual(d.changed, differs);
                assert.deepEqual(
                    d.replaces,
                    differs.filter((f) => rs[f].kind === "replace"),
                );
                assert.equal(d.changes, differs.length > 0);
            }),
            runs,
        );
    });
    it("an unknown new value always counts as a change of its kind (preview never hides a replace)", () => {
        fc.assert(
            fc.property(record, rules, fc.constantFrom(...fields), (a, rs, f) => {
                const d = diffFields(a, { ...a, [f]: UNKNOWN }, rs);
                assert.ok(d.changed.includes(f));
                assert.equal(d.replaces.includes(f), rs[f].kind === "replace");
            }),
            runs,
        );
    });
    it("sameSet ignores order, not content", () => {
        fc.assert(
            fc.property(fc.array(word), fc.array(word), (a, b) => {
                assert.ok(sameSet(a, [...a].reverse()));
                assert.equal(
                    sameSet(a, b),
                    JSON.stringify([...a].sort()) === JSON.stringify([...b].sort()),
                );
            }),
            runs,
        );
    });
    it("role: permission order and adoptExisting never change; a new name always replaces", () => {
        const role = fc.record({
            name: word,
            description: fc.string(),
            permissions: fc.uniqueArray(word, { minLength: 1 }),
            status: fc.constantFrom("ACTIVE", "INACTIVE"),
        });
        fc.assert(
            fc.property(role, fc.boolean(), word, (r, adopt, other) => {
                const olds = {
                    ...r,
                    endpoint: ep,
                    adoptExisting: !adopt,
                    roleId: "r",
                    roleName: r.name,
                };
                assert.equal(
                    diffRole(olds, {
                        ...r,
                        endpoint: ep,
                        adoptExisting: adopt,
                        permissions: [...r.permissions].reverse(),
                    }).changes,
                    false,
                );
                if (other !== r.name)
                    assert.deepEqual(diffRole(olds, { ...r, endpoint: ep, name: other }).replaces, [
                        "name",
                    ]);
            }),
            runs,
        );
    });
    it("endpoint: trailing slashes are the same tenant; another host replaces", () => {
        fc.assert(
            fc.property(fc.nat(3), fc.domain(), (slashes, host) => {
                const slashed = { ...ep, issuerUrl: ep.issuerUrl + "/".repeat(slashes) };
                assert.equal(endpointDiff({ endpoint: ep }, { endpoint: slashed }), undefined);
                if (`https://${host}` !== ep.areaUrl)
                    assert.equal(
                        endpointDiff(
                            { endpoint: ep },
                            { endpoint: { ...ep, areaUrl: `https://${host}` } },
                        ),
                        "replace",
                    );
            }),
            runs,
        );
    });
    it("employee: email case never changes; access key: another employee replaces, a rotation updates in place", () => {
        const employee = declaredEmployee({ email: "" });
        fc.assert(
            fc.property(word, word, (local, domain) => {
                const email = `${local}@${domain}.example`;
                assert.equal(
                    diffEmployee(
                        { ...employee, email, status: "ACTIVE" },
                        { ...employee, email: email.toUpperCase() },
                    ).changes,
                    false,
                );
                const key = { endpoint: ep, employeeId: local, active: true, isActive: true };
                if (domain !== local)
                    assert.deepEqual(diffAccessKey(key, { ...key, employeeId: domain }).replaces, [
                        "employeeId",
                    ]);
                // a rotation is phased (in place): never a replace
                const rotated = diffAccessKey(key, { ...key, rotation: domain });
                assert.deepEqual([rotated.changes, rotated.replaces], [true, []]);
            }),
            runs,
        );
    });
    it("Okta: another org replaces the app; an assignment has nothing to update; switches update in place", () => {
        const app = fc.record({
            orgUrl: fc.constantFrom("https://a.okta.com", "https://b.okta.com"),
            label: word,
            loginUrl: fc.constantFrom("https://x/login", "https://y/login"),
            active: fc.boolean(),
            adoptExisting: fc.boolean(),
        });
        const switches = fc.record({
            createUsers: fc.boolean(),
            updateUserAttributes: fc.boolean(),
            deactivateUsers: fc.boolean(),
        });
        fc.assert(
            fc.property(app, app, switches, switches, (a, b, s1, s2) => {
                const d = diffAutoLoginApp(a, b);
                assert.equal(d.replaces.includes("orgUrl"), a.orgUrl !== b.orgUrl);
                assert.equal(
                    d.changes,
                    a.orgUrl !== b.orgUrl ||
                        a.label !== b.label ||
                        a.loginUrl !== b.loginUrl ||
                        a.active !== b.active,
                );
                const g = diffGroupAssignment(
                    { orgUrl: a.orgUrl, appId: a.label, groupId: "g" },
                    { orgUrl: b.orgUrl, appId: b.label, groupId: "g" },
                );
                assert.equal(g.changes, g.replaces.length > 0);
                const actions = { orgUrl: a.orgUrl, appId: "0oa1", connectionStatus: "authorized" };
                const p = diffProvisioningActions(
                    { ...actions, ...s1, applied: true },
                    { ...actions, ...s2 },
                );
                assert.deepEqual(p.replaces, []);
                assert.equal(p.changes, JSON.stringify(s1) !== JSON.stringify(s2));
                assert.deepEqual(fromCapabilities(toCapabilities(s1)), { ...s1 });
            }),
            runs,
        );
    });
});

describe("properties: retry and backoff", () => {
    const policy = fc.record<RetryPolicy>({
        maxAttempts: fc.integer({ min: 1, max: 10 }),
        baseDelayMs: fc.integer({ min: 1, max: 2_000 }),
        maxDelayMs: fc.integer({ min: 1, max: 60_000 }),
        timeoutMs: fc.integer({ min: 1, max: 60_000 }),
        rateLimitBudgetMs: fc.integer({ min: 0, max: 300_000 }),
        visibilityLagMs: fc.integer({ min: 0, max: 60_000 }),
    });
    const random = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

    it("every wait is between half the capped exponential delay and the cap", () => {
        fc.assert(
            fc.property(fc.integer({ min: 1, max: 40 }), policy, random, (attempt, p, r) => {
                const capped = Math.min(p.baseDelayMs * 2 ** (attempt - 1), p.maxDelayMs);
                const wait = backoffMs(attempt, p, undefined, () => r);
                assert.ok(
                    wait >= Math.floor(capped / 2) && wait <= Math.ceil(capped),
                    `${wait} outside [${capped / 2}, ${capped}]`,
                );
            }),
            runs,
        );
    });
    it("with the same jitter, a later attempt never waits less", () => {
        fc.assert(
            fc.property(fc.integer({ min: 1, max: 30 }), policy, random, (attempt, p, r) => {
                assert.ok(
                    backoffMs(attempt + 1, p, undefined, () => r) >=
                        backoffMs(attempt, p, undefined, () => r),
                );
            }),
            runs,
        );
    });
    it("a server's Retry-After is honoured up to the cap, never exceeded", () => {
        fc.assert(
            fc.property(
                fc.integer({ min: 1, max: 10 }),
                policy,
                fc.nat(120_000),
                random,
                (attempt, p, after, r) => {
                    const wait = backoffMs(attempt, p, after, () => r);
                    assert.ok(wait <= p.maxDelayMs);
                    assert.ok(wait >= Math.min(after, p.maxDelayMs));
                },
            ),
            runs,
        );
    });
    it("Retry-After in seconds or as an HTTP date is read in ms and is never negative", () => {
        const now = Date.UTC(2026, 10, 30, 12);
        fc.assert(
            fc.property(
                fc.nat(86_400),
                fc.integer({ min: -3_600, max: 3_600 }),
                (seconds, offset) => {
                    assert.equal(retryAfterMs(String(seconds), now), seconds * 1000);
                    const date = new Date(now + offset * 1000).toUTCString();
                    assert.equal(retryAfterMs(date, now), Math.max(0, offset * 1000));
                },
            ),
            runs,
        );
    });
    it("only refused requests (429, 503) repeat unsafe calls; other answers never repeat", () => {
        const code = fc.constantFrom(undefined, "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EPIPE");
        fc.assert(
            fc.property(
                fc.option(fc.integer({ min: 100, max: 599 }), { nil: undefined }),
                code,
                fc.boolean(),
                (status, net, safe) => {
                    const retry = isRetryable(status, net, safe);
                    if (status === 429 || status === 503) assert.equal(retry, true);
                    else if (!safe) assert.equal(retry, false);
                    if (status !== undefined && status < 500 && status !== 429)
                        assert.equal(retry, false);
                    if (status === undefined && net === undefined) assert.equal(retry, false);
                },
            ),
            runs,
        );
    });
});

describe("properties: secret scrubbing", () => {
    const secret = fc.stringMatching(/^[A-Za-z0-9]{8,40}$/);
    const text = fc.string({ maxLength: 200 });
    const key = fc.constantFrom(
        "secret",
        "token",
        "password",
        "Authorization",
        "access_key",
        "accessKeySecret",
        "client_secret",
    );

    it("a known secret never survives, wherever it sits in the text", () => {
        fc.assert(
            fc.property(text, secret, text, (before, s, after) =>
                assert.ok(!scrub(`${before}${s}${after}`, [s]).includes(s)),
            ),
            runs,
        );
    });
    it("a value after a secret-looking key never survives", () => {
        fc.assert(
            fc.property(
                text,
                key,
                fc.constantFrom("=", ": ", ":", '":"'),
                secret,
                (before, k, sep, s) => {
                    fc.pre(!before.includes(s));
                    assert.ok(!scrub(`${before} ${k}${sep}${s}`).includes(s));
                },
            ),
            runs,
        );
    });
    it("JWT-shaped tokens never survive; the result is short and scrubbing it again changes nothing", () => {
        const seg = fc.stringMatching(/^[A-Za-z0-9_-]{5,30}$/);
        fc.assert(
            fc.property(text, seg, seg, seg, (before, a, b, c) => {
                const jwt = `eyJ${a}.${b}.${c}`;
                const out = scrub(`${before} ${jwt}`);
                assert.ok(!out.includes(jwt));
                assert.ok(out.length <= 300);
                assert.equal(scrub(out), out);
            }),
            runs,
        );
    });
});

describe("properties: region resolution", () => {
    const padded = fc.tuple(
        fc.constantFrom(...REGION_NAMES),
        fc.constantFrom("", " ", "  "),
        fc.boolean(),
    );

    it("any spelling of a known region (case, spaces) resolves to the canonical entry", () => {
        fc.assert(
            fc.property(padded, ([name, pad, upper]) => {
                const spelled = `${pad}${upper ? name.toUpperCase() : name}${pad}`;
                assert.deepEqual(
                    resolveRegion({ region: spelled }),
                    resolveRegion({ region: name }),
                );
            }),
            runs,
        );
    });
    it("anything else fails naming the region input and what was typed", () => {
        fc.assert(
            fc.property(fc.string({ maxLength: 20 }), (raw) => {
                fc.pre(!(REGION_NAMES as readonly string[]).includes(raw.trim().toLowerCase()));
                assert.throws(
                    () => resolveRegion({ region: raw }),
                    (e: unknown) => e instanceof RegionError && e.property === "region",
                );
            }),
            runs,
        );
    });
    it("a contradicting FedRAMP flag fails naming fedramp; the matching one resolves", () => {
        fc.assert(
            fc.property(fc.constantFrom(...REGION_NAMES), (name) => {
                const fedramp = resolveRegion({ region: name }).fedramp;
                assert.equal(resolveRegion({ region: name, fedramp }).fedramp, fedramp);
                assert.throws(
                    () => resolveRegion({ region: name, fedramp: !fedramp }),
                    (e: unknown) => e instanceof RegionError && e.property === "fedramp",
                );
            }),
            runs,
        );
    });
    it("every resolved region gives https URLs and an endpoint the resources accept", () => {
        fc.assert(
            fc.property(
                fc.constantFrom(...REGION_NAMES),
                fc.option(word, { nil: undefined }),
                (name, tenantId) => {
                    const r = resolveRegion({ region: name });
                    for (const u of urlsOf(r)) assert.match(u, /^https:\/\//);
                    assert.ok(
                        r.tokenEndpoint.startsWith(r.issuerUrl) &&
                            r.authorizeEndpoint.startsWith(r.issuerUrl),
                    );
                    const failures: CheckFailure[] = [];
                    checkEndpoint(failures, cxoneEndpointFor(r, tenantId));
                    assert.deepEqual(failures, []);
                },
            ),
            runs,
        );
    });
    it("the sandbox: every URL is on the given base, trailing slashes dropped", () => {
        fc.assert(
            fc.property(fc.integer({ min: 1, max: 65_535 }), fc.nat(3), (port, slashes) => {
                const base = `http://127.0.0.1:${port}`;
                const r = sandboxRegion(base + "/".repeat(slashes));
                for (const u of urlsOf(r)) assert.ok(u.startsWith(base), u);
                assert.equal(r.issuerUrl, base);
            }),
            runs,
        );
    });
});

describe("properties: shared input checks", () => {
    const checkers = [
        requiredString(10),
        optionalString(10),
        optionalBoolean,
        httpsUrl(),
        httpsUrl({ base: true }),
    ];

    it("the engine's unknown value passes every checker (previews never fail on it)", () => {
        fc.assert(
            fc.property(fc.constantFrom(...checkers), word, (checker, property) => {
                const failures: CheckFailure[] = [];
                check(failures, property, UNKNOWN, checker);
                assert.deepEqual(failures, []);
                assert.ok(isUnknown(UNKNOWN));
            }),
            runs,
        );
    });
    it("a failure names the property it was given", () => {
        fc.assert(
            fc.property(
                fc.constantFrom(...checkers),
                word,
                fc.constantFrom(42, [], {}, "ftp://x"),
                (checker, property, bad) => {
                    const failures: CheckFailure[] = [];
                    check(failures, property, bad, checker);
                    for (const f of failures) {
                        assert.equal(f.property, property);
                        assert.ok(f.reason.startsWith(property), f.reason);
                    }
                },
            ),
            runs,
        );
    });
    it("https URLs pass; plain http passes only on loopback", () => {
        fc.assert(
            fc.property(fc.domain(), fc.webPath(), (host, path) => {
                // a "." or ".." segment is refused whatever the scheme (the next property)
                fc.pre(!dotSegments(path));
                assert.equal(httpsUrl()(`https://${host}${path}`, "u"), undefined);
                assert.match(httpsUrl()(`http://${host}${path}`, "u") ?? "", /must use https/);
            }),
            runs,
        );
        for (const host of ["127.0.0.1:4610", "localhost:4610", "[::1]:4610"])
            assert.equal(httpsUrl()(`http://${host}/x`, "u"), undefined, host);
        for (const host of ["127.evil.example", "127.0.0.1.nip.io", "localhost.example"])
            assert.match(httpsUrl()(`http://${host}/`, "u") ?? "", /must use https/, host);
    });

    it("a path with a . or .. segment, typed or percent-encoded, is refused naming the URL as typed", () => {
        fc.assert(
            fc.property(
                fc.domain(),
                fc.webPath(),
                fc.constantFrom(".", "..", "%2e", "%2E%2e"),
                fc.webPath(),
                (host, before, dots, after) => {
                    const url = `https://${host}${before}/${dots}${after.startsWith("/") ? after : `/${after}`}`;
                    assert.equal(
                        httpsUrl()(url, "u"),
                        `u must not contain "." or ".." path segments (got "${url}")`,
                    );
                },
            ),
            runs,
        );
        // dots inside a segment, in the host, the query or the fragment are no path segments
        for (const ok of ["https://a.example/a..b/.well-known", "https://a.example/x?p=../..#./"])
            assert.equal(httpsUrl()(ok, "u"), undefined, ok);
    });
});
