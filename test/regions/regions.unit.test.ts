import * as assert from "assert";
import {
    DiscoveryError,
    REGION_NAMES,
    RegionError,
    USER_HUB_HOST,
    allRegions,
    cxoneEndpointFor,
    hostsFromDiscovery,
    inferredFields,
    isLocalhostName,
    resolveRegion,
    sandboxRegion,
    userHubBase,
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
            for (const u of [
                r.scimBaseUrl,
                r.loginUrl,
                r.tokenEndpoint,
                r.authorizeEndpoint,
                r.issuerUrl,
                r.areaUrl,
            ]) {
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
