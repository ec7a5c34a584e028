// The pinning rule: CXone credentials and the URLs typed into Okta go only to CXone's own hosts
// (from the region table) or loopback (the sandbox). Pure: no servers.
import { strict as assert } from "assert";
import { cxoneDomains, endpointProblem } from "../../provider/endpointPolicy";
import { allRegions } from "../../provider/regions";

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
        for (const url of [
            "http://127.0.0.1:4610/auth/token",
            "http://localhost:1/x",
            "http://[::1]:2/x",
        ]) {
            assert.equal(endpointProblem(url, "u", "regionHost"), undefined, url);
        }
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
