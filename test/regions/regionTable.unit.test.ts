// The region table entry by entry (provider/regions.ts): every URL, how sure we are of each
// (docs/vendor-facts/cxone.md: na1, au1, eu1 [doc]; ca1, uk1, jp1, na2 [seen]; na3, au2, eu2
// only in NICE's SDK), and the notes an operator reads. A correction found on a real tenant
// changes one row here and one line of the table. Also every refusal of resolveRegion and
// sandboxRegion, word for word.
import { strict as assert } from "assert";
import {
    cxoneEndpointFor,
    inferredFields,
    RegionError,
    resolveRegion,
    sandboxRegion,
} from "../../provider/regions";

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

const FIELDS = [
    "region",
    "scimBaseUrl",
    "loginUrl",
    "tokenEndpoint",
    "authorizeEndpoint",
    "issuerUrl",
    "areaUrl",
] as const;

function refusal(f: () => unknown): RegionError {
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
            const e = refusal(() => resolveRegion(input as never));
            assert.equal(e.property, "region");
            assert.equal(e.message, `region is required: one of ${all}`);
        }
    });

    it("an unknown region: what was typed, and the valid values", () => {
        const e = refusal(() => resolveRegion({ region: " Mars1 " }));
        assert.equal(e.property, "region");
        assert.equal(
            e.message,
            `region " Mars1 " is not a known CXone region; valid values: ${all}`,
        );
    });

    it("a FedRAMP flag that is no boolean, or contradicts the region", () => {
        const odd = refusal(() => resolveRegion({ region: "na1", fedramp: 1 as never }));
        assert.deepEqual(
            [odd.property, odd.message],
            ["fedramp", "fedramp must be true or false, got 1"],
        );
        const on = refusal(() => resolveRegion({ region: "EU1", fedramp: true }));
        assert.deepEqual(
            [on.property, on.message],
            [
                "fedramp",
                'fedramp is true but region "eu1" is not a FedRAMP region; FedRAMP regions: na2, na3',
            ],
        );
        const off = refusal(() => resolveRegion({ region: "na3", fedramp: false }));
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
        const notUrl = refusal(() => sandboxRegion("127.0.0.1:4610"));
        assert.equal(notUrl.property, "cxoneBaseUrl");
        assert.equal(
            notUrl.message,
            'cxoneBaseUrl "127.0.0.1:4610" is not a URL; expected e.g. http://127.0.0.1:4610',
        );
        const words = refusal(() => sandboxRegion({ issuer: "http://127.0.0.1:1", area: "area" }));
        assert.equal(
            words.message,
            'cxoneBaseUrl "area" is not a URL; expected e.g. http://127.0.0.1:4610',
        );
        assert.equal(
            refusal(() => sandboxRegion("file:///tmp/x")).message,
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
