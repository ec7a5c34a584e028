// The Okta side of "adoption that cannot steal" and "no silent no-ops", against the sandbox over
// real HTTP: an app is adopted only with this stack's mark in its admin notes (or its explicit id);
// a group is looked up before it is assigned, so a name given for an id fails saying an id is
// needed, with no write, and Okta's built-in Everyone group is reported as such.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import app from "../../provider/okta/autoLoginAppProvider";
import group from "../../provider/okta/groupAssignmentProvider";
import { startSandbox, RunningSandbox } from "../../sandbox/index";

describe("Okta ownership marks and group look-ups (sandbox, HTTP)", function () {
    this.timeout(60_000);
    let sandbox: RunningSandbox;
    const savedToken = process.env.OKTA_API_TOKEN;
    let base: { orgUrl: string; loginUrl: string; active: boolean; adoptExisting: boolean };
    const writes = () => sandbox.requests().filter((r) => r.method !== "GET");

    before(async () => {
        sandbox = await startSandbox({
            dir: fs.mkdtempSync(path.join(os.tmpdir(), "ownership-")),
            cxonePort: 0,
            oktaPort: 0,
        });
        process.env.OKTA_API_TOKEN = sandbox.endpoints.okta.apiToken;
        base = {
            orgUrl: sandbox.urls.okta,
            loginUrl: `${sandbox.urls.cxone}/login`,
            active: true,
            adoptExisting: false,
        };
    });
    after(async () => {
        process.env.OKTA_API_TOKEN = savedToken;
        if (savedToken === undefined) delete process.env.OKTA_API_TOKEN;
        await sandbox?.stop();
    });

    it("writes the stack's mark into the app's admin notes; adopts only the app carrying it", async () => {
        const made = await app.create({ ...base, label: "NICE CXone owned", owner: "proj/a" });
        const live = sandbox.context.state.okta.apps[made.id];
        assert.equal(live.settings.notes.admin, "[pulumi stack: proj/a]");
        sandbox.clearRequests();
        await assert.rejects(
            app.create({
                ...base,
                label: "NICE CXone owned",
                owner: "proj/b",
                adoptExisting: true,
            }),
            (e: Error) => {
                assert.match(
                    e.message,
                    /Okta app "NICE CXone owned" \(id \w+\) is managed by Pulumi stack proj\/a: it is not adopted; choose another appLabel/,
                );
                assert.doesNotMatch(e.message, /set adopt/);
                return true;
            },
        );
        assert.deepEqual(writes(), [], "another stack's app untouched");
        const adopted = await app.create({
            ...base,
            label: "NICE CXone owned",
            owner: "proj/a",
            adoptExisting: true,
        });
        assert.equal(adopted.id, made.id);
    });

    it("an unmarked app of that label is adopted only with its explicit id (adoptAppId)", async () => {
        const byHand = await app.create({ ...base, label: "NICE CXone by hand" });
        sandbox.clearRequests();
        await assert.rejects(
            app.create({
                ...base,
                label: "NICE CXone by hand",
                owner: "proj/a",
                adoptExisting: true,
            }),
            /carries no mark of this stack, so it is not adopted; .*set adoptAppId: "/,
        );
        assert.deepEqual(writes(), []);
        const adopted = await app.create({
            ...base,
            label: "NICE CXone by hand",
            owner: "proj/a",
            adoptExisting: true,
            adoptAppId: byHand.id,
        });
        assert.equal(adopted.id, byHand.id);
    });

    it("a group name given for an id: the error says an id is needed and where to find it, no write", async () => {
        const made = await app.create({ ...base, label: "NICE CXone groups" });
        sandbox.clearRequests();
        await assert.rejects(
            group.create({ orgUrl: base.orgUrl, appId: made.id, groupId: "Agents" }),
            (e: Error) => {
                assert.match(
                    e.message,
                    /groupId: Okta has no group with id "Agents"; "Agents" does not look like an Okta group id .* give the group's id, not its name\. Find it in the Okta Admin Console under Directory > Groups/,
                );
                return true;
            },
        );
        assert.deepEqual(writes(), []);
    });

    it("assigning Okta's built-in Everyone group reports its type, for the component's warning", async () => {
        const made = await app.create({ ...base, label: "NICE CXone everyone" });
        const everyone = Object.values(sandbox.context.state.okta.groups).find(
            (g) => g.type === "BUILT_IN",
        )!;
        const r = await group.create({ orgUrl: base.orgUrl, appId: made.id, groupId: everyone.id });
        assert.equal(r.outs.groupType, "BUILT_IN");
        assert.equal(r.outs.groupName, "Everyone");
    });
});
