// The stop on an unconfirmed fact: its message in the operator's words, and which answers say a
// route does not exist (as opposed to a missing object).
import { strict as assert } from "assert";
import { UnconfirmedFactError } from "../../provider/core/unconfirmed";
import { answerOf, markOf, routeAbsent } from "../../provider/core/unconfirmed";
import { CxoneError } from "../../provider/cxone/errors";
import { ROLE_CREATE_ROUTE } from "../../provider/cxone/facts";

describe("a stop on an unconfirmed fact", () => {
    it("says what could not be done, the vendor's answer, the fact with its mark and source, nothing written, the way on", () => {
        const e = new UnconfirmedFactError({
            operation: 'create CXone role "SCIM Access Key"',
            fact: ROLE_CREATE_ROUTE,
            answer: new CxoneError({
                operation: 'create CXone role "SCIM Access Key"',
                status: 404,
                code: "Not Found",
                detail: "No endpoint",
            }),
            wayOn: ["Make it by hand.", "Adopt it."],
        });
        assert.equal(
            e.message,
            'could not create CXone role "SCIM Access Key": CXone answered HTTP 404 (code Not Found: No endpoint).\n' +
                "This rests on a fact the project could not confirm [seen:role-create-route]: CXone roles are created with POST /authorization/roleByPermissions (seen only in NICE's internal test utilities; no documented endpoint); your tenant answers otherwise.\n" +
                "Nothing was written for this step.\n" +
                "The way on:\n" +
                "  1. Make it by hand.\n" +
                "  2. Adopt it.\n" +
                "(docs/vendor-facts/unconfirmed.md lists every such fact.)",
        );
        assert.equal(e.fact.id, "role-create-route");
        assert.equal(e.name, "UnconfirmedFactError");
        assert.equal(e.answered, "CXone answered HTTP 404 (code Not Found: No endpoint)");
        assert.ok(e.vendorError instanceof CxoneError);
        assert.equal(markOf(ROLE_CREATE_ROUTE), "[seen:role-create-route]");
    });

    it("the answer in a line: status, code and detail; or that none came; or a described shape", () => {
        assert.equal(
            answerOf(new CxoneError({ operation: "x", status: 400, code: "BAD", detail: "why" })),
            "CXone answered HTTP 400 (code BAD: why)",
        );
        assert.equal(
            answerOf(new CxoneError({ operation: "x", status: undefined, detail: "ENOTFOUND" })),
            "no answer from CXone",
        );
        assert.equal(
            answerOf(new CxoneError({ operation: "x", status: undefined, code: "ECONNRESET" })),
            "no answer from CXone (ECONNRESET)",
        );
        assert.equal(
            answerOf(new CxoneError({ operation: "x", status: 400, detail: "why" })),
            "CXone answered HTTP 400 (why)",
        );
        assert.equal(
            answerOf(new CxoneError({ operation: "x", status: 409, code: "TAKEN" })),
            "CXone answered HTTP 409 (code TAKEN)",
        );
        assert.equal(
            answerOf(new CxoneError({ operation: "x", status: 502 })),
            "CXone answered HTTP 502",
        );
        assert.equal(answerOf(new Error("socket hang up")), "socket hang up");
        assert.equal(answerOf("the token carries no claim"), "the token carries no claim");
    });

    it("a described shape is the answer, with no vendor error behind it; what was written is said", () => {
        const e = new UnconfirmedFactError({
            operation: "sign in to CXone",
            fact: ROLE_CREATE_ROUTE,
            answer: "the token carries no tenant claim",
            written: "The role was created.",
            wayOn: ["Ask NICE."],
        });
        assert.equal(e.vendorError, undefined);
        assert.equal(e.answered, "the token carries no tenant claim");
        assert.deepEqual(e.wayOn, ["Ask NICE."]);
        assert.deepEqual(e.message.split("\n").slice(0, 1).concat(e.message.split("\n").slice(2)), [
            "could not sign in to CXone: the token carries no tenant claim.",
            "The role was created.",
            "The way on:",
            "  1. Ask NICE.",
            "(docs/vendor-facts/unconfirmed.md lists every such fact.)",
        ]);
    });

    it("a 404 naming a missing object by a longer code, or a code that only contains one, decides", () => {
        const on404 = (code: string) =>
            routeAbsent(new CxoneError({ operation: "x", status: 404, code }));
        assert.equal(on404("USER_ROLE_NOT_FOUND"), false);
        assert.equal(on404("E0000007_NOT_FOUND"), false);
        // not a vendor code of a missing object: the route is absent
        assert.equal(on404("no ROLE_NOT_FOUND"), true);
        assert.equal(on404("ROLE_NOT_FOUND_HERE"), true);
        assert.equal(on404("ROLE_not_NOT_FOUND"), true);
        // only a vendor error says anything about a route
        assert.equal(routeAbsent({ status: 405 }), false);
        assert.equal(routeAbsent({ status: 404 }), false);
    });

    it("a route is absent on 405, 501 and a 404 that names no missing object", () => {
        assert.equal(
            routeAbsent(
                new CxoneError({
                    operation: "x",
                    status: 404,
                    code: "Not Found",
                    detail: "No endpoint",
                }),
            ),
            true,
        );
        assert.equal(routeAbsent(new CxoneError({ operation: "x", status: 404 })), true);
        assert.equal(routeAbsent(new CxoneError({ operation: "x", status: 405 })), true);
        assert.equal(routeAbsent(new CxoneError({ operation: "x", status: 501 })), true);
        assert.equal(
            routeAbsent(
                new CxoneError({
                    operation: "x",
                    status: 404,
                    code: "ROLE_NOT_FOUND",
                    detail: "Role r not found",
                }),
            ),
            false,
        );
        assert.equal(routeAbsent(new CxoneError({ operation: "x", status: 400 })), false);
        assert.equal(routeAbsent(new Error("404")), false);
    });
});
