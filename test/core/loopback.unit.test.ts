// The loopback rule at the edges: every spelling of ::1, the 127/8 block, and *.localhost names
// (which the CXone client pins to this machine) against their look-alikes.
import { strict as assert } from "assert";
import { isLocalhostName, isLoopbackHost, isLoopbackUrl } from "../../provider/core/loopback";

describe("core: loopback hosts and localhost names", () => {
    it("::1 in every spelling is loopback; other IPv6 addresses are not", () => {
        for (const h of [
            "::1",
            "[::1]",
            "0:0:0:0:0:0:0:1",
            "0000:0000:0000:0000:0000:0000:0000:0001",
        ])
            assert.equal(isLoopbackHost(h), true, h);
        for (const h of [
            "::2",
            "1:0:0:0:0:0:0:1",
            "0:0:0:0:0:0:0:10",
            "0:0:0:0:0:0:1:1",
            "::",
            "fe80::1",
        ])
            assert.equal(isLoopbackHost(h), false, h);
    });
    it("IPv4: the whole 127/8 block, nothing else", () => {
        for (const h of ["127.0.0.1", "127.255.255.254"]) assert.equal(isLoopbackHost(h), true, h);
        for (const h of ["10.0.0.1", "1.127.0.0", "0.0.0.0", "128.0.0.1"])
            assert.equal(isLoopbackHost(h), false, h);
    });
    it("localhost in any case, but not a name that merely contains it", () => {
        assert.equal(isLoopbackHost("LocalHost"), true);
        for (const h of ["xlocalhost", "[localhost", "a[::1]"])
            assert.equal(isLoopbackHost(h), false, h);
        assert.equal(isLoopbackUrl("http://[::1]:8080/path"), true);
    });
    it("*.localhost names, with or without a trailing dot, in any case", () => {
        for (const h of [
            "localhost",
            "api-na1.localhost",
            "NA1.LOCALHOST",
            "a.localhost.",
            "localhost.",
        ])
            assert.equal(isLocalhostName(h), true, h);
    });
    it("look-alikes are ordinary DNS names", () => {
        for (const h of [
            "localhost.example",
            "evil-localhost",
            "xlocalhost",
            "a.localhost.x",
            "a.localhostx",
            "a.localhost..",
        ])
            assert.equal(isLocalhostName(h), false, h);
    });
});
