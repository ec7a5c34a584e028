// The GroupAssignment provider's every method called directly against the sandbox over real HTTP:
// exact outputs, the calls made, and the app's group assignments as Okta's API shows them.
import { strict as assert } from "assert";
import group from "../../provider/okta/groupAssignmentProvider";
import { oktaNewApp } from "../support/oktaApps";
import { sandboxForSuite } from "../support/sandbox";

describe("GroupAssignment provider against the sandbox (HTTP)", function () {
    this.timeout(30_000);
    const f = sandboxForSuite();
    let agents: string;
    before(async () => {
        const g = await f.api("GET", "/api/v1/groups?q=CXone%20Agents");
        agents = g.data[0].id;
    });

    const newApp = () => oktaNewApp(f, "Groups", true);
    const assigned = async (appId: string): Promise<string[]> =>
        (await f.api("GET", `/api/v1/apps/${appId}/groups`)).data.map((g: { id: string }) => g.id);

    it("check passes valid ids through and names a missing one", async () => {
        const news = { orgUrl: f.orgUrl, appId: "0oa1", groupId: agents };
        assert.deepEqual(await group.check({}, news), { inputs: news, failures: [] });
        const bad = await group.check({}, { orgUrl: f.orgUrl, appId: "0oa1" });
        assert.deepEqual(
            bad.failures.map((x) => x.property),
            ["groupId"],
        );
    });

    it("diff: any change is another assignment (replace)", async () => {
        const s = { orgUrl: f.orgUrl, appId: "0oa1", groupId: agents };
        assert.deepEqual(await group.diff("x", s, s), { changes: false, replaces: [] });
        assert.deepEqual(await group.diff("x", s, { ...s, groupId: "00gother" }), {
            changes: true,
            replaces: ["groupId"],
        });
    });

    it("create reads the group, assigns it (one PUT) and records its name and type", async () => {
        const appId = await newApp();
        f.sandbox.clearRequests();
        const s = { orgUrl: f.orgUrl, appId, groupId: agents };
        const r = await group.create(s);
        assert.deepEqual(f.oktaCalls(), [
            `GET /api/v1/groups/${agents}`,
            `PUT /api/v1/apps/${appId}/groups/${agents}`,
        ]);
        assert.deepEqual(r, {
            id: `${appId}/${agents}`,
            outs: { ...s, groupName: "CXone Agents", groupType: "OKTA_GROUP" },
        });
        assert.deepEqual(await assigned(appId), [agents]);
    });

    it("create given the group's name and type (the program read them before any write): one PUT, no read", async () => {
        const appId = await newApp();
        f.sandbox.clearRequests();
        const s = {
            orgUrl: f.orgUrl,
            appId,
            groupId: agents,
            groupName: "CXone Agents",
            groupType: "OKTA_GROUP",
        };
        const r = await group.create(s);
        assert.deepEqual(f.oktaCalls(), [`PUT /api/v1/apps/${appId}/groups/${agents}`]);
        assert.deepEqual(r, { id: `${appId}/${agents}`, outs: s });
        assert.deepEqual(await assigned(appId), [agents]);
        // an existing stack's state has neither as an input: no change
        const { groupName: _n, groupType: _t, ...old } = s;
        assert.deepEqual(await group.diff(r.id, old, s), { changes: false, replaces: [] });
    });

    it("create with an id Okta does not know fails before any write", async () => {
        const appId = await newApp();
        f.sandbox.clearRequests();
        const missing = "00g00000000000000000";
        await assert.rejects(group.create({ orgUrl: f.orgUrl, appId, groupId: missing }), {
            message:
                `groupId: Okta has no group with id "${missing}"; give the group's id, not its name. ` +
                "Find it in the Okta Admin Console under Directory > Groups: open the group, the id " +
                "is the last part of the page's URL (or GET /api/v1/groups?q=<name>)",
        });
        assert.deepEqual(f.oktaWrites(), []);
        assert.deepEqual(await assigned(appId), []);
    });

    it("read keeps a live assignment as it is; one removed out of band reads as gone", async () => {
        const appId = await newApp();
        const made = await group.create({ orgUrl: f.orgUrl, appId, groupId: agents });
        assert.deepEqual(await group.read(made.id, made.outs), {
            id: made.id,
            props: made.outs,
            // the group's name and type as the state holds them: the component passes them on
            // every run, so a refresh that dropped them would change the state each time
            inputs: made.outs,
        });
        assert.deepEqual(made.outs, {
            orgUrl: f.orgUrl,
            appId,
            groupId: agents,
            groupName: "CXone Agents",
            groupType: "OKTA_GROUP",
        });
        assert.equal((await f.api("DELETE", `/api/v1/apps/${appId}/groups/${agents}`)).status, 204);
        assert.deepEqual(await group.read(made.id, made.outs), { id: "" });
        await assert.rejects(group.read(made.id), {
            message: `no stored properties for group assignment ${made.id}: run \`pulumi refresh\``,
        });
    });

    it("the group's name and type are hints: a refresh keeps the state's, a rename or a state without them is no change", async () => {
        const appId = await newApp();
        const s = { orgUrl: f.orgUrl, appId, groupId: agents };
        const made = await group.create({
            ...s,
            groupName: "CXone Agents",
            groupType: "OKTA_GROUP",
        });
        // renamed in Okta since: the refresh reports the state's name (Okta's assignment names no
        // group) and reads nothing more; the program's new name is no change either way
        const held = f.sandbox.context.state.okta.groups[agents].profile;
        try {
            held.name = "Agents, renamed";
            f.sandbox.clearRequests();
            const read = await group.read(made.id, made.outs);
            assert.deepEqual(f.oktaCalls(), [`GET /api/v1/apps/${appId}/groups/${agents}`]);
            assert.deepEqual(read, { id: made.id, props: made.outs, inputs: made.outs });
            const renamed = { ...s, groupName: "Agents, renamed", groupType: "OKTA_GROUP" };
            assert.deepEqual(await group.diff(made.id, made.outs, renamed), {
                changes: false,
                replaces: [],
            });
            // the refresh's own diff: the refreshed state against the inputs the state held before
            assert.deepEqual(await group.diff(made.id, made.outs, s), {
                changes: false,
                replaces: [],
            });
        } finally {
            held.name = "CXone Agents";
        }
        // a state holding neither: the refreshed inputs hold neither
        const bare = await group.read(made.id, s);
        assert.deepEqual(bare.inputs, s);
    });

    it("delete unassigns the group (one DELETE); a second delete is a no-op that succeeds", async () => {
        // assigned by an earlier deployment (another process): as Okta's API would have it
        const appId = await newApp();
        await f.api("PUT", `/api/v1/apps/${appId}/groups/${agents}`, {});
        const outs = { orgUrl: f.orgUrl, appId, groupId: agents };
        f.sandbox.clearRequests();
        await group.delete(`${appId}/${agents}`, outs);
        assert.deepEqual(f.oktaWrites(), [`DELETE /api/v1/apps/${appId}/groups/${agents}`]);
        assert.deepEqual(await assigned(appId), []);
        await group.delete(`${appId}/${agents}`, outs);
        assert.deepEqual(await assigned(appId), []);
    });

    it("a group another assignment claimed in this deployment stays assigned when its old one is deleted", async () => {
        // groupIds [A, B] became [B] under numbered names: "group 0" moved from A to B (created
        // first), then the old "group 1" (B) is deleted at the end of the deployment
        const appId = await newApp();
        await f.api("PUT", `/api/v1/apps/${appId}/groups/${agents}`, {});
        const moved = await group.create({ orgUrl: f.orgUrl, appId, groupId: agents });
        f.sandbox.clearRequests();
        await group.delete(moved.id, { orgUrl: f.orgUrl, appId, groupId: agents });
        assert.deepEqual(f.oktaWrites(), [], "no unassign");
        assert.deepEqual(await assigned(appId), [agents]);
    });
});
