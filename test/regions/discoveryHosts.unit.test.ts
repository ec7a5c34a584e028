// The tenant's hosts from CXone's discovery document (provider/regions.ts hostsFromDiscovery),
// field by field: a missing or malformed field leaves out only the hosts built from it (a stop,
// naming the field and the issuer, comes only when the stack uses such a host), and the loopback
// rule (a real tenant may never name this machine; plain http never leaves it).
import { strict as assert } from "assert";
import {
    discoveredHost,
    DiscoveryError,
    hostsFromDiscovery,
    userHubBase,
    type DiscoveredHostName,
} from "../../provider/regions";

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
        assert.equal(
            refusal({ ...local, acdDomain: "incontact.com" }, "http://127.0.0.1:4610"),
            "plain http is only for the local sandbox: http://api-c1.incontact.com is not a " +
                "*.localhost name",
        );
        assert.equal(
            refusal(doc, "http://127.0.0.1:4610"),
            "plain http is only for the local sandbox: http://na1.nice-incontact.com is not a " +
                "*.localhost name",
        );
    });

    it("a real tenant naming this machine, or plain http elsewhere, is refused", () => {
        assert.equal(
            refusal(local, REAL),
            "discovery from cxone.niceincontact.com names a host on this machine " +
                "(https://na1.localhost:4611)",
        );
        assert.equal(
            refusal({ ...doc, domain: "localhost" }, REAL),
            "discovery from cxone.niceincontact.com names a host on this machine " +
                "(https://api-na1.localhost)",
        );
        assert.equal(
            refusal(local, "http://cxone.example.com:8080"),
            "discovery from cxone.example.com:8080 names a host on this machine " +
                "(http://na1.localhost:4611)",
        );
        assert.equal(
            refusal(doc, "http://cxone.example.com"),
            "plain http is only for the local sandbox: http://na1.nice-incontact.com is not a " +
                "*.localhost name",
        );
    });

    it("UserHub: the derived host unless the API endpoint is chosen", () => {
        const h = hostsFromDiscovery(doc, REAL);
        assert.equal(userHubBase(h), "https://api-na1.niceincontact.com");
        assert.equal(userHubBase(h, "derived"), "https://api-na1.niceincontact.com");
        assert.equal(userHubBase(h, "api_endpoint"), "https://api-b32.incontact.com/inContactAPI");
    });
});
