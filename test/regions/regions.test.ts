import * as assert from "assert";
import {
    REGION_NAMES, RegionError, allRegions, cxoneEndpointFor, inferredFields, resolveRegion, sandboxRegion,
} from "../../provider/regions";

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
            });
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
        const documented = REGION_NAMES.filter((n) => resolveRegion({ region: n }).confidence.region === "doc");
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
        assert.strictEqual(resolveRegion({ region: "au1" }).areaUrl, "https://au1.nice-incontact.com");
        assert.strictEqual(resolveRegion({ region: "ca1" }).areaUrl, "https://ca1.niceincontact.com");
        assert.strictEqual(resolveRegion({ region: "jp1" }).areaUrl, "https://jp1.niceincontact.com");
    });

    it("every region has https URLs, SCIM base ending /scim/v2 and authorize with scope=openid", () => {
        for (const n of REGION_NAMES) {
            const r = resolveRegion({ region: n });
            for (const u of [r.scimBaseUrl, r.loginUrl, r.tokenEndpoint, r.authorizeEndpoint, r.issuerUrl, r.areaUrl]) {
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
        assert.strictEqual(r.authorizeEndpoint, "https://cxone-gov.niceincontact.com/auth/authorize?scope=openid");
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
            for (const f of fragments) assert.ok(e.message.includes(f), `"${e.message}" lacks "${f}"`);
            return true;
        });
    }

    it("unknown region: names the property and lists valid values", () => {
        expectRegionError(() => resolveRegion({ region: "xx9" }), "region", "region", "xx9", "na1, au1, eu1, ca1, uk1, jp1, na2");
        expectRegionError(() => resolveRegion({ region: "" }), "region", "required", "na1");
        expectRegionError(() => resolveRegion({} as never), "region", "required");
    });

    it("FedRAMP on a commercial region, or commercial on a FedRAMP region, is an error", () => {
        expectRegionError(() => resolveRegion({ region: "na1", fedramp: true }), "fedramp", "na1", "not a FedRAMP", "na2");
        expectRegionError(() => resolveRegion({ region: "na2", fedramp: false }), "fedramp", "na2", "is a FedRAMP", "na1, au1");
        expectRegionError(() => resolveRegion({ region: "na1", fedramp: "yes" as never }), "fedramp", "true or false");
    });

    it("exports the list of valid region names, and every region resolved", () => {
        assert.deepStrictEqual([...REGION_NAMES], ["na1", "au1", "eu1", "ca1", "uk1", "jp1", "na2"]);
        assert.deepStrictEqual(allRegions().map((r) => r.region), [...REGION_NAMES]);
        assert.deepStrictEqual(allRegions().filter((r) => r.fedramp).map((r) => r.region), ["na2"]);
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
        assert.strictEqual(r.authorizeEndpoint, "http://127.0.0.1:4610/auth/authorize?scope=openid");
        assert.strictEqual(r.loginUrl, "http://127.0.0.1:4610/login");
        assert.strictEqual(r.issuerUrl, "http://127.0.0.1:4610");
        assert.strictEqual(r.areaUrl, "http://127.0.0.1:4610");
        assert.strictEqual(r.apiUrl, "http://127.0.0.1:4610");
        assert.strictEqual(r.fedramp, false);
    });

    it("rejects a non-URL base naming the property", () => {
        assert.throws(() => sandboxRegion("not a url"), (e: unknown) => e instanceof RegionError && e.property === "cxoneBaseUrl");
        assert.throws(() => sandboxRegion("ftp://x"), RegionError);
    });
});

describe("regions: cxoneEndpointFor", () => {
    it("maps a region to the client's endpoint (API host left to discovery)", () => {
        assert.deepStrictEqual(cxoneEndpointFor(resolveRegion({ region: "na1" })),
            { issuerUrl: "https://cxone.niceincontact.com", areaUrl: "https://na1.nice-incontact.com" });
    });
    it("passes the sandbox API host and a tenant id through", () => {
        assert.deepStrictEqual(cxoneEndpointFor(sandboxRegion("http://127.0.0.1:9"), "t-1"),
            { issuerUrl: "http://127.0.0.1:9", areaUrl: "http://127.0.0.1:9", apiUrl: "http://127.0.0.1:9", tenantId: "t-1" });
    });
});
