// The people probe against both vendors over HTTP: it finds this stack's app by its mark also when
// the label changes in the same update, tells a new key where Okta provisions now, refuses over the
// threshold (the gate's people probe saying that refusal as it is), and writes nothing.
import * as assert from "assert";
import guard from "../../provider/guard/removalGuardProvider";
import { removalRefusal } from "../../provider/guard/removalGuardLogic";
import { readPeopleNow } from "../../provider/people/reads";
import { ownerMarker } from "../../provider/framework/ownership";
import {
    findStackApp,
    peopleReport,
    removalReport,
    type PeopleFacts,
} from "../../provider/people/probe";
import { peopleProbe } from "../../provider/preflight/probes";
import { runReads } from "../../provider/preflight/runReads";
import { addPeople } from "../../sandbox/okta/population";
import { connectionForSuite } from "../support/connectionFixture";
import { uniqueEmail } from "../support/sandbox";

const ON = { createUsers: true, updateUserAttributes: true, deactivateUsers: true };
const OWNER = "cxone-okta-scim/probe";

describe("people probe (both vendors, HTTP)", function () {
    this.timeout(60_000);
    const c = connectionForSuite();
    let appId: string;
    let groupIds: Record<string, string>;
    let employeeEmail: string;
    const facts = (over: Partial<PeopleFacts> = {}): PeopleFacts => ({
        owner: OWNER,
        endpoint: c.f.endpoint,
        oktaOrgUrl: c.orgUrl,
        roleName: "SCIM Probe Role",
        employeeEmail,
        appLabel: "People Probe",
        groupIds: [groupIds.X, groupIds.Y],
        people: { switches: ON, threshold: 0 },
        ...over,
    });

    before(async () => {
        employeeEmail = (await c.cxone().getEmployee(c.employeeId))!.emailAddress;
        const state = c.f.sandbox.context.state.okta;
        groupIds = addPeople(state, 30, [
            { name: "X", has: (i) => i < 20 },
            { name: "Y", has: (i) => i >= 10 },
        ]).groupIds;
        c.f.sandbox.context.save();
        appId = await c.newApp("People Probe");
        const app = (await c.okta("GET", `/api/v1/apps/${appId}`)).data;
        app.settings.notes = { admin: ownerMarker(OWNER) };
        assert.equal((await c.okta("PUT", `/api/v1/apps/${appId}`, app)).status, 200);
        for (const g of Object.values(groupIds))
            await c.okta("PUT", `/api/v1/apps/${appId}/groups/${g}`, {});
        const key = await c.newKey();
        await c.consoleSteps(appId, key);
        const on = {
            create: { lifecycleCreate: { status: "ENABLED" } },
            update: { profile: { status: "ENABLED" }, lifecycleDeactivate: { status: "ENABLED" } },
        };
        const put = await c.okta("PUT", `/api/v1/apps/${appId}/features/USER_PROVISIONING`, on);
        assert.equal(put.status, 200, JSON.stringify(put.data));
        await fetch(`${c.orgUrl}/sandbox/console/apps/${appId}/sync`, { method: "POST" });
    });

    it("finds the app by its label and mark, and through the org's apps when the label changes", async () => {
        c.f.sandbox.clearRequests();
        assert.equal((await findStackApp(facts()))?.id, appId);
        assert.equal(c.calls().filter((x) => x.startsWith("okta GET /api/v1/apps?")).length, 1);
        assert.equal((await findStackApp(facts({ appLabel: "Renamed Probe" })))?.id, appId);
        assert.equal(
            (await findStackApp(facts({ owner: "cxone-okta-scim/other" }))) ?? "none",
            "none",
            "another stack's app is never this stack's",
        );
    });

    it("no change: no one affected; the 30 people provisioned", async () => {
        const r = await peopleReport(facts());
        assert.equal(r.refusal, undefined);
        assert.equal(r.impact.provisionedNow, 30);
        assert.deepEqual(r.lines, [
            "No one loses CXone access: Okta provisions 30 people through the app.",
        ]);
    });

    it("a group removed over the threshold is refused with the count; nothing is written", async () => {
        c.f.sandbox.clearRequests();
        const r = await peopleReport(facts({ groupIds: [groupIds.Y] }));
        assert.equal(r.impact.deactivated.length, 10, "X only: persons 0-9");
        assert.match(r.refusal ?? "", /deactivate 10 CXone users: agent\.00@example\.com/);
        assert.deepEqual(
            c.calls().filter((x) => !/ GET |\/search$|\/token/.test(x)),
            [],
            "reads only",
        );
        // the gate's people probe says the refusal as it is, on "people"
        const gated = await peopleProbe.run(
            { ...facts({ groupIds: [groupIds.Y] }), allowEveryoneGroup: false, secret: [] },
            runReads(),
        );
        assert.deepEqual(gated.refusals, [{ propertyPath: "people", reason: r.refusal }]);
        assert.equal(gated.deployed, true);
        const allowed = await peopleReport(
            facts({
                groupIds: [groupIds.Y],
                people: { switches: ON, threshold: 0, allowDeactivations: 10 },
            }),
        );
        assert.equal(allowed.refusal, undefined);
    });

    it("another employee for the key (no employee of that email in the tenant): provisioning stops", async () => {
        const r = await peopleReport(facts({ employeeEmail: uniqueEmail("other") }));
        assert.equal(r.impact.stops, "tenant", "no role of this stack in the tenant either");
        assert.match(r.lines.join("\n"), /Provisioning stops until a person acts/);
        assert.equal((await peopleReport(facts())).impact.stops, undefined);
    });

    it("a new key where this stack's role is in the tenant: another employee; an adopted employee: none", async () => {
        const other = uniqueEmail("other");
        for (const [name, owner] of [
            ["SCIM Probe Role", OWNER],
            ["SCIM Probe Other", "cxone-okta-scim/other"],
        ])
            await c.cxone().createRole({
                name,
                description: `role ${ownerMarker(owner)}`,
                permissions: ["Agent: Login"],
                status: "ACTIVE",
            });
        const stops = async (over: Partial<PeopleFacts>) =>
            (await peopleReport(facts({ employeeEmail: other, ...over }), undefined, "up")).impact
                .stops;
        assert.equal(await stops({}), "employee");
        assert.equal(
            await stops({ roleName: "SCIM Probe Other" }),
            "tenant",
            "another stack's role",
        );
        assert.equal(await stops({ adoptEmployeeId: c.employeeId }), undefined);
    });

    it("the adopted app by its id; stackApp only for an app with this stack's mark", async () => {
        const unmarked = await c.newApp("Unmarked Probe");
        const adopted = facts({ adoptAppId: unmarked, appLabel: "No Such Label" });
        assert.equal((await findStackApp(adopted))?.id, unmarked);
        assert.equal((await peopleReport(adopted, undefined, "up")).stackApp, false);
        assert.equal((await peopleReport(facts(), undefined, "up")).stackApp, true);
        // the org's apps read for the mark, the unmarked one among them
        assert.equal((await findStackApp(facts({ appLabel: "Renamed Probe" })))?.id, appId);
        const none = await peopleReport(facts({ owner: "cxone-okta-scim/none" }), undefined, "up");
        assert.equal(none.stackApp, false);
        assert.deepEqual(none.lines, [
            "No one loses CXone access: Okta provisions 0 people through the app.",
        ]);
    });

    it("only an AUTO_LOGIN app with the mark is the stack's", async () => {
        const other = "cxone-okta-scim/bookmark";
        const id = await c.newApp("Bookmark Probe");
        const app = (await c.okta("GET", `/api/v1/apps/${id}`)).data;
        app.settings.notes = { admin: ownerMarker(other) };
        assert.equal((await c.okta("PUT", `/api/v1/apps/${id}`, app)).status, 200);
        const bookmark = facts({ owner: other, appLabel: "Bookmark Probe" });
        assert.equal((await findStackApp(bookmark))?.id, id, "AUTO_LOGIN: found");
        // the sandbox makes AUTO_LOGIN apps only: another mode is written into its state
        Object.assign(c.f.sandbox.context.state.okta.apps[id], { signOnMode: "BOOKMARK" });
        c.f.sandbox.context.save();
        assert.equal(await findStackApp(bookmark), undefined, "another sign-on mode: not found");
    });

    it("under `pulumi destroy`: what the destroy does, the refusal left to the guard", async () => {
        const r = await peopleReport(facts(), undefined, "destroy");
        assert.equal(r.refusal, undefined);
        assert.equal(r.stackApp, true);
        assert.equal(r.impact.deactivated.length, 30);
        assert.equal(
            r.lines[0],
            "People: 30 CXone users provisioned through the app now, 0 after `pulumi destroy`.",
        );
        assert.match(
            r.lines[r.lines.length - 1],
            /^`pulumi destroy` will be refused: `pulumi destroy` would make Okta deactivate 30 CXone users: agent\.00@example\.com, .* and 20 more\. /,
        );
        const allowed = await peopleReport(
            facts({ people: { switches: ON, threshold: 0, allowDeactivations: 30 } }),
            undefined,
            "down",
        );
        assert.deepEqual(allowed.lines, r.lines.slice(0, -1));
        assert.match(allowed.lines[allowed.lines.length - 1], /^The CXone access key is revoked/);
    });

    it("removalReport: the app's people now, refused over the threshold, or by exactly the count", async () => {
        c.f.sandbox.clearRequests();
        const r = await removalReport(c.orgUrl, appId, { threshold: 29 });
        assert.match(
            r.refusal ?? "",
            /^refused: `pulumi destroy` would make Okta deactivate 30 CXone users: .* deactivationThreshold \(29\)/,
        );
        assert.equal(r.lines[1].slice(0, 46), "`pulumi destroy` makes Okta deactivate 30 CXon");
        assert.deepEqual(
            c.calls().filter((x) => !/ GET |\/token/.test(x)),
            [],
            "reads only",
        );
        assert.equal((await removalReport(c.orgUrl, appId, { threshold: 30 })).refusal, undefined);
        const exactly = { threshold: 0, allowDeactivations: 30 };
        assert.equal((await removalReport(c.orgUrl, appId, exactly)).refusal, undefined);
        const gone = await removalReport(c.orgUrl, "0oamissing", { threshold: 0 });
        assert.equal(gone.refusal, undefined);
        assert.equal(gone.impact.provisionedNow, 0);
    });

    // The removal guard's delete (the provider module, in this process: no pulumi above mocha)
    it("the removal guard: refused unless asked; asked, still refused over the people safeguard", async () => {
        const ids = { integration: "probe", roleId: "r", employeeId: "e", accessKeyId: "k" };
        const s = { ...ids, appId, allowRemoval: false };
        assert.deepEqual(await guard.create(s), { id: "probe-guard", outs: s });
        await assert.rejects(guard.delete("probe-guard", s), {
            message: removalRefusal(s, undefined),
        });
        await guard.delete("probe-guard", { ...s, allowRemoval: true }); // no org: no people check
        c.f.sandbox.clearRequests();
        const asked = { ...s, allowRemoval: true, orgUrl: c.orgUrl };
        await assert.rejects(guard.delete("probe-guard", asked), (e: Error) => {
            assert.match(e.message, /^refused: `pulumi destroy` would make Okta deactivate 30 /);
            assert.match(e.message, /deactivationThreshold \(0\)/, "0 when the guard has none");
            return true;
        });
        assert.ok(c.f.sandbox.requests().length > 0);
        assert.ok(
            c.f.sandbox.requests().every((r) => r.part === "removal-guard" && r.method === "GET"),
            "the guard's reads, named as its part, writing nothing",
        );
        await guard.delete("probe-guard", { ...asked, deactivationThreshold: 30 });
        await guard.delete("probe-guard", { ...asked, allowDeactivations: 30 });
        await assert.rejects(guard.delete("probe-guard", { ...asked, allowDeactivations: 29 }));
        await guard.delete("probe-guard", { ...asked, appId: "" });
    });

    it("a connection switched off (feature DISABLED): the switches read, not provisioning", async () => {
        const lifecycle = `/api/v1/apps/${appId}/connections/default/lifecycle`;
        assert.equal((await c.okta("POST", `${lifecycle}/deactivate`)).status, 204);
        try {
            const now = await readPeopleNow(c.orgUrl, appId, []);
            assert.equal(now.provisioning, false);
            assert.deepEqual(now.switches, ON);
        } finally {
            assert.equal((await c.okta("POST", `${lifecycle}/activate`)).status, 204);
        }
        assert.equal((await readPeopleNow(c.orgUrl, appId, [])).provisioning, true);
    });
});
