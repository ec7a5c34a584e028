// Invalid inputs across every resource, the component and the root program's config: each gets an
// error naming the property, and the sandbox sees ZERO requests. Table-driven: direct check() calls
// for the exact reasons, and real `pulumi preview` runs on the engine (rows grouped per stack).
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import accessKeyProvider from "../../provider/cxone/accessKeyProvider";
import employeeProvider from "../../provider/cxone/employeeProvider";
import roleProvider from "../../provider/cxone/roleProvider";
import type { ScimIntegrationArgs } from "../../provider/integration/index";
import autoLoginAppProvider from "../../provider/okta/autoLoginAppProvider";
import groupAssignmentProvider from "../../provider/okta/groupAssignmentProvider";
import provisioningActionsProvider from "../../provider/okta/provisioningActionsProvider";
import scimConnectionProvider from "../../provider/okta/scimConnectionProvider";
import { RunningSandbox, startSandbox } from "../../sandbox/index";
import { consoleSettings, outputsFor } from "../../sandbox/operator";
import { rootProgram, testProgram, testStack } from "../support/engine";
import { attempt, STACK_TRACE } from "../support/reliability";

type Props = Record<string, unknown>;
import type { Kind } from "../programs/oneResource";

/** One invalid input: which resource, what is wrong with it, and the property the error must name. */
interface Row {
    kind: Kind;
    what: string;
    bad: Props;
    property: string;
    /** only for direct check(): the class cannot pass this input to the engine, or the row is covered there already */
    checkOnly?: boolean;
}

/** A row; the property it names is the one `bad` spoils, unless given. */
const refused = (kind: Kind, what: string, bad: Props, property = Object.keys(bad)[0]): Row => ({
    kind,
    what,
    bad,
    property,
});
/** CXone's na1 endpoint with the parts given spoiled. */
const na1 = (spoiled: Props) => ({
    issuerUrl: "https://cxone.niceincontact.com",
    areaUrl: "https://na1.nice-incontact.com",
    ...spoiled,
});
/** A row only direct check() takes (see Row.checkOnly). */
const checkOnly = (row: Row): Row => ({ ...row, checkOnly: true });

const long = (n: number) => "x".repeat(n);
const s = (v: unknown) => v as never; // deliberately ill-typed inputs

const rows: Row[] = [
    // Role: CXone's naming rules, lengths, empty values, statuses, permissions, endpoint
    // every forbidden character through check(); three of them also through the engine (one preview each)
    ...["/", "\\", "+", "!", "?", "<", ">", "#", "&", ",", "%", '"'].map((c): Row => ({
        kind: "role",
        what: `role name with ${c}`,
        bad: { name: `SCIM ${c} Key` },
        property: "name",
        checkOnly: !["/", "&", '"'].includes(c),
    })),
    refused("role", "role name of 51 characters", { name: long(51) }),
    refused("role", "empty role name", { name: "" }),
    refused("role", "role name with leading space", { name: " SCIM" }),
    refused("role", "empty permission list", { permissions: [] }),
    refused("role", "permission listed twice", {
        permissions: ["Employees: View", "Employees: View"],
    }),
    refused("role", "status DELETED", { status: "DELETED" }),
    refused(
        "role",
        "endpoint issuerUrl not a URL",
        { endpoint: na1({ issuerUrl: "cxone" }) },
        "endpoint.issuerUrl",
    ),
    refused(
        "role",
        "endpoint carrying a credential",
        { endpoint: na1({ accessKeySecret: "not-a-real-secret" }) },
        "endpoint.accessKeySecret",
    ),
    refused(
        "role",
        "endpoint over plain http outside loopback",
        { endpoint: na1({ issuerUrl: "http://cxone.niceincontact.com" }) },
        "endpoint.issuerUrl",
    ),
    refused("role", "a permission nobody knows", { permissions: ["Employees: Fly"] }),
    refused(
        "role",
        "issuerUrl on a foreign host",
        { endpoint: na1({ issuerUrl: "https://evil.example" }) },
        "endpoint.issuerUrl",
    ),
    checkOnly(
        refused(
            "role",
            "areaUrl on a look-alike host",
            { endpoint: na1({ areaUrl: "https://na1.nice-incontact.com.evil.example" }) },
            "endpoint.areaUrl",
        ),
    ),
    checkOnly(refused("role", "adoptExisting as a string", { adoptExisting: s("yes") })),
    // Employee
    refused(
        "employee",
        "apiUrl on a foreign host",
        { endpoint: na1({ apiUrl: "https://api.evil.example" }) },
        "endpoint.apiUrl",
    ),
    checkOnly(
        refused("employee", "bad email while roleId is not known yet (preview)", {
            email: "scim.accesskey",
            roleId: pulumi.runtime.unknownValue,
        }),
    ),
    checkOnly(refused("employee", "adoptEmployeeId as a number", { adoptEmployeeId: s(7) })),
    refused("employee", "email without @", { email: "scim.accesskey.example.com" }),
    refused("employee", "empty email", { email: "" }),
    refused("employee", "email with a space", { email: "scim key@example.com" }),
    refused("employee", "first name of 51 characters", { firstName: long(51) }),
    refused("employee", "empty last name", { lastName: "  " }),
    refused("employee", "empty role id", { roleId: "" }),
    refused("employee", "empty login authenticator", { loginAuthenticatorId: "" }),
    refused("employee", "invite as a string", { invite: s("yes") }),
    // AccessKey
    refused("accessKey", "empty employee id", { employeeId: "" }),
    checkOnly(refused("accessKey", "secret given as an input", { secret: "chosen-by-hand" })),
    refused("accessKey", "rotation of 201 characters", { rotation: long(201) }),
    refused("accessKey", "active as a number", { active: s(1) }),
    refused(
        "accessKey",
        "areaUrl (where the key's token is asked) on a foreign host",
        { endpoint: na1({ areaUrl: "https://evil.example" }) },
        "endpoint.areaUrl",
    ),
    // AutoLoginApp
    refused("app", "org URL over plain http outside loopback", {
        orgUrl: "http://example.okta.com",
    }),
    refused("app", "empty label", { label: "" }),
    refused("app", "label of 101 characters", { label: long(101) }),
    refused("app", "login URL not a URL", { loginUrl: "cxone login page" }),
    checkOnly(
        refused("app", "login URL on a foreign host", { loginUrl: "https://evil.example/login" }),
    ),
    refused("app", "redirect URL over ftp", { redirectUrl: "ftp://example.com/after" }),
    // GroupAssignment
    refused("group", "empty group id", { groupId: "" }),
    refused("group", "org URL not a URL", { orgUrl: "okta" }),
    // ProvisioningActions
    refused("actions", "createUsers as a string", { createUsers: s("true") }),
    refused("actions", "empty app id", { appId: "" }),
    // ScimConnection
    refused("scim", "unique identifier field email", { uniqueIdentifierField: "email" }),
    refused("scim", "unknown supported action", {
        supportedActions: ["pushNewUsers", "pushPasswordUpdates"],
    }),
    refused("scim", "no supported actions", { supportedActions: [] }),
    refused("scim", "auth mode basic", { authMode: "basic" }),
    refused("scim", "negative wait seconds", { waitForAuthorizationSeconds: -5 }),
    refused("scim", "poll interval 0", { pollIntervalSeconds: 0 }),
    refused("scim", "SCIM base URL over plain http outside loopback", {
        scimBaseUrl: "http://na1.nice-incontact.com/scim/v2",
    }),
    refused("scim", "token endpoint on a foreign host", {
        tokenEndpoint: "https://evil.example/auth/token",
    }),
    checkOnly(
        refused("scim", "authorize endpoint on a foreign host", {
            authorizeEndpoint: "https://evil.example/auth/authorize",
        }),
    ),
    checkOnly(
        refused("scim", "SCIM base URL on a foreign host", {
            scimBaseUrl: "https://scim.evil.example/scim/v2",
        }),
    ),
    checkOnly(
        refused("scim", "token endpoint on a look-alike CXone host", {
            tokenEndpoint: "https://cxone.niceincontact.com.evil.example/auth/token",
        }),
    ),
    checkOnly(
        refused(
            "scim",
            "key checked against a foreign issuer",
            { cxoneEndpoint: na1({ issuerUrl: "https://evil.example" }) },
            "cxoneEndpoint.issuerUrl",
        ),
    ),
    refused("scim", "empty client id", { clientId: "" }),
    refused("scim", "empty client secret", { clientSecret: "" }),
];

/** Valid inputs per resource, pointing at the sandbox; each row spoils exactly one property. */
function bases(cx: string, okta: string): Record<Kind, Props> {
    const endpoint = { issuerUrl: cx, areaUrl: cx, apiUrl: cx };
    return {
        role: { endpoint, name: "SCIM Access Key" },
        employee: {
            endpoint,
            email: "scim.accesskey@sandbox.example",
            firstName: "SCIM",
            lastName: "AccessKey",
            roleId: "role-1",
        },
        accessKey: { endpoint, employeeId: "employee-1" },
        app: { orgUrl: okta, label: "NICE CXone", loginUrl: `${cx}/login` },
        group: { orgUrl: okta, appId: "0oa1", groupId: "00g1" },
        actions: { orgUrl: okta, appId: "0oa1", connectionStatus: "pending" },
        scim: {
            orgUrl: okta,
            appId: "0oa1",
            appLabel: "NICE CXone",
            cxoneEndpoint: endpoint,
            // the class's defaults, which direct check() calls do not get from the constructor
            ...consoleSettings(outputsFor(cx, "0oa1", "KEYID", "not-a-real-secret")),
            waitForAuthorizationSeconds: 0,
            pollIntervalSeconds: 5,
        },
    };
}

const checks: Record<Kind, (olds: any, news: any) => Promise<pulumi.dynamic.CheckResult>> = {
    role: roleProvider.check,
    employee: employeeProvider.check,
    accessKey: accessKeyProvider.check,
    app: autoLoginAppProvider.check,
    group: groupAssignmentProvider.check,
    actions: provisioningActionsProvider.check,
    scim: scimConnectionProvider.check,
};

const resourceName = (i: number) => `bad-${String(i).padStart(2, "0")}`;

describe("bad input: errors name the property, with zero API calls", function () {
    this.timeout(180_000);
    let sandbox: RunningSandbox;
    let dir: string;
    let base: Record<Kind, Props>;

    before(async () => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "sandbox-badinput-"));
        sandbox = await startSandbox({ dir, cxonePort: 0, oktaPort: 0 });
        process.env.CXONE_OKTA_SANDBOX_DIR = dir;
        base = bases(sandbox.urls.cxone, sandbox.urls.okta);
    });
    beforeEach(() => sandbox.clearRequests());
    // every test in this suite must leave the sandbox untouched
    afterEach(() =>
        assert.deepEqual(
            sandbox.requests().map((r) => `${r.method} ${r.path}`),
            [],
            "no API call for invalid input",
        ),
    );
    after(async () => {
        await sandbox?.stop();
    });

    it(`has at least 60 rows covering every resource (${rows.length})`, () => {
        assert.ok(rows.length >= 60);
        assert.deepEqual([...new Set(rows.map((r) => r.kind))].sort(), Object.keys(checks).sort());
    });

    describe("check() directly: a failure for exactly the spoiled property", () => {
        for (const row of rows) {
            it(`${row.kind}: ${row.what} -> ${row.property}`, async () => {
                const valid = await checks[row.kind]({}, base[row.kind]);
                assert.deepEqual(valid.failures ?? [], [], "the base inputs are valid");
                const r = await checks[row.kind]({}, { ...base[row.kind], ...row.bad });
                const failures = r.failures ?? [];
                assert.deepEqual(
                    failures.map((f) => f.property),
                    [row.property],
                    JSON.stringify(failures),
                );
                // the reason names the property too (it is what the engine prints)
                assert.ok(
                    failures[0].reason.includes(row.property.split(".").pop()!),
                    failures[0].reason,
                );
                // reasons are printed verbatim: never a secret value in them
                assert.ok(
                    !failures[0].reason.includes("not-a-real-secret"),
                    "no secret in the reason",
                );
            });
        }
    });

    // Permission names are checked against the known list ([guess] keys, provider/cxone/roleLogic.ts);
    // allowUnknownPermissions is the documented escape hatch.
    it("role: unknown permission name -> permissions, unless allowUnknownPermissions is set", async () => {
        const r = await checks.role({}, { ...base.role, permissions: ["Employees: Fly"] });
        assert.deepEqual(
            (r.failures ?? []).map((f) => f.property),
            ["permissions"],
        );
        assert.match(r.failures![0].reason, /"Employees: Fly" is not a known CXone permission/);
        const allowed = await checks.role(
            {},
            { ...base.role, permissions: ["Employees: Fly"], allowUnknownPermissions: true },
        );
        assert.deepEqual(allowed.failures ?? [], []);
    });

    describe("`pulumi preview` on the engine: every spoiled property named in the output", () => {
        // The engine stops a preview at the first resource whose check fails, but prints every
        // failure of that resource. So rows spoiling different properties of one kind share one
        // resource, and each such resource gets its own stack; the stacks run one after another
        // (one engine run at a time on this 2-core machine).
        //
        // Every row's check is proven above (check() directly, the same function the engine calls),
        // and framework/defineProvider.unit shows the forwarder keeps check's failures. So the
        // engine keeps two representatives, one resource per vendor with several spoiled
        // properties each: the CLI prints every failure, names each property, no secret.
        const representative: Kind[] = ["role", "scim"];
        const bins = binRows(rows.filter((r) => !r.checkOnly)).filter(
            (b, i, all) =>
                representative.includes(b.kind) && all.findIndex((x) => x.kind === b.kind) === i,
        );
        it(`${bins.map((b) => b.rows.length).join(" + ")} rows in ${bins.length} previews (a CXone and an Okta resource), each failing with every spoiled property named`, async () => {
            const failures: string[] = [];
            await inSequence(bins, async (bin, n) => {
                const props = Object.assign({}, base[bin.kind], ...bin.rows.map((r) => r.bad));
                const stack = await testStack(`badinput-${n}`, testProgram("oneResource"), {
                    env: { CXONE_OKTA_SANDBOX_DIR: dir },
                    params: { kind: bin.kind, name: resourceName(n), props },
                });
                const pv = await attempt(stack.preview());
                const out = stack.output();
                if (pv.ok) {
                    failures.push(
                        `${bin.kind} ${bin.rows.map((r) => r.what).join(", ")}: the preview succeeded`,
                    );
                    return;
                }
                for (const r of bin.rows) {
                    // the engine's line: "... resource 'bad-N': property <name> value {...} has a problem: <reason>"
                    if (
                        !new RegExp(
                            `resource '${resourceName(n)}': property ${escape(r.property)} value`,
                        ).test(out)
                    )
                        failures.push(`${bin.kind} ${r.what}: ${r.property} not named`);
                }
                if (/not-a-real-secret/.test(out + pv.message))
                    failures.push(`${bin.kind}: a secret value was printed`);
            });
            assert.deepEqual(failures, []);
        });
    });

    describe("the component and the root program's config: a clear error naming the input, on the engine", () => {
        // Inputs the component resolves itself (region table) fail while the program runs; inputs it
        // passes to a resource fail in that resource's check. Each row is one preview.
        // Every component input and config value of the old 30-preview table is refused by the same
        // code under Pulumi's mocks: integration/integration.unit ("on the sandbox target, ...",
        // 19 rows) and program/index.http (the root program's refusals, 11 real-tenant rows). The
        // engine keeps two of each: the CLI prints the message, no stack trace, zero API calls.
        const component: {
            what: string;
            args: (cx: string, okta: string) => Partial<ScimIntegrationArgs>;
            names: RegExp;
        }[] = [
            {
                what: "unknown region",
                args: () => ({ cxone: { region: "mars1" } }),
                names: /cxone\.region: region "mars1" is not a known CXone region/,
            },
            {
                what: "two bad inputs at once: both named",
                args: () => ({ employeeEmail: "x", appLabel: "" }),
                names: /employeeEmail: email must[\s\S]*appLabel: label is required/,
            },
        ];
        const real = {
            "cxone:region": "na1",
            "okta:orgName": "dev-1",
            "cxone:employeeEmail": "ops@example.com",
        };
        const config: { what: string; config: Record<string, string>; names: RegExp }[] = [
            {
                what: "cxone-okta-scim:groupIds not a JSON list",
                config: { ...real, "cxone-okta-scim:groupIds": "00g1" },
                names: /cxone-okta-scim:groupIds must be a JSON list of strings/,
            },
            {
                what: "cxone:roleName with a forbidden character",
                config: { ...real, "cxone:roleName": "SCIM & Okta" },
                names: /cxone:roleName: name must not contain &/,
            },
        ];

        it(`${component.length} component inputs and ${config.length} config values: each preview fails naming it, no stack trace`, async () => {
            const cx = sandbox.urls.cxone;
            const okta = sandbox.urls.okta;
            const jobs = [
                ...component.map((c) => ({
                    what: `component: ${c.what}`,
                    names: c.names,
                    open: (n: number) =>
                        testStack(`badinput-c${n}`, testProgram("component"), {
                            env: { CXONE_OKTA_SANDBOX_DIR: dir },
                            params: {
                                args: {
                                    cxone: { sandboxUrl: cx },
                                    oktaOrgUrl: okta,
                                    employeeEmail: "scim.accesskey@sandbox.example",
                                    ...c.args(cx, okta),
                                },
                            },
                        }),
                })),
                ...config.map((c) => ({
                    what: `config: ${c.what}`,
                    names: c.names,
                    open: (n: number) =>
                        testStack(`badinput-p${n}`, rootProgram, {
                            // a real-tenant config: the program never probes the sandbox, and nothing may call out
                            env: { CXONE_OKTA_SANDBOX_DIR: dir },
                            config: Object.fromEntries(
                                Object.entries(c.config).map(([k, v]) => [k, { value: v }]),
                            ),
                        }),
                })),
            ];
            const failures: string[] = [];
            await inSequence(jobs, async (job, n) => {
                const stack = await job.open(n);
                const pv = await attempt(stack.preview());
                const out = stack.output() + (pv.ok ? "" : pv.message);
                if (pv.ok) failures.push(`${job.what}: the preview succeeded`);
                else if (!job.names.test(out))
                    failures.push(`${job.what}: not named in ${out.slice(-600)}`);
                else if (STACK_TRACE.test(out)) {
                    failures.push(`${job.what}: a stack trace was printed`);
                }
            });
            assert.deepEqual(failures, []);
        });
    });
});

/** Groups rows per kind into as few resources as possible: no two rows of a resource spoil the same property. */
function binRows(all: Row[]): { kind: Kind; rows: Row[] }[] {
    const bins: { kind: Kind; rows: Row[] }[] = [];
    for (const r of all) {
        const bin = bins.find(
            (b) =>
                b.kind === r.kind &&
                b.rows.every((x) => x.property.split(".")[0] !== r.property.split(".")[0]),
        );
        if (bin) bin.rows.push(r);
        else bins.push({ kind: r.kind, rows: [r] });
    }
    return bins;
}

/** Runs `fn` over `items` one at a time: engine runs are heavy on a 2-core machine. */
async function inSequence<T>(
    items: T[],
    fn: (item: T, index: number) => Promise<void>,
): Promise<void> {
    for (const [i, item] of items.entries()) await fn(item, i);
}

const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
