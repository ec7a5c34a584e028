// Section 5: what the people impact costs. 1,000 people in 5 overlapping groups, all assigned to the
// app and pushed; the update removes one group. The probe's reads are counted from the sandbox's
// request log against the pages Okta's page sizes allow (app users 500, group members 1,000, app
// groups 200 a page [spec]).
import { impactLines } from "../provider/people/messages";
import { peopleReport, type PeopleFacts } from "../provider/people/probe";
import { sandboxRegion, cxoneEndpointFor } from "../provider/cxone/discovery/regions";
import { addPeople } from "../sandbox/okta/population";
import { benchSandbox, timed } from "./world";

export interface PeopleBench {
    users: number;
    groups: number[];
    /** Okta GETs by list, and their minimum in pages */
    calls: { list: string; calls: number; pages: number }[];
    total: number;
    minimum: number;
    writes: number;
    ms: number;
    deactivated: number;
    summary: string;
}

const ON = { createUsers: true, updateUserAttributes: true, deactivateUsers: true };

export async function benchPeople(users = 1000, groups = 5): Promise<PeopleBench> {
    const sandbox = await benchSandbox("people");
    try {
        const state = sandbox.context.state.okta;
        // group k holds a window of 300 people; neighbours overlap by 100
        const plans = Array.from({ length: groups }, (_x, k) => ({
            name: `Agents ${k}`,
            has: (i: number) => i >= k * 200 && i < k * 200 + 300,
        }));
        const pop = addPeople(state, users, plans, "bench");
        const gids = plans.map((p) => pop.groupIds[p.name]);
        const orgUrl = sandbox.urls.okta;
        const owner = "cxone-okta-scim/bench";
        const token = sandbox.endpoints.okta.apiToken;
        const okta = (method: string, path: string, body?: unknown) =>
            fetch(`${orgUrl}${path}`, {
                method,
                headers: { Authorization: `SSWS ${token}`, "Content-Type": "application/json" },
                body: body === undefined ? undefined : JSON.stringify(body),
            }).then((r) => r.json() as Promise<{ id: string }>);
        const app = await okta("POST", "/api/v1/apps?activate=true", {
            label: "NICE CXone",
            signOnMode: "AUTO_LOGIN",
            settings: {
                signOn: { loginUrl: `${sandbox.urls.cxone}/login` },
                notes: { admin: `[pulumi stack: ${owner}]` },
            },
        });
        for (const g of gids) await okta("PUT", `/api/v1/apps/${app.id}/groups/${g}`, {});
        const pushed = state.apps[app.id].provisioning.pushed;
        pop.userIds.forEach((id, i) => {
            pushed[id] = {
                externalId: `cx-${i}`,
                userName: pop.login(i),
                active: true,
                lastSync: new Date().toISOString(),
                profileHash: "",
            };
        });
        const facts: PeopleFacts = {
            owner,
            endpoint: cxoneEndpointFor(sandboxRegion(sandbox.urls.cxone)),
            oktaOrgUrl: orgUrl,
            roleName: "SCIM Access Key",
            employeeEmail: "scim@example.com",
            appLabel: "NICE CXone",
            groupIds: gids.slice(1),
            people: { switches: ON, threshold: 0 },
        };
        const saved = process.env.OKTA_API_TOKEN;
        process.env.OKTA_API_TOKEN = token;
        sandbox.clearRequests();
        const { ms, value: report } = await timed(() => peopleReport(facts)).finally(() => {
            if (saved === undefined) delete process.env.OKTA_API_TOKEN;
            else process.env.OKTA_API_TOKEN = saved;
        });
        const log = sandbox.requests().filter((r) => r.server === "okta");
        const gets = (re: RegExp) =>
            log.filter((r) => r.method === "GET" && re.test(r.path)).length;
        const sizes = gids.map((g) => state.memberships[g].length);
        const calls = [
            { list: "apps of the label", calls: gets(/^\/api\/v1\/apps\?/), pages: 1 },
            {
                list: `app users (${users})`,
                calls: gets(/^\/api\/v1\/apps\/[^/]+\/users/),
                pages: Math.ceil(users / 500),
            },
            { list: "app groups", calls: gets(/^\/api\/v1\/apps\/[^/]+\/groups/), pages: 1 },
            {
                list: `members of the ${groups - 1} groups kept`,
                calls: gets(/^\/api\/v1\/groups\/[^/]+\/users/),
                pages: sizes.slice(1).reduce((n, s) => n + Math.max(1, Math.ceil(s / 1000)), 0),
            },
            { list: "To App switches", calls: gets(/\/features\/USER_PROVISIONING/), pages: 1 },
        ];
        return {
            users,
            groups: sizes,
            calls,
            total: log.length,
            minimum: calls.reduce((n, c) => n + c.pages, 0),
            writes: log.filter((r) => r.method !== "GET").length,
            ms,
            deactivated: report.impact.deactivated.length,
            summary: impactLines(report.impact)[1] ?? "",
        };
    } finally {
        await sandbox.stop();
    }
}
