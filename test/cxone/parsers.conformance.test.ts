// Conformance of our CXone parsers with NICE's own (npm @nice-devone/* 25.1.2): for generated
// inputs, the product reads hosts, tokens, user ids and `billable` exactly as NICE's code does.
// NICE's functions run unmodified in the browser host of cxoneSdkHost.ts.
import { strict as assert } from "assert";
import fc from "fast-check";
import { tokenFields } from "../../provider/cxone/accessKeyToken";
import { billableOf } from "../../provider/cxone/client";
import { userIdFromClaims } from "../../provider/cxone/jwt";
import { hostsFromDiscovery } from "../../provider/cxone/discovery/regions";
import { installBrowser } from "../support/cxoneSdkHost";

type CommonSdk = typeof import("@nice-devone/common-sdk");
type AuthSdk = typeof import("@nice-devone/auth-sdk");

describe("conformance: our CXone parsers agree with NICE's", function () {
    this.timeout(60_000);
    let browser: ReturnType<typeof installBrowser>;
    let common: CommonSdk;
    let auth: AuthSdk;
    before(() => {
        browser = installBrowser();
        common = require("@nice-devone/common-sdk");
        auth = require("@nice-devone/auth-sdk");
    });
    after(() => browser?.close());

    // "--" in the third and fourth places is reserved for IDNA ("xn--"), which no real host name
    // breaks (a URL parser refuses e.g. "xn--0"; discovery.unit covers our refusal of it)
    const notReserved = (l: string) => l.slice(2, 4) !== "--";
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?$/).filter(notReserved);
    // a top-level label starts with a letter (a host may not end in a number)
    const top = fc.stringMatching(/^[a-z]([a-z0-9-]{0,8}[a-z0-9])?$/).filter(notReserved);
    const suffix = fc
        .tuple(
            fc.array(label, { maxLength: 2 }),
            top,
            fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
        )
        .map(
            ([labels, tld, p]) => `${[...labels, tld].join(".")}${p === undefined ? "" : `:${p}`}`,
        );

    it("hosts: area host, UserHub and ACD as NICE's CXoneConfiguration and whoami derive them", () => {
        fc.assert(
            fc.property(
                label,
                label,
                suffix,
                suffix,
                suffix,
                (area, cluster, domain, uhDomain, acdDomain) => {
                    const doc = {
                        area,
                        cluster,
                        domain,
                        uhDomain,
                        acdDomain,
                        api_endpoint: `https://api-${cluster}.${acdDomain}/inContactAPI`,
                    };
                    const nice = new common.CXoneConfiguration();
                    nice.parseData(doc);
                    nice.setAuthEndPoints(true, { tenantId: "t", userId: "u" });
                    const ours = hostsFromDiscovery(doc, "https://cxone.niceincontact.com");
                    assert.equal(ours.areaUrl, nice.userHubBaseUrl);
                    assert.equal(ours.userHubUrl, nice.apiFacadeBaseUri);
                    assert.equal(
                        `${ours.acdUrl}/incontactauthorizationserver/token`,
                        auth.CXoneAuth.instance["getAcdAuthorizationTokenEndpoint"](
                            cluster,
                            acdDomain,
                        ),
                    );
                    assert.equal(ours.apiEndpoint, nice.acdApiBaseUri);
                },
            ),
        );
    });

    it("tokens: either casing gives the same access token, refresh token and lifetime", () => {
        const text = fc.string({ minLength: 1, maxLength: 20 });
        const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
        fc.assert(
            fc.property(
                fc.record(
                    {
                        access_token: maybe(text),
                        accessToken: maybe(text),
                        refresh_token: maybe(text),
                        refreshToken: maybe(text),
                        expires_in: maybe(fc.integer({ min: 1, max: 86_400 })),
                        accessTokenExpiry: maybe(fc.integer({ min: 1, max: 86_400 })),
                        id_token: maybe(text),
                    },
                    { requiredKeys: [] },
                ),
                (data) => {
                    const nice = new common.AuthToken();
                    nice.parseData(data);
                    const ours = tokenFields(data);
                    assert.equal(ours.accessToken, nice.accessToken);
                    assert.equal(ours.refreshToken, nice.refreshToken);
                    assert.equal(ours.expiresIn, nice.expiresIn);
                    assert.equal(ours.idToken, nice.idToken);
                },
            ),
        );
    });

    it("user id: the userId claim, else sub without its first 5 characters", () => {
        const id = fc.string({ minLength: 1, maxLength: 40 });
        fc.assert(
            fc.property(
                fc.option(id, { nil: undefined }),
                fc.option(fc.string({ minLength: 6, maxLength: 45 }), { nil: undefined }),
                (userId, sub) => {
                    fc.pre(userId !== undefined || sub !== undefined);
                    const claims = {
                        tenantId: "t",
                        ...(userId !== undefined ? { userId } : {}),
                        ...(sub !== undefined ? { sub } : {}),
                    };
                    // with user details given, NICE reads them instead of decoding the token
                    auth.CXoneUser.instance.setUserDetails(new common.AuthToken(), claims);
                    assert.equal(
                        userIdFromClaims(claims),
                        auth.CXoneUser.instance.getUserInfo().userId,
                    );
                },
            ),
        );
    });

    it("billable: booleans and strings read as NICE's parseBooleanString reads them", () => {
        const words = fc.constantFrom(
            "true",
            "TRUE",
            "True",
            "on",
            "ON",
            "false",
            "off",
            "",
            " true",
            "yes",
            "1",
        );
        fc.assert(
            fc.property(fc.oneof(fc.boolean(), words, fc.string()), (v) => {
                assert.equal(billableOf(v), common.parseBooleanString(v));
            }),
        );
    });
});
