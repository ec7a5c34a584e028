// The one loopback rule (provider/core/loopback.ts): only names that can mean nothing but this
// machine are loopback: every spelling of ::1, the 127/8 block, and *.localhost names (which the
// CXone client pins to this machine) against their look-alikes.
import { strict as assert } from "assert";
import { isLocalhostName, isLoopbackHost, isLoopbackUrl } from "../../provider/core/loopback";
import { check, httpsUrl } from "../../provider/framework/checks";
import { checkEndpoint } from "../../provider/cxone/validation";

// each name or URL gets the same answer from the rule
function answers(rule: (x: string) => boolean, expected: boolean, all: string[]): void {
    for (const x of all) assert.equal(rule(x), expected, x);
}

describe("core: loopback hosts and localhost names", () => {
    it("::1 in every spelling is loopback; other IPv6 addresses are not", () => {
        answers(isLoopbackHost, true, [
            "::1",
            "[::1]",
            "0:0:0:0:0:0:0:1",
            "0000:0000:0000:0000:0000:0000:0000:0001",
        ]);
        answers(isLoopbackHost, false, [
            "::2",
            "1:0:0:0:0:0:0:1",
            "0:0:0:0:0:0:0:10",
            "0:0:0:0:0:0:1:1",
            "::",
            "fe80::1",
        ]);
    });
    it("IPv4: the whole 127/8 block, nothing else", () => {
        answers(isLoopbackHost, true, ["127.0.0.1", "127.255.255.254"]);
        answers(isLoopbackHost, false, ["10.0.0.1", "1.127.0.0", "0.0.0.0", "128.0.0.1"]);
    });
    it("localhost in any case, but not a name that merely contains it", () => {
        assert.equal(isLoopbackHost("LocalHost"), true);
        answers(isLoopbackHost, false, ["xlocalhost", "[localhost", "a[::1]"]);
        assert.equal(isLoopbackUrl("http://[::1]:8080/path"), true);
    });
    it("*.localhost names, with or without a trailing dot, in any case", () => {
        answers(isLocalhostName, true, [
            "localhost",
            "api-na1.localhost",
            "NA1.LOCALHOST",
            "a.localhost.",
            "localhost.",
        ]);
    });
    it("look-alikes are ordinary DNS names", () => {
        answers(isLocalhostName, false, [
            "localhost.example",
            "evil-localhost",
            "xlocalhost",
            "a.localhost.x",
            "a.localhostx",
            "a.localhost..",
        ]);
    });
});

// The one loopback rule: only names that can mean nothing but this machine are loopback.
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
        answers(isLoopbackUrl, true, LOOPBACK);
    });
    it("refuses names that only look like loopback (127.evil.example, 127.0.0.1.nip.io, localhost.example)", () => {
        answers(isLoopbackUrl, false, NOT_LOOPBACK);
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
