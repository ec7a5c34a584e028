// The people probe against both vendors over HTTP: it finds this stack's app by its mark also when
// the label changes in the same update, tells a new key where Okta provisions now, refuses over the
// threshold, and writes nothing.
import * as assert from "assert";
import { ownerMarker } from "../../provider/framework/ownership";
import { findStackApp, peopleReport, type PeopleFacts } from "../../provider/people/probe";
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
});
