// CXone regions (provider/cxone/discovery/regions.ts): the region table entry by entry with how sure we are of
// each URL, resolving a region and its refusals, and the tenant's hosts from the discovery
// document field by field (a real tenant may never name this machine; plain http never leaves it).
import {
    DiscoveryError,
    REGION_NAMES,
    RegionError,
    USER_HUB_HOST,
    allRegions,
    cxoneEndpointFor,
    discoveredHost,
    hostsFromDiscovery,
    inferredFields,
    isLocalhostName,
    resolveRegion,
    sandboxRegion,
    userHubBase,
    type DiscoveredHostName,
} from "../../../provider/cxone/discovery/regions";
import { strict as assert } from "assert";
import { urlsOf } from "../../support/regionUrls";

describe("regions: resolveRegion", () => {
    it("na1 gives NICE's documented Okta values (procedure steps 8 and 11)", () => {
        const r = resolveRegion({ region: "na1" });
        assert.deepStrictEqual(
            { ...r, confidence: undefined, notes: undefined },
            {
                region: "na1",
                fedramp: false,
                scimBaseUrl: "https://na1.nice-incontact.com/scim/v2",
                loginUrl: "https://cxone.niceincontact.com/login",
                tokenEndpoint: "https://cxone.niceincontact.com/auth/token",
                authorizeEndpoint: "https://cxone.niceincontact.com/auth/authorize?scope=openid",
                issuerUrl: "https://cxone.niceincontact.com",
                areaUrl: "https://na1.nice-incontact.com",
                confidence: undefined,
                notes: undefined,
            },
        );
        assert.strictEqual(r.confidence.scimBaseUrl, "doc");
        assert.strictEqual(r.confidence.tokenEndpoint, "doc");
        assert.strictEqual(r.confidence.authorizeEndpoint, "doc");
        assert.strictEqual(r.confidence.loginUrl, "guess");
        assert.deepStrictEqual(inferredFields(r), ["loginUrl"]);
    });

    it("is case-insensitive and trims", () => {
        assert.strictEqual(resolveRegion({ region: "  AU1 " }).region, "au1");
    });

    it("documented regions are na1, au1, eu1; the others are marked inferred", () => {
        const documented = REGION_NAMES.filter(
            (n) => resolveRegion({ region: n }).confidence.region === "doc",
        );
        assert.deepStrictEqual(documented, ["na1", "au1", "eu1"]);
        for (const n of ["ca1", "uk1", "jp1", "na2"]) {
            const r = resolveRegion({ region: n });
            assert.strictEqual(r.confidence.region, "seen", n);
            assert.ok(inferredFields(r).includes("scimBaseUrl"), n);
            assert.ok(inferredFields(r).includes("areaUrl"), n);
            assert.ok(r.notes.length > 0, n);
        }
    });

    it("host spellings: na1/au1 nice-incontact.com, seen areas niceincontact.com", () => {
        assert.strictEqual(
            resolveRegion({ region: "au1" }).areaUrl,
            "https://au1.nice-incontact.com",
        );
        assert.strictEqual(
            resolveRegion({ region: "ca1" }).areaUrl,
            "https://ca1.niceincontact.com",
        );
        assert.strictEqual(
            resolveRegion({ region: "jp1" }).areaUrl,
            "https://jp1.niceincontact.com",
        );
    });

    it("every region has https URLs, SCIM base ending /scim/v2 and authorize with scope=openid", () => {
        for (const n of REGION_NAMES) {
            const r = resolveRegion({ region: n });
            for (const u of urlsOf(r)) {
                assert.ok(u.startsWith("https://"), `${n}: ${u}`);
                assert.doesNotThrow(() => new URL(u));
            }
            assert.ok(r.scimBaseUrl.endsWith("/scim/v2"));
            assert.ok(r.authorizeEndpoint.endsWith("/auth/authorize?scope=openid"));
            assert.strictEqual(r.tokenEndpoint, `${r.issuerUrl}/auth/token`);
        }
    });

    it("na2 is FedRAMP: government issuer, implied when fedramp is omitted", () => {
        const r = resolveRegion({ region: "na2" });
        assert.strictEqual(r.fedramp, true);
        assert.strictEqual(r.tokenEndpoint, "https://cxone-gov.niceincontact.com/auth/token");
        assert.strictEqual(
            r.authorizeEndpoint,
            "https://cxone-gov.niceincontact.com/auth/authorize?scope=openid",
        );
        assert.strictEqual(r.issuerUrl, "https://cxone-gov.niceincontact.com");
        assert.strictEqual(r.confidence.scimBaseUrl, "guess");
        assert.deepStrictEqual(resolveRegion({ region: "na2", fedramp: true }), r);
    });

    it("fedramp=false on a commercial region is accepted", () => {
        assert.strictEqual(resolveRegion({ region: "eu1", fedramp: false }).fedramp, false);
    });

    function expectRegionError(fn: () => unknown, property: string, ...fragments: string[]) {
        assert.throws(fn, (e: unknown) => {
            assert.ok(e instanceof RegionError, String(e));
            assert.strictEqual(e.property, property);
            for (const f of fragments)
                assert.ok(e.message.includes(f), `"${e.message}" lacks "${f}"`);
            return true;
        });
    }

    it("unknown region: names the property and lists valid values", () => {
        expectRegionError(
            () => resolveRegion({ region: "xx9" }),
            "region",
            "region",
            "xx9",
            "na1, au1, eu1, ca1, uk1, jp1, na2",
        );
        expectRegionError(() => resolveRegion({ region: "" }), "region", "required", "na1");
        expectRegionError(() => resolveRegion({} as never), "region", "required");
    });

    it("FedRAMP on a commercial region, or commercial on a FedRAMP region, is an error", () => {
        expectRegionError(
            () => resolveRegion({ region: "na1", fedramp: true }),
            "fedramp",
            "na1",
            "not a FedRAMP",
            "na2",
        );
        expectRegionError(
            () => resolveRegion({ region: "na2", fedramp: false }),
            "fedramp",
            "na2",
            "is a FedRAMP",
            "na1, au1",
        );
        expectRegionError(
            () => resolveRegion({ region: "na1", fedramp: "yes" as never }),
            "fedramp",
            "true or false",
        );
    });

    it("exports the list of valid region names, and every region resolved", () => {
        assert.deepStrictEqual(
            [...REGION_NAMES],
            ["na1", "au1", "eu1", "ca1", "uk1", "jp1", "na2", "na3", "au2", "eu2"],
        );
        assert.deepStrictEqual(
            allRegions().map((r) => r.region),
            [...REGION_NAMES],
        );
        assert.deepStrictEqual(
            allRegions()
                .filter((r) => r.fedramp)
                .map((r) => r.region),
            ["na2", "na3"],
        );
    });

    it("is pure: results are fresh objects, table not mutable through them", () => {
        const a = resolveRegion({ region: "na1" });
        a.notes.push("x");
        a.confidence.scimBaseUrl = "guess";
        const b = resolveRegion({ region: "na1" });
        assert.strictEqual(b.confidence.scimBaseUrl, "doc");
        assert.ok(!b.notes.includes("x"));
    });
});

describe("regions: sandboxRegion", () => {
    it("puts every URL on the sandbox base", () => {
        const r = sandboxRegion("http://127.0.0.1:4610/");
        assert.strictEqual(r.region, "sandbox");
        assert.strictEqual(r.scimBaseUrl, "http://127.0.0.1:4610/scim/v2");
        assert.strictEqual(r.tokenEndpoint, "http://127.0.0.1:4610/auth/token");
        assert.strictEqual(
            r.authorizeEndpoint,
            "http://127.0.0.1:4610/auth/authorize?scope=openid",
        );
        assert.strictEqual(r.loginUrl, "http://127.0.0.1:4610/login");
        assert.strictEqual(r.issuerUrl, "http://127.0.0.1:4610");
        assert.strictEqual(r.areaUrl, "http://127.0.0.1:4610");
        assert.strictEqual(
            r.apiUrl,
            undefined,
            "UserHub is found by discovery, as on a real tenant",
        );
        assert.strictEqual(r.fedramp, false);
    });

    it("takes the sandbox's hosts: token and SCIM on the area host, OAuth on the issuer", () => {
        const r = sandboxRegion({
            issuer: "http://127.0.0.1:4610",
            area: "http://127.0.0.1:4611/",
        });
        assert.strictEqual(r.areaUrl, "http://127.0.0.1:4611");
        assert.strictEqual(r.scimBaseUrl, "http://127.0.0.1:4611/scim/v2");
        assert.strictEqual(r.tokenEndpoint, "http://127.0.0.1:4610/auth/token");
    });

    it("rejects a non-URL base naming the property", () => {
        assert.throws(
            () => sandboxRegion("not a url"),
            (e: unknown) => e instanceof RegionError && e.property === "cxoneBaseUrl",
        );
        assert.throws(() => sandboxRegion("ftp://x"), RegionError);
    });
});

describe("regions: cxoneEndpointFor", () => {
    it("maps a region to the client's endpoint (API host left to discovery)", () => {
        assert.deepStrictEqual(cxoneEndpointFor(resolveRegion({ region: "na1" })), {
            issuerUrl: "https://cxone.niceincontact.com",
            areaUrl: "https://na1.nice-incontact.com",
        });
    });
    it("passes the sandbox hosts and a tenant id through", () => {
        assert.deepStrictEqual(cxoneEndpointFor(sandboxRegion("http://127.0.0.1:9"), "t-1"), {
            issuerUrl: "http://127.0.0.1:9",
            areaUrl: "http://127.0.0.1:9",
            tenantId: "t-1",
        });
    });
});

describe("regions: NICE SDK facts [sdk]", () => {
    it("na3 is FedRAMP High on nicecxone-fed.com; au2/eu2 use the sovereign issuers; all marked", () => {
        const na3 = resolveRegion({ region: "na3" });
        assert.strictEqual(na3.issuerUrl, "https://nicecxone-fed.com");
        assert.strictEqual(na3.confidence.issuerUrl, "sdk");
        assert.strictEqual(na3.fedramp, true);
        assert.strictEqual(resolveRegion({ region: "na3", fedramp: true }).region, "na3");
        assert.strictEqual(resolveRegion({ region: "au2" }).issuerUrl, "https://nicecxone-sov1.au");
        assert.strictEqual(resolveRegion({ region: "eu2" }).issuerUrl, "https://nicecxone-sov1.eu");
        for (const n of ["na3", "au2", "eu2"]) {
            const r = resolveRegion({ region: n });
            for (const f of ["issuerUrl", "areaUrl", "scimBaseUrl", "tokenEndpoint"] as const)
                assert.ok(inferredFields(r).includes(f), `${n} ${f}`);
        }
        assert.throws(
            () => resolveRegion({ region: "na1", fedramp: true }),
            /FedRAMP regions: na2, na3/,
        );
    });

    const discovery = {
        area: "na1",
        cluster: "B32",
        domain: "niceincontact.com",
        uhDomain: "nice-incontact.com",
        acdDomain: "incontact.com",
        api_endpoint: "https://api-b32.incontact.com/inContactAPI/",
    };

    it("derives the hosts from discovery's DNS suffixes, area and cluster", () => {
        assert.deepStrictEqual(hostsFromDiscovery(discovery, "https://cxone.niceincontact.com"), {
            issuerUrl: "https://cxone.niceincontact.com",
            areaUrl: "https://na1.nice-incontact.com",
            userHubUrl: "https://api-na1.niceincontact.com",
            acdUrl: "https://api-b32.incontact.com",
            apiEndpoint: "https://api-b32.incontact.com/inContactAPI",
            lacking: {},
        });
    });

    it("the UserHub choice is explicit: derived host [sdk] by default, api_endpoint [spec] on request", () => {
        const h = hostsFromDiscovery(discovery, "https://cxone.niceincontact.com");
        assert.deepStrictEqual(USER_HUB_HOST, { choice: "derived", confidence: "sdk" });
        assert.strictEqual(userHubBase(h), "https://api-na1.niceincontact.com");
        assert.strictEqual(
            userHubBase(h, "api_endpoint"),
            "https://api-b32.incontact.com/inContactAPI",
        );
    });

    it("names the missing field instead of building a host ending in .undefined", () => {
        const { acdDomain: _gone, ...partial } = discovery;
        const h = hostsFromDiscovery(partial, "https://cxone.niceincontact.com");
        assert.strictEqual(h.acdUrl, undefined);
        assert.deepStrictEqual(h.lacking, { acdUrl: 'has no "acdDomain"' });
        assert.throws(
            () =>
                userHubBase(
                    hostsFromDiscovery(
                        { ...discovery, domain: "https://x.example" },
                        "https://cxone.niceincontact.com",
                    ),
                ),
            (e: unknown) => e instanceof DiscoveryError && /unusable "domain"/.test(e.message),
        );
        assert.deepStrictEqual(
            hostsFromDiscovery(
                { ...discovery, acdDomain: "incontact.0" },
                "https://cxone.niceincontact.com",
            ).lacking,
            { acdUrl: 'has an unusable "acdDomain" ("incontact.0")' },
        );
    });

    it("a DNS-shaped label no URL takes (IDNA's xn--0) is refused in words, not a TypeError", () => {
        assert.throws(
            () =>
                hostsFromDiscovery(
                    { ...discovery, uhDomain: "xn--0.example" },
                    "https://cxone.niceincontact.com",
                ),
            (e: unknown) =>
                e instanceof DiscoveryError &&
                e.message ===
                    `discovery names a host that is not a valid host name (https://${discovery.area}.xn--0.example)`,
        );
    });

    it("plain http only for a loopback issuer, and then only to *.localhost names", () => {
        const local = {
            ...discovery,
            domain: "localhost:4612",
            uhDomain: "localhost:4611",
            acdDomain: "localhost:4613",
            api_endpoint: "http://api-c1.localhost:4613/inContactAPI",
        };
        assert.strictEqual(
            hostsFromDiscovery(local, "http://127.0.0.1:4610").userHubUrl,
            "http://api-na1.localhost:4612",
        );
        assert.throws(
            () => hostsFromDiscovery(discovery, "http://127.0.0.1:4610"),
            /only for the local sandbox/,
        );
        assert.throws(
            () => hostsFromDiscovery(local, "http://cxone.example.com"),
            /only for the local sandbox|on this machine/,
        );
        const named = { ...local, api_endpoint: "https://api-c1.localhost/x" };
        assert.throws(
            () => hostsFromDiscovery(named, "https://cxone.niceincontact.com"),
            /names a host on this machine/,
        );
        assert.ok(isLocalhostName("api-na1.localhost") && isLocalhostName("localhost"));
        assert.ok(!isLocalhostName("localhost.example") && !isLocalhostName("evil-localhost"));
    });
});

// The tenant's hosts from CXone's discovery document (provider/cxone/discovery/regions.ts hostsFromDiscovery),
// field by field: a missing or malformed field leaves out only the hosts built from it (a stop,
// naming the field and the issuer, comes only when the stack uses such a host), and the loopback
// rule (a real tenant may never name this machine; plain http never leaves it).
const REAL = "https://cxone.niceincontact.com";
const doc = {
    area: "na1",
    cluster: "B32",
    domain: "niceincontact.com",
    uhDomain: "nice-incontact.com",
    acdDomain: "incontact.com",
    api_endpoint: "https://api-b32.incontact.com/inContactAPI//",
};
const local = {
    area: "na1",
    cluster: "c1",
    domain: "localhost:4612",
    uhDomain: "localhost:4611",
    acdDomain: "localhost:4613",
    api_endpoint: "http://api-c1.localhost:4613/inContactAPI",
};

/** What discovery lacks for each host it leaves out. */
const lacking = (d: unknown, issuer = REAL) => hostsFromDiscovery(d, issuer).lacking;
/** The stop when the stack comes to use a host discovery left out. */
function stop(d: unknown, host: DiscoveredHostName, issuer = REAL): string {
    try {
        discoveredHost(hostsFromDiscovery(d, issuer), host);
    } catch (e) {
        assert.ok(e instanceof DiscoveryError, String(e));
        return e.message;
    }
    assert.fail(`${host} was named by ${JSON.stringify(d)}`);
}

function refusal(d: unknown, issuer = REAL): string {
    try {
        hostsFromDiscovery(d, issuer);
    } catch (e) {
        assert.ok(e instanceof DiscoveryError, String(e));
        assert.equal(e.name, "DiscoveryError");
        return e.message;
    }
    assert.fail(`accepted ${JSON.stringify(d)} from ${issuer}`);
}
// two refusals, word for word: plain http off loopback, a host on this machine from elsewhere
const plainHttp = (url: string) =>
    `plain http is only for the local sandbox: ${url} is not a *.localhost name`;
const namesThisMachine = (issuer: string, url: string) =>
    `discovery from ${issuer} names a host on this machine (${url})`;

describe("discovery: the tenant's hosts, field by field", () => {
    it("a real tenant: https hosts in lower case, the API endpoint without trailing slashes", () => {
        const upper = { ...doc, area: "NA1", domain: "NiceInContact.com" };
        assert.deepEqual(hostsFromDiscovery(upper, `${REAL}/`), {
            issuerUrl: REAL,
            areaUrl: "https://na1.nice-incontact.com",
            userHubUrl: "https://api-na1.niceincontact.com",
            acdUrl: "https://api-b32.incontact.com",
            apiEndpoint: "https://api-b32.incontact.com/inContactAPI",
            lacking: {},
        });
    });

    it("each host field missing, of another type, or not a DNS name: only its hosts are left out, named", () => {
        const uses: Record<string, DiscoveredHostName[]> = {
            area: ["areaUrl", "userHubUrl"],
            cluster: ["acdUrl"],
            uhDomain: ["areaUrl"],
            domain: ["userHubUrl"],
            acdDomain: ["acdUrl"],
        };
        for (const [field, hosts] of Object.entries(uses)) {
            const rest: Record<string, unknown> = { ...doc };
            delete rest[field];
            const want = (why: string) => Object.fromEntries(hosts.map((h) => [h, why]));
            assert.deepEqual(lacking(rest), want(`has no "${field}"`), field);
            assert.deepEqual(
                lacking({ ...doc, [field]: 7 }),
                want(`has an unusable "${field}" (7)`),
            );
            assert.deepEqual(
                lacking({ ...doc, [field]: "a b" }),
                want(`has an unusable "${field}" ("a b")`),
            );
            assert.deepEqual(
                lacking({ ...doc, [field]: null }),
                want(`has an unusable "${field}" (null)`),
            );
            const h = hostsFromDiscovery(rest, REAL);
            for (const name of hosts) assert.equal(h[name], undefined, `${field}: ${name}`);
        }
        // an area or cluster is one label; a domain may carry a port, its last label a letter
        assert.deepEqual(lacking({ ...doc, area: "na1.evil" }), {
            areaUrl: 'has an unusable "area" ("na1.evil")',
            userHubUrl: 'has an unusable "area" ("na1.evil")',
        });
        assert.deepEqual(lacking({ ...doc, cluster: "-b32" }), {
            acdUrl: 'has an unusable "cluster" ("-b32")',
        });
        assert.deepEqual(lacking({ ...doc, domain: "niceincontact.com/x" }), {
            userHubUrl: 'has an unusable "domain" ("niceincontact.com/x")',
        });
        assert.deepEqual(lacking({ ...doc, uhDomain: "nice-incontact.com:123456" }), {
            areaUrl: 'has an unusable "uhDomain" ("nice-incontact.com:123456")',
        });
        assert.equal(
            hostsFromDiscovery({ ...doc, uhDomain: "Nice-InContact.com:8443" }, REAL).areaUrl,
            "https://na1.nice-incontact.com:8443",
        );
    });

    it("fields the stack never uses (cluster, acdDomain) may be missing: UserHub is still named", () => {
        const { cluster: _c, acdDomain: _a, ...sparse } = doc;
        const h = hostsFromDiscovery(sparse, REAL);
        assert.equal(userHubBase(h), "https://api-na1.niceincontact.com");
        assert.equal(userHubBase(h, "api_endpoint"), "https://api-b32.incontact.com/inContactAPI");
        assert.equal(h.areaUrl, "https://na1.nice-incontact.com");
        assert.deepEqual(h.lacking, { acdUrl: 'has no "cluster" and has no "acdDomain"' });
    });

    it("a field the stack uses, when missing, stops it naming the field and the tenant's issuer", () => {
        const { domain: _d, ...noDomain } = doc;
        assert.equal(
            stop(noDomain, "userHubUrl"),
            "the tenant's discovery document (https://cxone.niceincontact.com/.well-known/" +
                'cxone-configuration) has no "domain", which the stack needs for UserHub ' +
                "(employees, roles and access keys) at https://api-{area}.{domain}, where NICE's " +
                "SDK finds it",
        );
        assert.throws(() => userHubBase(hostsFromDiscovery(noDomain, REAL)), /has no "domain"/);
        // the other UserHub candidate does not need it
        assert.equal(
            userHubBase(hostsFromDiscovery(noDomain, REAL), "api_endpoint"),
            "https://api-b32.incontact.com/inContactAPI",
        );
        assert.match(
            stop({ ...doc, api_endpoint: 5 }, "apiEndpoint", "https://cxone-gov.niceincontact.com"),
            /^the tenant's discovery document \(https:\/\/cxone-gov\.niceincontact\.com\/\.well-known\/cxone-configuration\) has an unusable "api_endpoint" \(5\), which the stack needs for UserHub at api_endpoint/,
        );
        assert.match(stop({ ...doc, uhDomain: 1 }, "areaUrl"), /unusable "uhDomain" \(1\)/);
        assert.match(stop({ ...doc, cluster: 1 }, "acdUrl"), /unusable "cluster" \(1\)/);
    });

    it("a field longer than a DNS name may be is left out; 253 characters are not", () => {
        const label = "a".repeat(253);
        assert.equal(
            hostsFromDiscovery({ ...doc, cluster: label }, REAL).acdUrl,
            `https://api-${label}.incontact.com`,
        );
        assert.deepEqual(lacking({ ...doc, cluster: `${label}a` }), {
            acdUrl: `has an unusable "cluster" (${JSON.stringify(`${label}a`)})`,
        });
    });

    it("no document, or no http(s) API endpoint: every host it would name is left out", () => {
        for (const d of [undefined, null, "text", 5]) {
            assert.deepEqual(
                Object.keys(lacking(d)).sort(),
                ["acdUrl", "apiEndpoint", "areaUrl", "userHubUrl"],
                String(d),
            );
            assert.match(stop(d, "userHubUrl"), /has no "area" and has no "domain"/);
        }
        for (const api of [
            undefined,
            5,
            "",
            "ftp://api.example",
            "api-b32.incontact.com",
            "ftp://api.example/?next=https://api-b32.incontact.com",
        ]) {
            assert.deepEqual(
                lacking({ ...doc, api_endpoint: api }),
                {
                    apiEndpoint:
                        api === undefined
                            ? 'has no "api_endpoint"'
                            : `has an unusable "api_endpoint" (${JSON.stringify(api)})`,
                },
                String(api),
            );
        }
        assert.equal(
            hostsFromDiscovery({ ...doc, api_endpoint: "HTTPS://api.example/x" }, REAL).apiEndpoint,
            "HTTPS://api.example/x",
        );
    });

    it("the sandbox: plain http from a loopback issuer, to *.localhost names only", () => {
        for (const issuer of [
            "http://127.0.0.1:4610",
            "http://localhost:4610",
            "http://[::1]:4610",
        ]) {
            assert.deepEqual(hostsFromDiscovery(local, issuer), {
                issuerUrl: issuer,
                areaUrl: "http://na1.localhost:4611",
                userHubUrl: "http://api-na1.localhost:4612",
                acdUrl: "http://api-c1.localhost:4613",
                apiEndpoint: "http://api-c1.localhost:4613/inContactAPI",
                lacking: {},
            });
        }
        // a loopback issuer over https (a local proxy) may name *.localhost too
        assert.equal(
            hostsFromDiscovery(local, "https://localhost:4610").areaUrl,
            "https://na1.localhost:4611",
        );
        // yet a loopback issuer's document naming real hosts over plain http is refused
        const sandbox = "http://127.0.0.1:4610";
        assert.equal(
            refusal({ ...local, acdDomain: "incontact.com" }, sandbox),
            plainHttp("http://api-c1.incontact.com"),
        );
        assert.equal(refusal(doc, sandbox), plainHttp("http://na1.nice-incontact.com"));
    });

    it("a real tenant naming this machine, or plain http elsewhere, is refused", () => {
        const cases: [document: unknown, issuer: string, refused: string][] = [
            [
                local,
                REAL,
                namesThisMachine("cxone.niceincontact.com", "https://na1.localhost:4611"),
            ],
            [
                { ...doc, domain: "localhost" },
                REAL,
                namesThisMachine("cxone.niceincontact.com", "https://api-na1.localhost"),
            ],
            [
                local,
                "http://cxone.example.com:8080",
                namesThisMachine("cxone.example.com:8080", "http://na1.localhost:4611"),
            ],
            [doc, "http://cxone.example.com", plainHttp("http://na1.nice-incontact.com")],
        ];
        for (const [d, issuer, refused] of cases) assert.equal(refusal(d, issuer), refused, issuer);
    });

    it("UserHub: the derived host unless the API endpoint is chosen", () => {
        const h = hostsFromDiscovery(doc, REAL);
        assert.equal(userHubBase(h), "https://api-na1.niceincontact.com");
        assert.equal(userHubBase(h, "derived"), "https://api-na1.niceincontact.com");
        assert.equal(userHubBase(h, "api_endpoint"), "https://api-b32.incontact.com/inContactAPI");
    });
});

// The region table entry by entry (provider/cxone/discovery/regions.ts): every URL, how sure we are of each
// (docs/vendor-facts/cxone.md: na1, au1, eu1 [doc]; ca1, uk1, jp1, na2 [seen]; na3, au2, eu2
// only in NICE's SDK), and the notes an operator reads. A correction found on a real tenant
// changes one row here and one line of the table. Also every refusal of resolveRegion and
// sandboxRegion, word for word.
const LOGIN_NOTE = "login page URL is inferred (the CXone UI sign-in page on the issuer host)";
const SPELLING =
    "host spelling differs between regions (nice-incontact.com vs niceincontact.com); " +
    "confirm the API host with discovery ({issuer}/.well-known/cxone-configuration)";
const SEEN =
    "region seen in public code, not documented; SCIM base follows NICE's template; " + SPELLING;
const AREA_GUESS =
    "its area host and SCIM base are inferred: the connection test prints the area host " +
    "discovery names ({area}.{uhDomain})";

// region, FedRAMP, issuer, area host, SCIM base, confidence (region scim login token authorize
// issuer area), the region's own notes
type Row = [string, boolean, string, string, string, string, string[]];
const TABLE: Row[] = [
    [
        "na1",
        false,
        "https://cxone.niceincontact.com",
        "https://na1.nice-incontact.com",
        "https://na1.nice-incontact.com/scim/v2",
        "doc doc guess doc doc spec doc",
        [],
    ],
    [
        "au1",
        false,
        "https://cxone.niceincontact.com",
        "https://au1.nice-incontact.com",
        "https://au1.nice-incontact.com/scim/v2",
        "doc doc guess doc doc spec doc",
        [],
    ],
    [
        "eu1",
        false,
        "https://cxone.niceincontact.com",
        "https://eu1.nice-incontact.com",
        "https://eu1.nice-incontact.com/scim/v2",
        "doc doc guess doc doc spec doc",
        ["public code spells non-na1/au1 hosts niceincontact.com; " + SPELLING],
    ],
    [
        "ca1",
        false,
        "https://cxone.niceincontact.com",
        "https://ca1.niceincontact.com",
        "https://ca1.nice-incontact.com/scim/v2",
        "seen guess guess doc doc spec seen",
        [SEEN],
    ],
    [
        "uk1",
        false,
        "https://cxone.niceincontact.com",
        "https://uk1.niceincontact.com",
        "https://uk1.nice-incontact.com/scim/v2",
        "seen guess guess doc doc spec seen",
        [SEEN],
    ],
    [
        "jp1",
        false,
        "https://cxone.niceincontact.com",
        "https://jp1.niceincontact.com",
        "https://jp1.nice-incontact.com/scim/v2",
        "seen guess guess doc doc spec seen",
        [SEEN],
    ],
    [
        "na2",
        true,
        "https://cxone-gov.niceincontact.com",
        "https://na2.niceincontact.com",
        "https://na2.niceincontact.com/scim/v2",
        "seen guess guess doc doc spec seen",
        [
            "FedRAMP region seen in public code; its SCIM base is not documented: confirm it " +
                "with NICE; " +
                SPELLING,
        ],
    ],
    [
        "na3",
        true,
        "https://nicecxone-fed.com",
        "https://na3.nicecxone-fed.com",
        "https://na3.nicecxone-fed.com/scim/v2",
        "sdk guess guess sdk sdk sdk guess",
        [
            "region known only from NICE's SDK; FedRAMP High issuer nicecxone-fed.com [sdk:region-issuers]; " +
                AREA_GUESS,
        ],
    ],
    [
        "au2",
        false,
        "https://nicecxone-sov1.au",
        "https://au2.nicecxone-sov1.au",
        "https://au2.nicecxone-sov1.au/scim/v2",
        "guess guess guess sdk sdk sdk guess",
        [
            "region known only from NICE's SDK; sovereign Australian issuer nicecxone-sov1.au " +
                "[sdk:region-issuers]; the area name au2 is inferred; " +
                AREA_GUESS,
        ],
    ],
    [
        "eu2",
        false,
        "https://nicecxone-sov1.eu",
        "https://eu2.nicecxone-sov1.eu",
        "https://eu2.nicecxone-sov1.eu/scim/v2",
        "guess guess guess sdk sdk sdk guess",
        [
            "region known only from NICE's SDK; sovereign European issuer nicecxone-sov1.eu " +
                "[sdk:region-issuers]; the area name eu2 is inferred; " +
                AREA_GUESS,
        ],
    ],
];

// the fields a row's confidence column names, in the column's order
const FIELDS =
    "region scimBaseUrl loginUrl tokenEndpoint authorizeEndpoint issuerUrl areaUrl".split(" ");

function regionRefusal(f: () => unknown): RegionError {
    try {
        f();
    } catch (e) {
        assert.ok(e instanceof RegionError, String(e));
        assert.equal(e.name, "RegionError");
        return e;
    }
    assert.fail("accepted");
}

describe("the region table, entry by entry", () => {
    for (const [region, fedramp, issuer, area, scim, sure, notes] of TABLE) {
        it(`${region}: every URL, its confidence, its notes`, () => {
            const expected = {
                region,
                fedramp,
                scimBaseUrl: scim,
                loginUrl: `${issuer}/login`,
                tokenEndpoint: `${issuer}/auth/token`,
                authorizeEndpoint: `${issuer}/auth/authorize?scope=openid`,
                issuerUrl: issuer,
                areaUrl: area,
                confidence: Object.fromEntries(sure.split(" ").map((c, i) => [FIELDS[i], c])),
                notes: [...notes, LOGIN_NOTE],
            };
            assert.deepEqual(resolveRegion({ region }), expected);
            assert.deepEqual(resolveRegion({ region: region.toUpperCase(), fedramp }), expected);
            assert.deepEqual(
                inferredFields(resolveRegion({ region })),
                FIELDS.filter((_, i) => ["sdk", "seen", "guess"].includes(sure.split(" ")[i])),
            );
        });
    }
});

describe("resolveRegion and sandboxRegion refusals, word for word", () => {
    const all = "na1, au1, eu1, ca1, uk1, jp1, na2, na3, au2, eu2";

    it("no region, a blank one, or not a string: required, with every region listed", () => {
        for (const input of [{ region: "" }, { region: "  " }, { region: 1 }, {}, null]) {
            const e = regionRefusal(() => resolveRegion(input as never));
            assert.equal(e.property, "region");
            assert.equal(e.message, `region is required: one of ${all}`);
        }
    });

    it("an unknown region: what was typed, and the valid values", () => {
        const e = regionRefusal(() => resolveRegion({ region: " Mars1 " }));
        assert.equal(e.property, "region");
        assert.equal(
            e.message,
            `region " Mars1 " is not a known CXone region; valid values: ${all}`,
        );
    });

    it("a FedRAMP flag that is no boolean, or contradicts the region", () => {
        const odd = regionRefusal(() => resolveRegion({ region: "na1", fedramp: 1 as never }));
        assert.deepEqual(
            [odd.property, odd.message],
            ["fedramp", "fedramp must be true or false, got 1"],
        );
        const on = regionRefusal(() => resolveRegion({ region: "EU1", fedramp: true }));
        assert.deepEqual(
            [on.property, on.message],
            [
                "fedramp",
                'fedramp is true but region "eu1" is not a FedRAMP region; FedRAMP regions: na2, na3',
            ],
        );
        const off = regionRefusal(() => resolveRegion({ region: "na3", fedramp: false }));
        assert.deepEqual(
            [off.property, off.message],
            [
                "fedramp",
                'fedramp is false but region "na3" is a FedRAMP region; commercial regions: ' +
                    "na1, au1, eu1, ca1, uk1, jp1, au2, eu2",
            ],
        );
        assert.equal(resolveRegion({ region: "na2", fedramp: undefined }).fedramp, true);
    });

    it("the sandbox: every URL is a fact on its hosts; no URL, or not http(s), is refused", () => {
        const r = sandboxRegion({
            issuer: "http://127.0.0.1:4610//",
            area: "http://localhost:4611",
        });
        assert.deepEqual(r, {
            region: "sandbox",
            fedramp: false,
            scimBaseUrl: "http://localhost:4611/scim/v2",
            loginUrl: "http://127.0.0.1:4610/login",
            tokenEndpoint: "http://127.0.0.1:4610/auth/token",
            authorizeEndpoint: "http://127.0.0.1:4610/auth/authorize?scope=openid",
            issuerUrl: "http://127.0.0.1:4610",
            areaUrl: "http://localhost:4611",
            confidence: Object.fromEntries(FIELDS.map((f) => [f, "doc"])),
            notes: [
                "local sandbox: its hosts are loopback ports, found by discovery like a real tenant's",
            ],
        });
        assert.deepEqual(inferredFields(r), []);
        const notUrl = regionRefusal(() => sandboxRegion("127.0.0.1:4610"));
        assert.equal(notUrl.property, "cxoneBaseUrl");
        assert.equal(
            notUrl.message,
            'cxoneBaseUrl "127.0.0.1:4610" is not a URL; expected e.g. http://127.0.0.1:4610',
        );
        const words = regionRefusal(() =>
            sandboxRegion({ issuer: "http://127.0.0.1:1", area: "area" }),
        );
        assert.equal(
            words.message,
            'cxoneBaseUrl "area" is not a URL; expected e.g. http://127.0.0.1:4610',
        );
        assert.equal(
            regionRefusal(() => sandboxRegion("file:///tmp/x")).message,
            'cxoneBaseUrl "file:///tmp/x" must be http: or https:',
        );
        assert.equal(sandboxRegion("https://127.0.0.1:4610").issuerUrl, "https://127.0.0.1:4610");
    });

    it("the client's endpoint carries the API host when a region names one", () => {
        const r = {
            ...resolveRegion({ region: "na1" }),
            apiUrl: "https://api-na1.niceincontact.com",
        };
        assert.deepEqual(cxoneEndpointFor(r), {
            issuerUrl: "https://cxone.niceincontact.com",
            areaUrl: "https://na1.nice-incontact.com",
            apiUrl: "https://api-na1.niceincontact.com",
        });
        assert.deepEqual(cxoneEndpointFor(r, ""), { ...cxoneEndpointFor(r), tenantId: "" });
    });
});
