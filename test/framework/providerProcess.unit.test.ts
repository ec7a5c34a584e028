// The dynamic-provider process drops the SDK host's `${e}: ${e.stack}` print for this package's
// own errors (the engine prints their message anyway) and keeps every other print. Called here as
// the host calls it: console.error with that one string.
import { strict as assert } from "assert";
import { isOurStackPrint } from "../../provider/framework/providerProcess";
import { VendorError } from "../../provider/core/errors";
import { CxoneError, PartialCreateError } from "../../provider/cxone/errors";
import { CxoneRequestError } from "../../provider/cxone/scim";
import { OktaError } from "../../provider/okta/errors";
import { RegionError } from "../../provider/cxone/discovery/regions";
import { UnconfirmedFactError } from "../../provider/core/unconfirmed";

/** What the SDK's provider host prints for a failed call. */
const hostPrint = (e: Error) => `${e}: ${e.stack}`;

function stderrOf(fn: () => void): string {
    const chunks: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((chunk: string | Uint8Array) => {
        chunks.push(String(chunk));
        return true;
    }) as typeof process.stderr.write;
    try {
        fn();
    } finally {
        process.stderr.write = write;
    }
    return chunks.join("");
}

describe("provider process: quiet stack prints for the package's own errors", () => {
    const ours = [
        new CxoneError({
            operation: 'create CXone role "SCIM"',
            status: 409,
            code: "EXISTS",
            detail: "taken",
        }),
        new OktaError({ operation: "read app 0oa1", status: 404, okta: { errorCode: "E0000007" } }),
        new CxoneRequestError({
            operation: "list SCIM users",
            kind: "http",
            host: "na1.nice-incontact.com",
            status: 401,
        }),
        new PartialCreateError("11", {}, new Error("role made, permissions failed")),
        new RegionError("region", 'unknown region "xx1"'),
        new VendorError({ vendor: "CXone", operation: "read role 1", status: 500 }),
        new UnconfirmedFactError({
            operation: 'create CXone role "SCIM"',
            fact: { id: "role-create-route", mark: "seen", statement: "s", source: "t" },
            answer: new CxoneError({
                operation: 'create CXone role "SCIM"',
                status: 404,
                detail: "No endpoint",
            }),
            wayOn: ["one", "two"],
        }),
    ];

    it("recognises the host's print of each of the package's errors", () => {
        for (const e of ours) assert.equal(isOurStackPrint(hostPrint(e)), true, e.name);
    });

    it("keeps a bug's stack, a bare message, and a look-alike inside other text", () => {
        assert.equal(isOurStackPrint(hostPrint(new TypeError("x is undefined"))), false);
        assert.equal(isOurStackPrint(`${ours[0]}`), false, "no stack: not the host's print");
        assert.equal(isOurStackPrint(`warning: ${hostPrint(ours[0])}`), false);
        assert.equal(isOurStackPrint("CxoneError: two\nlines\n    at x"), false);
        assert.equal(isOurStackPrint("UnconfirmedFactError: a\nb: other\n    at x"), false);
    });

    it("console.error drops exactly that print and passes every other one through", () => {
        const bug = hostPrint(new TypeError("x is undefined"));
        const out = stderrOf(() => {
            console.error(hostPrint(ours[0]));
            console.error(hostPrint(ours[1]));
            console.error(bug);
            console.error(hostPrint(ours[3]), "with a second argument");
            console.error(ours[2]);
        });
        assert.ok(!out.includes("could not create CXone role"), out);
        assert.ok(!out.includes("could not read app 0oa1"), out);
        assert.ok(out.startsWith(bug + "\n"), out);
        assert.ok(out.includes("role made, permissions failed"), out);
        assert.ok(out.includes(" with a second argument\n"), out);
        assert.ok(out.includes("could not list SCIM users"), out);
    });
});
