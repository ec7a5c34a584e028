// The emulated Okta Groups API's 404s (sandbox/okta/routes/groups.ts): each names the object it
// did not find, group or user, in Okta's E0000007 words, and a refused membership changes nothing.
import * as assert from "assert";
import { sandboxForSuite } from "../support/sandbox";
import { sandboxOktaApi, type OktaAnswer } from "../support/sandboxOktaApi";

describe("sandbox Okta: Groups API not-found answers (routes/groups.ts)", function () {
    this.timeout(20000);
    const f = sandboxForSuite();
    const okta = sandboxOktaApi(() => f.sandbox);
    const notFound = (r: OktaAnswer, what: string) => {
        assert.strictEqual(r.status, 404, JSON.stringify(r.body));
        assert.strictEqual(r.body.errorCode, "E0000007");
        assert.strictEqual(r.body.errorSummary, `Not found: Resource not found: ${what}`);
    };

    it("an unknown group's members and an unknown group are 404 naming the group", async () => {
        notFound(await okta("GET", "/api/v1/groups/00gnope/users"), "00gnope (UserGroup)");
        notFound(await okta("GET", "/api/v1/groups/00gnope"), "00gnope (UserGroup)");
    });

    it("adding or removing an unknown user is 404 naming the user; the members stay", async () => {
        const agents = (await okta("GET", "/api/v1/groups?q=CXone")).body[0].id as string;
        const members = async () =>
            (await okta("GET", `/api/v1/groups/${agents}/users`)).body.map(
                (u: { id: string }) => u.id,
            );
        const before = await members();
        for (const m of ["PUT", "DELETE"])
            notFound(await okta(m, `/api/v1/groups/${agents}/users/00unope`), "00unope (User)");
        assert.deepStrictEqual(await members(), before);
    });
});
