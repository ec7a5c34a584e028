// The one loopback rule: only names that can mean nothing but this machine are loopback.
import { strict as assert } from "assert";
import { isLoopbackHost, isLoopbackUrl } from "../../provider/core/loopback";
import { check, httpsUrl } from "../../provider/checks";
import { checkEndpoint } from "../../provider/cxone/validation";

const LOOPBACK = [
    "http://127.0.0.1:4620",
    "http://[::1]:3",
    "http://localhost",
    "http://LOCALHOST:1",
    "http://127.1.2.3",
    "http://[0:0:0:0:0:0:0:1]/x",
];
const NOT_LOOPBACK = [
    "http://127.evil.example",
    "http://127.0.0.1.nip.io",
    "http://localhost.example",
    "http://evil.example/127.0.0.1",
    "http://user@evil.example",
    "http://128.0.0.1",
    "http://[::2]",
    "https://dev-1.okta.com",
    "not a url",
    "",
];

describe("core: the loopback rule", () => {
    it("accepts 127.0.0.0/8, [::1] and localhost", () => {
        for (const u of LOOPBACK) assert.equal(isLoopbackUrl(u), true, u);
    });
    it("refuses names that only look like loopback (127.evil.example, 127.0.0.1.nip.io, localhost.example)", () => {
        for (const u of NOT_LOOPBACK) assert.equal(isLoopbackUrl(u), false, u);
    });
    it("takes host names with or without brackets", () => {
        assert.equal(isLoopbackHost("::1"), true);
        assert.equal(isLoopbackHost("[::1]"), true);
        assert.equal(isLoopbackHost("127.example"), false);
    });
    it("the Okta and CXone input checks allow plain http on loopback only, by the same rule", () => {
        for (const u of [...LOOPBACK, ...NOT_LOOPBACK.filter((x) => x.startsWith("http://"))]) {
            const okta: { property: string; reason: string }[] = [];
            check(okta, "orgUrl", u, httpsUrl());
            const cxone: { property: string; reason: string }[] = [];
            checkEndpoint(cxone, { issuerUrl: u, areaUrl: "https://na1.nice-incontact.com" });
            const https = (f: { reason: string }[]) =>
                f.some((x) => /must use https/.test(x.reason));
            assert.equal(https(okta), !isLoopbackUrl(u), `okta ${u}`);
            assert.equal(https(cxone), !isLoopbackUrl(u), `cxone ${u}`);
        }
    });
});
