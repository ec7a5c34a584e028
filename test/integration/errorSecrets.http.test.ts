// Every error path of every resource, scanned for secrets: each provider method is made to fail
// against the sandbox (a refused request, refused credentials, a wait for the console steps that
// runs out), and the error's message, stack and fields must name the failure without any secret.
import { strict as assert } from "assert";
import role from "../../provider/cxone/roleProvider";
import employee from "../../provider/cxone/employeeProvider";
import accessKey from "../../provider/cxone/accessKeyProvider";
import { forgetKeyReads } from "../../provider/cxone/keyReads";
import { clearSessionCache } from "../../provider/cxone/session";
import app from "../../provider/okta/autoLoginAppProvider";
import group from "../../provider/okta/groupAssignmentProvider";
import actions from "../../provider/okta/provisioningActionsProvider";
import scim from "../../provider/okta/scimConnectionProvider";
import schema from "../../provider/okta/appUserSchemaPropertiesProvider";
import mapping from "../../provider/okta/profileMappingProvider";
import type { FaultRule } from "../../sandbox/index";
import { consoleSettings, outputsFor } from "../../sandbox/operator";
import { sandboxForSuite, unique, uniqueEmail } from "../support/sandbox";

type Props = Record<string, unknown>;
type Any = any;

describe("error paths carry no secret (every resource, sandbox)", function () {
    // each test as a new provider process: no sign-in, refusal or key read carried over
    beforeEach(() => {
        clearSessionCache();
        forgetKeyReads();
    });
    this.timeout(60_000);
    const f = sandboxForSuite();
    const secrets = new Map<string, string>();
    const savedToken = process.env.OKTA_API_TOKEN;
    // live objects the failing calls act on
    let r: { id: string; outs: Props; inputs: Props };
    let e: { id: string; outs: Props; inputs: Props };
    let k: { id: string; outs: Props; inputs: Props };
    let a: { id: string; outs: Props; inputs: Props };
    let scimInputs: Props;

    before(async () => {
        const ep = f.sandbox.endpoints;
        process.env.OKTA_API_TOKEN = ep.okta.apiToken;
        secrets.set("CXone admin access key secret", ep.cxone.adminAccessKeySecret);
        secrets.set("CXone admin password", ep.cxone.adminPassword);
        secrets.set("Okta API token", ep.okta.apiToken);
        const rc = await role.check({}, { endpoint: f.endpoint, name: unique("Secret") });
        r = { ...(await role.create(rc.inputs!)), inputs: rc.inputs! } as Any;
        const ec = await employee.check(
            {},
            {
                endpoint: f.endpoint,
                email: uniqueEmail("secret"),
                firstName: "Se",
                lastName: "Cret",
                roleId: r.id,
                invite: false,
            },
        );
        e = { ...(await employee.create(ec.inputs!)), inputs: ec.inputs! } as Any;
        const kc = await accessKey.check({}, { endpoint: f.endpoint, employeeId: e.id });
        k = { ...(await accessKey.create(kc.inputs!)), inputs: kc.inputs! } as Any;
        secrets.set("the access key's secret", k.outs.secret as string);
        const cx = f.sandbox.urls.cxone;
        const ac = await app.check(
            {},
            { orgUrl: f.sandbox.urls.okta, label: unique("Secret app"), loginUrl: `${cx}/login` },
        );
        assert.deepEqual(ac.failures ?? [], []);
        a = { ...(await app.create(ac.inputs as Any)), inputs: ac.inputs } as Any;
        const sc = await scim.check({}, {
            orgUrl: f.sandbox.urls.okta,
            appId: a.id,
            appLabel: a.inputs.label,
            cxoneEndpoint: f.endpoint,
            ...consoleSettings(outputsFor(cx, a.id, k.id, k.outs.secret as string)),
        } as Any);
        assert.deepEqual(sc.failures ?? [], []);
        scimInputs = sc.inputs as Props;
    });
    after(async () => {
        if (savedToken === undefined) delete process.env.OKTA_API_TOKEN;
        else process.env.OKTA_API_TOKEN = savedToken;
    });
    afterEach(() => f.sandbox.clearFaults());

    /** Runs a call that must fail and returns every text of its error (its fields but the partial state). */
    async function failure(
        call: () => Promise<unknown>,
    ): Promise<{ message: string; all: string }> {
        try {
            await call();
        } catch (err) {
            const x = err as Error & Props;
            const { properties: _state, ...fields } = x;
            return {
                message: x.message,
                all: [x.message, x.stack, String(x), JSON.stringify(fields)].join("\n"),
            };
        }
        assert.fail("the call succeeded");
    }
    function noSecret(all: string, extra: [string, string][] = []) {
        const leaked = [...secrets, ...extra]
            .filter(([, v]) => v && all.includes(v))
            .map(([name]) => name);
        assert.deepEqual(leaked, [], all);
    }

    const refuse = (server: "cxone" | "okta", path: string, method?: string): FaultRule[] => [
        { kind: "status", status: 400, server, path, ...(method ? { method } : {}) },
    ];
    const cxApi = "^/(authorization|user-management|access-key-management)/";
    const cxoneRefuses = () => refuse("cxone", cxApi);
    const okApi = "^/api/v1/";
    // [what, faults, call, what the message must name]
    const rows: [string, () => FaultRule[], () => Promise<unknown>, RegExp][] = [
        [
            "Role create",
            cxoneRefuses,
            () => role.create({ ...r.inputs, name: unique("Refused") } as Any),
            /CXone role|CXone roles/,
        ],
        ["Role read", cxoneRefuses, () => role.read(r.id, r.outs), /CXone role/],
        [
            "Role update",
            cxoneRefuses,
            () => role.update!(r.id, { ...r.outs, description: "old" }, r.inputs as Any),
            /CXone role/,
        ],
        ["Role delete", cxoneRefuses, () => role.delete!(r.id, r.outs), /CXone role/],
        [
            "Employee create",
            () => refuse("cxone", "^/user-management/"),
            () => employee.create({ ...e.inputs, email: uniqueEmail("refused") } as Any),
            /CXone employee/,
        ],
        ["Employee read", cxoneRefuses, () => employee.read(e.id, e.outs), /CXone employee/],
        [
            "Employee update",
            cxoneRefuses,
            () => employee.update!(e.id, e.outs, { ...e.inputs, lastName: "Changed" } as Any),
            /CXone employee/,
        ],
        ["Employee delete", cxoneRefuses, () => employee.delete!(e.id, e.outs), /CXone employee/],
        [
            "AccessKey create",
            () => refuse("cxone", "^/access-key-management/"),
            () => accessKey.create(k.inputs as Any),
            /CXone access key/,
        ],
        [
            "AccessKey create inactive, the switch-off refused",
            () => refuse("cxone", "^/access-key-management/", "PATCH"),
            () => accessKey.create({ ...k.inputs, active: false } as Any),
            /access key/,
        ],
        ["AccessKey read", cxoneRefuses, () => accessKey.read(k.id, k.outs), /CXone access key/],
        [
            "AccessKey update",
            cxoneRefuses,
            () => accessKey.update!(k.id, k.outs, { ...k.inputs, active: false } as Any),
            /access key/,
        ],
        [
            "AccessKey delete",
            cxoneRefuses,
            () => accessKey.delete!(k.id, k.outs),
            /CXone access key/,
        ],
        [
            "AutoLoginApp create",
            () => refuse("okta", okApi),
            () => app.create({ ...a.inputs, label: unique("Refused app") } as Any),
            /Okta|app/,
        ],
        [
            "AutoLoginApp read",
            () => refuse("okta", okApi),
            () => app.read(a.id, a.outs as Any),
            /Okta|app/,
        ],
        [
            "AutoLoginApp update",
            () => refuse("okta", okApi),
            () => app.update!(a.id, a.outs as Any, { ...a.inputs, label: "Renamed" } as Any),
            /Okta|app/,
        ],
        [
            "AutoLoginApp delete",
            () => refuse("okta", okApi),
            () => app.delete!(a.id, a.outs as Any),
            /Okta|app/,
        ],
        [
            "GroupAssignment create",
            () => refuse("okta", okApi),
            () =>
                group.create({
                    orgUrl: f.sandbox.urls.okta,
                    appId: a.id,
                    groupId: "00gnosuchgroup",
                } as Any),
            /Okta|group/,
        ],
        [
            "ProvisioningActions create",
            () => refuse("okta", okApi),
            () =>
                actions.create({
                    orgUrl: f.sandbox.urls.okta,
                    appId: a.id,
                    connectionStatus: "authorized",
                    createUsers: true,
                    updateUserAttributes: true,
                    deactivateUsers: true,
                } as Any),
            /Okta|provisioning/,
        ],
        [
            "AppUserSchemaProperties create",
            () => refuse("okta", okApi),
            () =>
                schema.create({
                    orgUrl: f.sandbox.urls.okta,
                    appId: a.id,
                    properties: {
                        team: {
                            title: "Team",
                            type: "string",
                            externalName: "team",
                            externalNamespace:
                                "urn:ietf:params:scim:schemas:extension:nice:2.0:User",
                        },
                    },
                } as Any),
            /Okta|schema/,
        ],
        [
            "ProfileMapping create",
            () => refuse("okta", okApi),
            () =>
                mapping.create({
                    orgUrl: f.sandbox.urls.okta,
                    appId: a.id,
                    properties: { userName: "user.login" },
                } as Any),
            /Okta|mapping/,
        ],
        [
            "ScimConnection create",
            () => refuse("okta", okApi),
            () => scim.create(scimInputs as Any),
            /Okta|connection/,
        ],
        [
            "ScimConnection create, CXone refused",
            cxoneRefuses,
            () => scim.create(scimInputs as Any),
            /CXone|Okta/,
        ],
    ];
    for (const [what, faults, call, names] of rows) {
        it(what, async () => {
            f.sandbox.setFaults(faults());
            const { message, all } = await failure(call);
            assert.match(message, names);
            noSecret(all);
        });
    }

    it("CXone refusing the admin key: the error names the key id, never the secret typed", async () => {
        const planted = "planted-cxone-secret-0123456789abcdefXYZ";
        const saved = process.env.CXONE_ACCESS_KEY_SECRET;
        process.env.CXONE_ACCESS_KEY_SECRET = planted;
        clearSessionCache();
        try {
            const { all } = await failure(() => role.read(r.id, r.outs));
            noSecret(all, [["the wrong admin secret", planted]]);
        } finally {
            process.env.CXONE_ACCESS_KEY_SECRET = saved;
            clearSessionCache();
        }
    });

    it("Okta refusing the API token: the error never repeats the token", async () => {
        const planted = "00planted-okta-token-0123456789abcdefXYZ";
        process.env.OKTA_API_TOKEN = planted;
        try {
            const { message, all } = await failure(() => app.read(a.id, a.outs as Any));
            assert.match(message, /401|token|Okta/i);
            noSecret(all, [["the wrong Okta token", planted]]);
        } finally {
            process.env.OKTA_API_TOKEN = f.sandbox.endpoints.okta.apiToken;
        }
    });

    it("waitForAuthorizationSeconds runs out: the error says how long it waited and what is left, without the client secret", async () => {
        const wait = { ...scimInputs, waitForAuthorizationSeconds: 2, pollIntervalSeconds: 1 };
        f.sandbox.clearRequests();
        const started = Date.now();
        const { message, all } = await failure(() => scim.create(wait as Any));
        const took = Date.now() - started;
        assert.match(
            message,
            /the SCIM connection of Okta app ".*" is still pending after waiting 2s\. Remaining steps:\n/,
        );
        assert.ok(took >= 2000 && took < 15_000, `waited ${took} ms`);
        // it looked again while waiting: more than one look at Okta's connection
        const looks = f.sandbox
            .requests()
            .filter(
                (q) =>
                    q.server === "okta" &&
                    q.method === "GET" &&
                    q.path.endsWith("/connections/default"),
            );
        assert.ok(looks.length >= 2, `${looks.length} looks`);
        noSecret(all);
        // the same with a wait of 0: no wait, no error (the steps are reported, not failed)
        const now = await scim.create({ ...scimInputs, waitForAuthorizationSeconds: 0 } as Any);
        assert.equal(now.outs.status, "pending");
    });
});
