// Where a CXone credential may go (provider/cxone/discovery/endpointPolicy.ts), word for word: the hosts and
// domains read from the region table, each pin's refusal listing what is allowed, and what the
// pin leaves to other checks (non-URLs, non-strings).
import { strict as assert } from "assert";
import {
    cxoneDomains,
    cxoneHosts,
    endpointProblem,
    pinnedTo,
} from "../../../provider/cxone/discovery/endpointPolicy";
import {
    resolveRegion,
    sandboxRegion,
    allRegions,
} from "../../../provider/cxone/discovery/regions";

const HOSTS = [
    "au1.nice-incontact.com",
    "au2.nicecxone-sov1.au",
    "ca1.nice-incontact.com",
    "ca1.niceincontact.com",
    "cxone-gov.niceincontact.com",
    "cxone.niceincontact.com",
    "eu1.nice-incontact.com",
    "eu2.nicecxone-sov1.eu",
    "jp1.nice-incontact.com",
    "jp1.niceincontact.com",
    "na1.nice-incontact.com",
    "na2.niceincontact.com",
    "na3.nicecxone-fed.com",
    "nicecxone-fed.com",
    "nicecxone-sov1.au",
    "nicecxone-sov1.eu",
    "uk1.nice-incontact.com",
    "uk1.niceincontact.com",
];
const DOMAINS = [
    "nice-incontact.com",
    "niceincontact.com",
    "nicecxone-fed.com",
    "nicecxone-sov1.au",
    "nicecxone-sov1.eu",
];

// each URL passes the pin, as the input named
function passes(pin: "regionHost" | "cxoneDomain", input: string, urls: string[]): void {
    for (const url of urls) assert.equal(endpointProblem(url, input, pin), undefined, url);
}

describe("endpoint pins: CXone's own hosts, word for word", () => {
    it("the hosts and domains are every URL host of the region table, in lower case", () => {
        assert.deepEqual([...cxoneHosts()].sort(), HOSTS);
        assert.deepEqual([...cxoneDomains()].sort(), [...DOMAINS].sort());
        // of the given regions only
        const na1 = resolveRegion({ region: "na1" });
        assert.deepEqual([...cxoneHosts([na1])].sort(), [
            "cxone.niceincontact.com",
            "na1.nice-incontact.com",
        ]);
        assert.deepEqual([...cxoneDomains([na1])].sort(), [
            "nice-incontact.com",
            "niceincontact.com",
        ]);
        const sandbox = sandboxRegion("http://LOCALHOST:4610");
        assert.deepEqual([...cxoneHosts([sandbox])], ["localhost"]);
        assert.deepEqual([...cxoneDomains([sandbox])], ["localhost"]);
    });

    it("a region host: exactly one of the table's hosts (any case), or loopback", () => {
        passes("regionHost", "scimBaseUrl", [
            "https://NA1.nice-incontact.com/scim/v2",
            "https://cxone-gov.niceincontact.com/auth/token",
            "http://127.0.0.2:1/x",
            "http://localhost/x",
        ]);
        assert.equal(
            endpointProblem(
                "https://api-na1.niceincontact.com/scim/v2",
                "scimBaseUrl",
                "regionHost",
            ),
            `scimBaseUrl must be on one of CXone's region hosts (${HOSTS.join(", ")}), or loopback ` +
                'for the local sandbox (got host "api-na1.niceincontact.com"): a CXone credential ' +
                "must never go to another host",
        );
    });

    it("a CXone domain: the domain itself or a host under it, or loopback", () => {
        passes("cxoneDomain", "endpoint.apiUrl", [
            "https://niceincontact.com",
            "https://api-na1.niceincontact.com/x",
            "https://a.b.nicecxone-sov1.eu",
            "http://[::1]:4610",
        ]);
        for (const host of [
            "evilniceincontact.com",
            "niceincontact.com.evil.example",
            "example.com",
        ]) {
            assert.equal(
                endpointProblem(`https://${host}/x`, "endpoint.apiUrl", "cxoneDomain"),
                `endpoint.apiUrl must be on a host under CXone's own domains (${DOMAINS.join(", ")}), ` +
                    `or loopback for the local sandbox (got host "${host}"): a CXone credential ` +
                    "must never go to another host",
            );
        }
    });

    it("what is not a URL, or not a string, is left to the other checks", () => {
        assert.equal(endpointProblem("not a url", "p", "regionHost"), undefined);
        assert.equal(endpointProblem("", "p", "cxoneDomain"), undefined);
        assert.equal(pinnedTo("regionHost")(42, "p"), undefined);
        assert.equal(pinnedTo("cxoneDomain")(undefined, "p"), undefined);
        assert.match(
            pinnedTo("regionHost")("https://x.example", "tokenEndpoint") ?? "",
            /^tokenEndpoint must be on one of CXone's region hosts/,
        );
        assert.match(
            pinnedTo("cxoneDomain")("https://x.example", "apiUrl") ?? "",
            /^apiUrl must be on a host under CXone's own domains/,
        );
    });
});

// The pinning rule: CXone credentials and the URLs typed into Okta go only to CXone's own hosts
// (from the region table) or loopback (the sandbox). Pure: no servers.
describe("endpoint policy: CXone's own hosts or loopback, nothing else", () => {
    it("accepts every URL of every known region, both pins", () => {
        for (const r of allRegions()) {
            for (const url of [r.scimBaseUrl, r.tokenEndpoint, r.authorizeEndpoint, r.loginUrl]) {
                assert.equal(endpointProblem(url, "u", "regionHost"), undefined, url);
            }
            for (const url of [r.issuerUrl, r.areaUrl])
                assert.equal(endpointProblem(url, "u", "cxoneDomain"), undefined, url);
        }
    });

    it("derives CXone's domains from the table", () => {
        // commercial and FedRAMP Moderate, FedRAMP High (na3) and the sovereign issuers
        assert.deepEqual([...cxoneDomains()].sort(), [
            "nice-incontact.com",
            "nicecxone-fed.com",
            "nicecxone-sov1.au",
            "nicecxone-sov1.eu",
            "niceincontact.com",
        ]);
    });

    it("a discovered API host under CXone's domain may receive a token; it is not a host to type into Okta", () => {
        assert.equal(
            endpointProblem("https://api-na1.niceincontact.com", "endpoint.apiUrl", "cxoneDomain"),
            undefined,
        );
        assert.match(
            endpointProblem(
                "https://api-na1.niceincontact.com/auth/token",
                "tokenEndpoint",
                "regionHost",
            ) ?? "",
            /tokenEndpoint must be on one of CXone's region hosts/,
        );
    });

    it("loopback (the sandbox) passes; look-alikes and foreign hosts are refused, naming the input and host", () => {
        passes("regionHost", "u", [
            "http://127.0.0.1:4610/auth/token",
            "http://localhost:1/x",
            "http://[::1]:2/x",
        ]);
        for (const url of [
            "https://evil.example/auth/token",
            "https://cxone.niceincontact.com.evil.example/auth/token",
            "https://niceincontact.com.evil.example",
            "https://127.0.0.1.nip.io/x",
            "https://evilniceincontact.com/x",
        ]) {
            for (const pin of ["regionHost", "cxoneDomain"] as const) {
                const p = endpointProblem(url, "tokenEndpoint", pin);
                assert.match(p ?? "", /^tokenEndpoint must be on .* \(got host "/, `${pin} ${url}`);
            }
        }
    });
});
