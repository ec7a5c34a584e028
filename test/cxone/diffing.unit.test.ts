// The shared diff of the CXone resources (field rules, set equality, preview's unknowns, the
// endpoint rule) and the endpoint check every CXone resource runs: exact results and messages.
import { strict as assert } from "assert";
import { diffFields, endpointDiff, sameSet, withEndpoint } from "../../provider/cxone/diffing";
import { checkEndpoint, CheckFailure, sameTenant, UNKNOWN } from "../../provider/cxone/validation";
import { NA1_ENDPOINT as ep } from "../support/cxoneEndpoint";

describe("CXone diff rules (pure)", () => {
    describe("diffFields", () => {
        const rules = {
            name: { kind: "replace" as const },
            description: { kind: "update" as const },
            tags: { kind: "update" as const, equals: sameSet },
        };
        it("no difference: no change, empty lists", () => {
            assert.deepEqual(
                diffFields(
                    { name: "a", description: "d", tags: ["x", "y"] },
                    { name: "a", description: "d", tags: ["y", "x"] },
                    rules,
                ),
                { changes: false, replaces: [], changed: [] },
            );
        });
        it("absent and null are the same value; fields without a rule are ignored", () => {
            assert.deepEqual(
                diffFields(
                    { name: "a", other: 1 },
                    { name: "a", description: null, other: 2 },
                    rules,
                ),
                { changes: false, replaces: [], changed: [] },
            );
        });
        it("lists changed fields in rule order; only replace-kind fields replace", () => {
            assert.deepEqual(
                diffFields(
                    { name: "a", description: "d", tags: ["x"] },
                    { name: "b", description: "e", tags: ["x", "y"] },
                    rules,
                ),
                { changes: true, replaces: ["name"], changed: ["name", "description", "tags"] },
            );
            assert.deepEqual(diffFields({ description: "d" }, { description: "e" }, rules), {
                changes: true,
                replaces: [],
                changed: ["description"],
            });
        });
        it("deep equality by default: objects and lists compare by value, order matters", () => {
            const r = { v: { kind: "update" as const } };
            assert.equal(diffFields({ v: { a: [1, 2] } }, { v: { a: [1, 2] } }, r).changes, false);
            assert.equal(diffFields({ v: [1, 2] }, { v: [2, 1] }, r).changes, true);
            assert.equal(diffFields({ v: 0 }, { v: null }, r).changes, true);
            assert.equal(diffFields({ v: "" }, {}, r).changes, true);
        });
        it("an unknown value (preview), even nested, is a change of its kind", () => {
            assert.deepEqual(diffFields({ name: "a" }, { name: UNKNOWN }, rules).replaces, [
                "name",
            ]);
            assert.deepEqual(diffFields({ tags: ["a"] }, { tags: [UNKNOWN] }, rules).changed, [
                "tags",
            ]);
            // even when the rule's equality would call it equal
            const always = { v: { kind: "update" as const, equals: () => true } };
            assert.deepEqual(diffFields({ v: 1 }, { v: UNKNOWN }, always).changed, ["v"]);
            assert.deepEqual(diffFields({ v: 1 }, { v: 2 }, always).changed, []);
        });
    });

    describe("sameSet", () => {
        it("lists: the same members in any order", () => {
            assert.equal(sameSet(["b", "a"], ["a", "b"]), true);
            assert.equal(sameSet(["a"], ["b"]), false);
            assert.equal(sameSet(["a", "a"], ["a"]), false);
            assert.equal(sameSet([], []), true);
        });
        it("sorting does not reorder the lists compared", () => {
            const a = ["b", "a"];
            const b = ["a", "b"];
            sameSet(a, b);
            assert.deepEqual(a, ["b", "a"]);
        });
        it("anything else: value equality, absent equals null", () => {
            assert.equal(sameSet("a", "a"), true);
            assert.equal(sameSet(["a"], "a"), false);
            assert.equal(sameSet("a", ["a"]), false);
            assert.equal(sameSet(undefined, null), true);
            assert.equal(sameSet(undefined, []), false);
        });
    });

    describe("endpoint rule", () => {
        it("the same tenant: no change; a trailing slash is the same URL", () => {
            assert.equal(endpointDiff({ endpoint: ep }, { endpoint: { ...ep } }), undefined);
            assert.equal(
                endpointDiff({ endpoint: ep }, { endpoint: { ...ep, areaUrl: `${ep.areaUrl}//` } }),
                undefined,
            );
        });
        it("another issuer, area or tenant id replaces; unknown replaces (preview)", () => {
            for (const change of [
                { issuerUrl: "https://cxone-gov.niceincontact.com" },
                { areaUrl: "https://au1.nice-incontact.com" },
                { tenantId: "t2" },
            ])
                assert.equal(
                    endpointDiff({ endpoint: ep }, { endpoint: { ...ep, ...change } }),
                    "replace",
                );
            assert.equal(endpointDiff({ endpoint: ep }, { endpoint: UNKNOWN }), "replace");
            assert.equal(
                endpointDiff({ endpoint: ep }, { endpoint: { ...ep, apiUrl: UNKNOWN } }),
                "replace",
            );
            assert.equal(endpointDiff({}, { endpoint: ep }), "replace", "no old endpoint");
        });
        it("only a new apiUrl is an in-place change; absent and null apiUrl are the same", () => {
            assert.equal(
                endpointDiff(
                    { endpoint: ep },
                    { endpoint: { ...ep, apiUrl: "https://api-na1.niceincontact.com" } },
                ),
                "update",
            );
            assert.equal(
                endpointDiff(
                    { endpoint: { ...ep, apiUrl: "https://a.niceincontact.com" } },
                    { endpoint: ep },
                ),
                "update",
            );
            assert.equal(
                endpointDiff({ endpoint: ep }, { endpoint: { ...ep, apiUrl: null } }),
                undefined,
            );
        });
        it("withEndpoint adds the endpoint to the changes, as a replace only for another tenant", () => {
            const d = { changes: true, replaces: ["name"], changed: ["name", "x"] };
            assert.deepEqual(withEndpoint(d, { endpoint: ep }, { endpoint: ep }), d);
            assert.deepEqual(
                withEndpoint(d, { endpoint: ep }, { endpoint: { ...ep, tenantId: "t" } }),
                {
                    changes: true,
                    replaces: ["name", "endpoint"],
                    changed: ["name", "x", "endpoint"],
                },
            );
            const none = { changes: false, replaces: [], changed: [] };
            assert.deepEqual(
                withEndpoint(
                    none,
                    { endpoint: ep },
                    { endpoint: { ...ep, apiUrl: "https://b.niceincontact.com" } },
                ),
                { changes: true, replaces: [], changed: ["endpoint"] },
            );
        });
    });

    describe("sameTenant", () => {
        it("issuer, area and tenant id decide; trailing slashes and apiUrl do not", () => {
            assert.equal(sameTenant(ep, { ...ep, apiUrl: "https://x.niceincontact.com" }), true);
            assert.equal(
                sameTenant(ep, { issuerUrl: `${ep.issuerUrl}/`, areaUrl: `${ep.areaUrl}///` }),
                true,
            );
            assert.equal(
                sameTenant(ep, { ...ep, issuerUrl: "https://other.niceincontact.com" }),
                false,
            );
            assert.equal(
                sameTenant(ep, { ...ep, areaUrl: "https://eu1.nice-incontact.com" }),
                false,
            );
            assert.equal(sameTenant({ ...ep, tenantId: "a" }, { ...ep, tenantId: "b" }), false);
            assert.equal(sameTenant({ ...ep, tenantId: "a" }, ep), false);
            assert.equal(sameTenant({ ...ep, tenantId: null } as never, ep), true, "null is no id");
            assert.equal(sameTenant(undefined, undefined), true);
            assert.equal(sameTenant(ep, undefined), false);
        });
        it("only trailing slashes are trimmed", () => {
            assert.equal(sameTenant(ep, { ...ep, areaUrl: `/${ep.areaUrl}` }), false);
            assert.equal(sameTenant(ep, { ...ep, areaUrl: `${ep.areaUrl}/x` }), false);
        });
    });
});

describe("CXone endpoint check (pure)", () => {
    const run = (endpoint: unknown) => {
        const failures: CheckFailure[] = [];
        checkEndpoint(failures, endpoint);
        return failures.map((f) => [f.property, f.reason]);
    };
    const required =
        "endpoint is required: an object with issuerUrl and areaUrl (see provider/cxone/discovery/regions.ts)";

    it("a full CXone endpoint, the sandbox's loopback URLs, and preview's unknown pass", () => {
        assert.deepEqual(
            run({ ...ep, apiUrl: "https://api-na1.niceincontact.com", tenantId: "t-1" }),
            [],
        );
        assert.deepEqual(run(ep), []);
        assert.deepEqual(
            run({ issuerUrl: "http://127.0.0.1:4610", areaUrl: "http://localhost:4610" }),
            [],
        );
        assert.deepEqual(run(UNKNOWN), []);
        assert.deepEqual(run({ issuerUrl: UNKNOWN, areaUrl: UNKNOWN, apiUrl: UNKNOWN }), []);
    });
    it("not an object: one failure saying what it must be", () => {
        for (const e of [undefined, null, "https://na1.nice-incontact.com", 7, [ep]])
            assert.deepEqual(run(e), [["endpoint", required]], JSON.stringify(e));
    });
    it("issuerUrl and areaUrl are required, apiUrl is optional", () => {
        assert.deepEqual(run({ areaUrl: ep.areaUrl }), [
            ["endpoint.issuerUrl", "endpoint.issuerUrl is required and must be an http(s) URL"],
        ]);
        assert.deepEqual(run({ issuerUrl: ep.issuerUrl }), [
            ["endpoint.areaUrl", "endpoint.areaUrl is required and must be an http(s) URL"],
        ]);
        assert.deepEqual(run({ ...ep, apiUrl: "ftp://api.niceincontact.com" }), [
            ["endpoint.apiUrl", "endpoint.apiUrl must be an http(s) URL"],
        ]);
    });
    it("base URLs only: no query or fragment", () => {
        assert.deepEqual(run({ ...ep, areaUrl: `${ep.areaUrl}/?x=1` }), [
            ["endpoint.areaUrl", "endpoint.areaUrl must not contain a query or fragment"],
        ]);
        assert.deepEqual(run({ ...ep, issuerUrl: `${ep.issuerUrl}#top` }), [
            ["endpoint.issuerUrl", "endpoint.issuerUrl must not contain a query or fragment"],
        ]);
    });
    it("every URL must be on CXone's own domains (credentials go there)", () => {
        for (const field of ["issuerUrl", "areaUrl", "apiUrl"]) {
            const r = run({ ...ep, [field]: "https://evil.example.com" });
            assert.equal(r.length, 1, field);
            assert.equal(r[0][0], `endpoint.${field}`);
            // the domain list comes from the region table (provider/cxone/discovery/regions.ts)
            assert.match(
                r[0][1],
                new RegExp(
                    `^endpoint\\.${field} must be on a host under CXone's own domains \\(nice-incontact\\.com, niceincontact\\.com[^)]*\\), or loopback for the local sandbox \\(got host "evil\\.example\\.com"\\): a CXone credential must never go to another host$`,
                ),
            );
        }
    });
    it("tenantId: a string of at most 100 characters", () => {
        assert.deepEqual(run({ ...ep, tenantId: 5 }), [
            ["endpoint.tenantId", "endpoint.tenantId must be a string"],
        ]);
        assert.deepEqual(run({ ...ep, tenantId: "t".repeat(101) }), [
            ["endpoint.tenantId", "endpoint.tenantId must be at most 100 characters (got 101)"],
        ]);
        assert.deepEqual(run({ ...ep, tenantId: "t".repeat(100) }), []);
    });
    it("any other field is refused by name: credentials never go into the endpoint", () => {
        const reason = (k: string) =>
            `endpoint.${k} is not a known endpoint field (issuerUrl, areaUrl, apiUrl, tenantId); credentials never go here`;
        assert.deepEqual(run({ ...ep, accessKeySecret: "s3cr3t", accessKeyId: "id" }), [
            ["endpoint.accessKeySecret", reason("accessKeySecret")],
            ["endpoint.accessKeyId", reason("accessKeyId")],
        ]);
        assert.ok(!JSON.stringify(run({ ...ep, accessKeySecret: "s3cr3t" })).includes("s3cr3t"));
    });
});
