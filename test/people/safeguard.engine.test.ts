// What a change does to people, on the real engine: one stack of the root program against a
// sandbox org of 320 people in four overlapping groups, walked through every cause. Each preview
// must show the exact count; an `up` over the threshold is refused with zero writes; allowed with
// the shown count, exactly those people are deactivated in CXone and no one else. The same for
// `pulumi destroy`. The arithmetic of each cause is proven without servers in impact.unit.test.ts.
//
// People: A = 0-149, B = 100-249, C = 200-299, D = 280-319; person 0 is also assigned directly.
// The tests run in order: each builds on the world the previous one left.
import { strict as assert } from "assert";
import { completeConsoleSteps } from "../../sandbox/operator";
import { addPeople, type Population } from "../../sandbox/okta/population";
import { pulumi } from "../../scripts/lib/pulumiCommand";
import { integrationFixture, writes, type IntegrationFixture } from "../support/integrationStack";
import { oktaConsole } from "../support/scimWorld";

const range = (from: number, to: number) => Array.from({ length: to - from }, (_x, k) => from + k);

describe("people: the impact of every cause, and the safeguard (real engine)", function () {
    this.timeout(600_000);
    let f: IntegrationFixture;
    let pop: Population;
    let appId: string;
    let g: Record<string, string>;
    const key = (k: string) => `cxone-okta-scim:${k}`;
    const set = (k: string, v: unknown) =>
        f.stack.stack.setConfig(key(k), { value: typeof v === "string" ? v : JSON.stringify(v) });
    const unset = (k: string) => f.stack.stack.removeConfig(key(k));
    const groups = (...names: string[]) =>
        set(
            "groupIds",
            names.map((n) => g[n]),
        );
    const cli = (...args: string[]) =>
        pulumi(f.stack.workDir, f.stack.env, ...args, "--stack", f.stack.stack.name);
    /** CXone's active users among the 320, by person number */
    const activeInCxone = () => {
        const logins = new Set(
            Object.values(f.sandbox.context.state.cxone.users)
                .filter((u) => u.status !== "BLOCKED" && u.status !== "DELETED")
                .map((u) => u.userName),
        );
        return range(0, 320).filter((i) => logins.has(pop.login(i)));
    };
    /** Okta's provisioning has run for every change so far */
    const settled = () => oktaConsole(f.sandbox).sync(appId);

    before(async () => {
        f = await integrationFixture("people", { "cxone-okta-scim:deactivateUsers": "false" });
        pop = addPeople(f.sandbox.context.state.okta, 320, [
            { name: "A", has: (i) => i < 150 },
            { name: "B", has: (i) => i >= 100 && i < 250 },
            { name: "C", has: (i) => i >= 200 && i < 300 },
            { name: "D", has: (i) => i >= 280 },
        ]);
        f.sandbox.context.save();
        g = pop.groupIds;
        await groups("A", "B", "C");
        await f.stack.up();
        const o = await f.outputs();
        appId = o.appId;
        const admin = {
            email: f.sandbox.endpoints.cxone.adminEmail,
            password: f.sandbox.endpoints.cxone.adminPassword,
        };
        assert.ok((await completeConsoleSteps(f.sandbox.urls.okta, o, admin)).ok);
        // person 0 is also assigned directly (as an admin would in the console)
        const direct = await fetch(`${f.sandbox.urls.okta}/api/v1/apps/${appId}/users`, {
            method: "POST",
            headers: {
                Authorization: `SSWS ${f.sandbox.endpoints.okta.apiToken}`,
                "Content-Type": "application/json",
            },
            body: JSON.stringify({ id: pop.userIds[0] }),
        });
        assert.equal(direct.status, 200);
        await f.stack.up();
        await settled();
        assert.deepEqual(activeInCxone(), range(0, 300), "A, B and C provisioned");
    });
    after(() => f?.sandbox.stop());

    it("a preview shows each cause with its exact count", async () => {
        // B replaced by D while deactivateUsers is switched on; updates and creates switched off;
        // another employee for the key
        await groups("A", "D", "C");
        await set("deactivateUsers", "true");
        await set("updateUserAttributes", "false");
        await set("createUsers", "false");
        await f.stack.stack.setConfig("cxone:employeeEmail", {
            value: "scim.other@sandbox.example",
        });
        await set("allowDeactivations", "50");
        let p = await cli("preview");
        assert.equal(p.code, 0, p.output);
        const text = p.output.replace(/\s+/g, " ");
        assert.match(
            text,
            /this update makes Okta deactivate 50 CXone users: agent\.150@example\.com, /,
        );
        assert.match(
            text,
            /and 40 more\. Why: groupIds no longer lists [^,]*, and they are in no other/,
        );
        assert.match(text, /deactivateUsers is switched on/);
        assert.match(text, /Okta stops pushing profile changes for 250 CXone users/);
        assert.match(text, /Okta will not create 20 people in scope/);
        assert.match(
            text,
            /Provisioning stops until a person acts: .*another employee for the key/,
        );
        assert.match(text, /People: 300 CXone users provisioned through the app now, 250 after/);

        // A removed with deactivateUsers off (as the stack began; unset, it defaults to on): its
        // own people keep their account, unmanaged
        await set("deactivateUsers", "false");
        for (const k of ["updateUserAttributes", "createUsers", "allowDeactivations"])
            await unset(k);
        await f.stack.stack.removeConfig("cxone:employeeEmail");
        await groups("B", "C");
        p = await cli("preview");
        assert.equal(p.code, 0, p.output);
        assert.match(
            p.output.replace(/\s+/g, " "),
            /Okta stops managing 99 CXone users, who keep their CXone access .*: agent\.001@example\.com,/,
        );
    });

    it("an up over the threshold is refused with zero writes; allowed with the shown count, exactly those people are deactivated", async () => {
        await set("deactivateUsers", "true");
        await settled();
        f.sandbox.clearRequests();
        const refused = await cli("up", "--yes", "--skip-preview");
        assert.notEqual(refused.code, 0);
        const text = refused.output.replace(/\s+/g, " ");
        assert.match(
            text,
            /refused: this update would make Okta deactivate 99 CXone users: agent\.001@example\.com, agent\.002/,
        );
        assert.match(text, /more than deactivationThreshold \(0\)/);
        assert.match(text, /`pulumi config set allowDeactivations 99`/);
        assert.deepEqual(writes(f.sandbox), [], "nothing written");
        assert.deepEqual(activeInCxone(), range(0, 300));

        await set("allowDeactivations", "99");
        const up = await cli("up", "--yes", "--skip-preview");
        assert.equal(up.code, 0, up.output);
        await settled();
        // persons 1-99 were in A only; 0 is assigned directly
        assert.deepEqual(activeInCxone(), [0, ...range(100, 300)]);
        assert.equal((await f.outputs()).provisionedUsers, 300, "as read before the change");
    });

    it("pulumi destroy: told with --run-program, refused over the threshold with zero writes, then exactly those", async () => {
        const told = await cli("destroy", "--preview-only", "--run-program");
        const text = told.output.replace(/\s+/g, " ");
        assert.match(text, /`pulumi destroy` makes Okta deactivate 200 CXone users: agent\.100@/);
        assert.match(text, /deleting the app deactivates the 1 CXone user assigned to it directly/);
        assert.match(text, /CXone keeps every user as they are/);

        f.sandbox.clearRequests();
        const refused = await cli("destroy", "--yes", "--skip-preview");
        assert.notEqual(refused.code, 0);
        assert.match(
            refused.output.replace(/\s+/g, " "),
            /refused: `pulumi destroy` would make Okta deactivate 201 CXone users \(200, and 1 assigned directly/,
        );
        assert.deepEqual(writes(f.sandbox), [], "nothing written");

        await set("allowDeactivations", "201");
        assert.equal((await cli("up", "--yes", "--skip-preview")).code, 0);
        const destroyed = await cli("destroy", "--yes", "--skip-preview");
        assert.equal(destroyed.code, 0, destroyed.output);
        // the group-assigned people are deactivated; person 0 (direct) keeps the account
        assert.deepEqual(activeInCxone(), [0]);
    });
});
