// The tenant's hosts from CXone's discovery document (provider/regions.ts hostsFromDiscovery),
// field by field: what each malformed field is refused with, and the loopback rule (a real tenant
// may never name this machine; plain http never leaves it).
import { strict as assert } from "assert";
import { DiscoveryError, hostsFromDiscovery, userHubBase } from "../../provider/regions";

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
        assert.deepEqual(hostsFromDiscovery(upper, REAL), {
            areaUrl: "https://na1.nice-incontact.com",
            userHubUrl: "https://api-na1.niceincontact.com",
            acdUrl: "https://api-b32.incontact.com",
            apiEndpoint: "https://api-b32.incontact.com/inContactAPI",
        });
    });

    it("without cluster and acdDomain (the ACD host, which the stack never calls): no ACD host, no refusal [sdk:discovery-hosts]", () => {
        const rest: Record<string, unknown> = { ...doc };
        delete rest.cluster;
        delete rest.acdDomain;
        const hosts = hostsFromDiscovery(rest, REAL);
        assert.equal(hosts.acdUrl, undefined);
        assert.equal(hosts.userHubUrl, "https://api-na1.niceincontact.com");
    });

    it("each host field missing, of another type, or not a DNS name: named, with its value", () => {
        for (const field of ["area", "cluster", "uhDomain", "domain", "acdDomain"]) {
            const rest: Record<string, unknown> = { ...doc };
            delete rest[field];
            assert.equal(refusal(rest), `the discovery document's ${field} is missing`);
            assert.equal(
                refusal({ ...doc, [field]: 7 }),
                `the discovery document's ${field} is not usable (7)`,
            );
            assert.equal(
                refusal({ ...doc, [field]: "a b" }),
                `the discovery document's ${field} is not usable ("a b")`,
            );
            assert.equal(
                refusal({ ...doc, [field]: null }),
                `the discovery document's ${field} is not usable (null)`,
            );
        }
        // an area or cluster is one label; a domain may carry a port, its last label a letter
        assert.equal(
            refusal({ ...doc, area: "na1.evil" }),
            `the discovery document's area is not usable ("na1.evil")`,
        );
        assert.equal(
            refusal({ ...doc, cluster: "-b32" }),
            `the discovery document's cluster is not usable ("-b32")`,
        );
        assert.equal(
            refusal({ ...doc, domain: "niceincontact.com/x" }),
            `the discovery document's domain is not usable ("niceincontact.com/x")`,
        );
        assert.equal(
            refusal({ ...doc, uhDomain: "nice-incontact.com:123456" }),
            `the discovery document's uhDomain is not usable ("nice-incontact.com:123456")`,
        );
        assert.equal(
            hostsFromDiscovery({ ...doc, uhDomain: "Nice-InContact.com:8443" }, REAL).areaUrl,
            "https://na1.nice-incontact.com:8443",
        );
    });

    it("a field longer than a DNS name may be is refused; 253 characters are not", () => {
        const label = "a".repeat(253);
        assert.equal(
            hostsFromDiscovery({ ...doc, cluster: label }, REAL).acdUrl,
            `https://api-${label}.incontact.com`,
        );
        assert.equal(
            refusal({ ...doc, cluster: `${label}a` }),
            `the discovery document's cluster is not usable (${JSON.stringify(`${label}a`)})`,
        );
    });

    it("no document, or no http(s) API endpoint: refused, naming what is missing", () => {
        for (const d of [undefined, null, "text", 5]) {
            assert.equal(refusal(d), "the discovery document's area is missing", String(d));
        }
        for (const api of [
            undefined,
            5,
            "",
            "ftp://api.example",
            "api-b32.incontact.com",
            "ftp://api.example/?next=https://api-b32.incontact.com",
        ]) {
            assert.equal(
                refusal({ ...doc, api_endpoint: api }),
                "the discovery document has no api_endpoint URL",
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
                areaUrl: "http://na1.localhost:4611",
                userHubUrl: "http://api-na1.localhost:4612",
                acdUrl: "http://api-c1.localhost:4613",
                apiEndpoint: "http://api-c1.localhost:4613/inContactAPI",
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
