// ScimIntegration (provider/integration/integration.ts) under Pulumi's mocks: which resources it declares in the
// builtin mode and how they are connected, the per-child transforms, the outputs it records, and
// every argument a child's check() judges, refused up front by the argument's name, all at once,
// before any child is registered (so `pulumi up --skip-preview` creates nothing either).
import { strict as assert } from "assert";
import { componentArgs, inputsOfOnly, newComponent } from "../support/integrationComponent";
import * as pulumi from "@pulumi/pulumi";
import type {
    ScimIntegration as Integration,
    ScimIntegrationArgs,
} from "../../provider/integration/index";
import {
    Declared,
    MockWorld,
    recordRegistrations,
    settled,
    defaultAnswers,
    mockProviders,
    valueOf,
} from "../support/pulumiMocks";
import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";

const base = componentArgs({ groupIds: ["00g1", "00g2"] });

describe("ScimIntegration wiring, builtin Okta resources (mocks)", function () {
    const declared: Declared[] = [];
    const world: MockWorld = { connectionStatus: "pending" };
    // "-group" finds scim-group-00g1 and scim-group-00g2; "-app" finds scim-app, not scim-app-user-schema
    const find = (part: string) =>
        declared.filter(
            (d) => d.name === `scim${part}` || new RegExp(`^scim${part}-\\w+$`).test(d.name),
        );
    const one = (suffix: string) => {
        const found = find(suffix);
        assert.equal(found.length, 1, suffix);
        return found[0];
    };

    async function build(
        args: Partial<ScimIntegrationArgs> = {},
        preview = false,
    ): Promise<Integration> {
        recordRegistrations(declared, world, preview);
        declared.length = 0;
        const { ScimIntegration } = await import("../../provider/integration/index");
        const s = new ScimIntegration("scim", { ...base, ...args });
        await settled(s.provisioningApplied);
        return s;
    }

    it("declares the 11 children under the component with the package defaults", async () => {
        await build();
        const dynamic = declared.filter((d) => d.type.startsWith("pulumi-nodejs:dynamic"));
        assert.deepEqual(dynamic.map((d) => d.name).sort(), [
            "scim-app",
            "scim-app-user-schema",
            "scim-employee",
            "scim-group-00g1",
            "scim-group-00g2",
            "scim-guard",
            "scim-key",
            "scim-profile-mapping",
            "scim-provisioning",
            "scim-role",
            "scim-scim",
        ]);
        assert.equal(one("-role").inputs.name, "SCIM Access Key");
        // the default description, with this stack's ownership mark (provider/framework/ownership.ts)
        assert.equal(
            one("-role").inputs.description,
            "Okta SCIM provisioning (managed by Pulumi) [pulumi stack: project/stack]",
        );
        assert.equal(one("-app").inputs.owner, "project/stack");
        assert.deepEqual(
            [one("-employee").inputs.firstName, one("-employee").inputs.lastName],
            ["SCIM", "AccessKey"],
        );
        assert.equal(one("-app").inputs.label, "NICE CXone");
        assert.equal(one("-scim").inputs.appLabel, "NICE CXone");
        assert.deepEqual(
            [
                one("-provisioning").inputs.createUsers,
                one("-provisioning").inputs.updateUserAttributes,
                one("-provisioning").inputs.deactivateUsers,
            ],
            [true, true, true],
        );
    });

    it("wires ids: employee <- role, key <- employee, groups/connection/actions <- app, connection <- key", async () => {
        await build();
        assert.equal(one("-employee").inputs.roleId, "scim-role-id");
        assert.equal(one("-key").inputs.employeeId, "scim-employee-id");
        for (const d of [
            ...find("-group-00g1"),
            ...find("-group-00g2"),
            one("-scim"),
            one("-provisioning"),
        ]) {
            assert.equal(d.inputs.appId, "scim-app-id", d.name);
        }
        assert.equal(one("-scim").inputs.clientId, "scim-key-id");
        assert.equal(one("-provisioning").inputs.connectionStatus, "pending");
        assert.deepEqual(
            find("-group").map((d) => d.inputs.groupId),
            ["00g1", "00g2"],
        );
    });

    it("the same resources are declared in a preview where the connection status is unknown", async () => {
        await build();
        const up = declared.map((d) => d.name).sort();
        world.connectionStatus = pulumi.runtime.unknownValue;
        await build({}, true);
        world.connectionStatus = "pending";
        assert.deepEqual(declared.map((d) => d.name).sort(), up);
    });

    it("exposes its children as readonly properties", async () => {
        const s = await build();
        const urns = await Promise.all(
            [
                s.role,
                s.employee,
                s.accessKey,
                s.app,
                ...s.groupAssignments,
                s.scimConnection,
                s.provisioningActions,
            ].map((r) => settled(r.urn)),
        );
        assert.deepEqual(
            urns.map((u) => u?.split("::").pop()),
            [
                "scim-role",
                "scim-employee",
                "scim-key",
                "scim-app",
                "scim-group-00g1",
                "scim-group-00g2",
                "scim-scim",
                "scim-provisioning",
            ],
        );
    });

    it("per-child transforms change arguments and options: protect the role, a dependsOn, a label", async () => {
        const seen: string[] = [];
        const s = await build({
            transform: {
                role: (args, opts, name) => {
                    seen.push(name);
                    opts.protect = true;
                    args.description = "shaped";
                },
                employee: (_args, opts) => {
                    opts.ignoreChanges = ["firstName"];
                },
                app: (args) => {
                    args.label = "CXone (shaped)";
                },
                groupAssignment: (_args, _opts, name) => seen.push(name),
            },
        });
        assert.deepEqual(seen, ["scim-role", "scim-group-00g1", "scim-group-00g2"]);
        assert.equal(one("-role").inputs.description, "shaped");
        assert.equal(one("-app").inputs.label, "CXone (shaped)");
        // protect is an option, not an input: read it from the resource the component built
        assert.equal(Reflect.get(s.role, "__protect"), true);
        assert.notEqual(Reflect.get(s.employee, "__protect"), true);
    });

    it("reports every argument error at once, naming each input", async () => {
        recordRegistrations(declared, world, true);
        const { ScimIntegration, ScimIntegrationArgsError } =
            await import("../../provider/integration/index");
        const bad = {
            ...base,
            cxone: { region: "mars1" },
            oktaResources: "terraform" as never,
            oktaProvider: new (class extends pulumi.ProviderResource {})("okta", "p", {}),
            adoptExisting: "yes" as never,
        };
        let caught: unknown;
        try {
            new ScimIntegration("bad", bad);
        } catch (e) {
            caught = e;
        }
        assert.ok(caught instanceof ScimIntegrationArgsError, String(caught));
        assert.deepEqual(
            caught.errors.map((e) => e.propertyPath),
            ["cxone.region", "oktaResources", "oktaProvider", "adoptExisting"],
        );
        assert.match(caught.message, /^cxone\.region: region "mars1" is not a known CXone region/);
        assert.match(
            caught.message,
            /oktaResources: must be "builtin" or "pulumi-okta" \(got "terraform"\)/,
        );
        assert.ok(
            pulumi.ResourceError.isInstance(caught) && caught.hideStack,
            "printed once, without a stack trace",
        );
    });

    it("one argument error reads as before: 'cxone.<input>: <reason>'", async () => {
        recordRegistrations(declared, world, true);
        const { ScimIntegration } = await import("../../provider/integration/index");
        assert.throws(
            () => new ScimIntegration("bad", { ...base, cxone: { region: "na1", fedramp: true } }),
            (e: Error) =>
                e.message.startsWith(
                    `cxone.fedramp: fedramp is true but region "na1" is not a FedRAMP region`,
                ),
        );
    });
});

// Every component argument that a child's check() judges, refused up front by ScimIntegration with
// the argument's name (not the child's property), before any child is registered (Pulumi's mocks
// record every registration), so that `pulumi up --skip-preview` creates nothing either.
// And the arguments that reach the children unchanged, or with the package's defaults.
const argsBase = componentArgs({ groupIds: ["00g1"] });
const long = (n: number) => "x".repeat(n);

describe("ScimIntegration: each bad argument named as typed, no child registered (mocks)", function () {
    this.timeout(20_000);
    const declared: Declared[] = [];
    const world: MockWorld = { connectionStatus: "pending" };

    async function problems(args: Partial<ScimIntegrationArgs>): Promise<[string, string][]> {
        recordRegistrations(declared, world, false);
        declared.length = 0;
        const { ScimIntegration, ScimIntegrationArgsError, checkScimIntegrationArgs } =
            await import("../../provider/integration/index");
        const pure = checkScimIntegrationArgs({ ...argsBase, ...args });
        let caught: unknown;
        try {
            new ScimIntegration("scim", { ...argsBase, ...args });
        } catch (e) {
            caught = e;
        }
        await new Promise((r) => setTimeout(r, 50)); // the mock records registrations async
        // the component's own record exists (its constructor registers it first), no child
        assert.deepEqual(
            declared.map((d) => d.type),
            ["cxone-okta-scim:index:ScimIntegration"],
        );
        assert.ok(caught instanceof ScimIntegrationArgsError, String(caught));
        assert.deepEqual(caught.errors, pure.problems, "the pure check finds the same");
        assert.equal(pure.normalized, undefined);
        assert.equal(caught.message, caught.errors.map((e) => e.reason).join("\n"));
        return caught.errors.map((e) => [e.propertyPath, e.reason]);
    }

    type Row = [Partial<ScimIntegrationArgs>, [string, string][]];
    /** A sandbox URL whose scheme is not http: or https:, refused for it. */
    const schemeRefused = (sandboxUrl: string): Row => [
        { cxone: { sandboxUrl } },
        [
            [
                "cxone.sandboxUrl",
                `cxone.sandboxUrl: cxoneBaseUrl "${sandboxUrl}" must be http: or https:`,
            ],
        ],
    ];
    const rows: Row[] = [
        [
            // only what the user typed counts: the stack's mark (29 characters here) is added after
            { roleDescription: long(980) },
            [
                [
                    "roleDescription",
                    'roleDescription: must be at most 970 characters (got 980): CXone keeps 1000, and the stack\'s mark "[pulumi stack: project/stack]" is added after it',
                ],
            ],
        ],
        [
            { employeeEmail: " k@example.com " },
            [
                [
                    "employeeEmail",
                    'employeeEmail: email must not start or end with spaces (got " k@example.com ")',
                ],
            ],
        ],
        [
            { cxone: { sandboxUrl: "http://127.0.0.1:4610/a/../" } },
            [
                [
                    "cxone.sandboxUrl",
                    'cxone.sandboxUrl: must not contain "." or ".." path segments (got "http://127.0.0.1:4610/a/../")',
                ],
            ],
        ],
        [
            { oktaOrgUrl: "https://dev-1.okta.com/%2E%2E/admin" },
            [
                [
                    "oktaOrgUrl",
                    'oktaOrgUrl: orgUrl must not contain "." or ".." path segments (got "https://dev-1.okta.com/%2E%2E/admin")',
                ],
            ],
        ],
        [
            { adoptRoleId: long(101) },
            [["adoptRoleId", "adoptRoleId: adoptRoleId must be at most 100 characters (got 101)"]],
        ],
        [
            { employeeFirstName: "", employeeLastName: " " },
            [
                [
                    "employeeFirstName",
                    "employeeFirstName: firstName is required and must not be empty",
                ],
                [
                    "employeeLastName",
                    "employeeLastName: lastName is required and must not be empty",
                ],
            ],
        ],
        [
            { loginAuthenticatorId: "" },
            [
                [
                    "loginAuthenticatorId",
                    "loginAuthenticatorId: loginAuthenticatorId must not be empty (omit it for the tenant default)",
                ],
            ],
        ],
        [
            { inviteEmployee: "yes" as never },
            [["inviteEmployee", "inviteEmployee: invite must be true or false"]],
        ],
        [
            { adoptEmployeeId: long(101) },
            [
                [
                    "adoptEmployeeId",
                    "adoptEmployeeId: adoptEmployeeId must be at most 100 characters (got 101)",
                ],
            ],
        ],
        [
            { accessKeyRotation: long(201) },
            [
                [
                    "accessKeyRotation",
                    "accessKeyRotation: rotation must be at most 200 characters (got 201)",
                ],
            ],
        ],
        [
            { rotateAfterDays: 0, maxRotationOverlapDays: -1 },
            [
                [
                    "rotateAfterDays",
                    "rotateAfterDays: rotateAfterDays must be a number from 1 to 3650",
                ],
                [
                    "maxRotationOverlapDays",
                    "maxRotationOverlapDays: maxOverlapDays must be a number from 0 to 3650",
                ],
            ],
        ],
        [
            { oktaOrgUrl: "http://dev-1.okta.com" },
            [["oktaOrgUrl", /^oktaOrgUrl: orgUrl must use https/.source]],
        ],
        [
            { appLabel: long(101), adoptAppId: long(101) },
            [
                ["appLabel", "appLabel: label must be at most 100 characters (got 101)"],
                ["adoptAppId", "adoptAppId: adoptAppId must be at most 100 characters (got 101)"],
            ],
        ],
        [
            {
                createUsers: "y" as never,
                updateUserAttributes: 1 as never,
                deactivateUsers: "n" as never,
            },
            [
                ["createUsers", "createUsers: createUsers must be true or false"],
                [
                    "updateUserAttributes",
                    "updateUserAttributes: updateUserAttributes must be true or false",
                ],
                ["deactivateUsers", "deactivateUsers: deactivateUsers must be true or false"],
            ],
        ],
        [
            { secretReference: "" },
            [
                [
                    "secretReference",
                    "secretReference: secretReference is required and must not be empty",
                ],
            ],
        ],
        [
            { groupIds: ["00g1", "00g2", ""] },
            [["groupIds[2]", /^groupIds\[2\]: groupId is required/.source]],
        ],
        [
            { groupIds: "00g1" as never },
            [["groupIds", "groupIds: must be a list of Okta group ids"]],
        ],
        [
            { adoptExisting: "true" as never },
            [["adoptExisting", "adoptExisting: must be true or false"]],
        ],
        [
            { deactivationThreshold: -1, allowDeactivations: 2.5 } as Partial<ScimIntegrationArgs>,
            [
                [
                    "deactivationThreshold",
                    "deactivationThreshold: must be a whole number of people, 0 or more (got -1)",
                ],
                [
                    "allowDeactivations",
                    "allowDeactivations: must be a whole number of people, 0 or more (got 2.5)",
                ],
            ],
        ],
        [
            { oktaProvider: new (class extends pulumi.ProviderResource {})("okta", "p", {}) },
            [
                [
                    "oktaProvider",
                    'oktaProvider: is used only with oktaResources "pulumi-okta" (got "builtin")',
                ],
            ],
        ],
        [
            { cxone: { region: "na1", sandboxUrl: "http://127.0.0.1:4610" } },
            [
                [
                    "cxone",
                    "cxone: set either region (a real tenant) or sandboxUrl (the local sandbox), not both",
                ],
            ],
        ],
        schemeRefused("ftp://127.0.0.1:4610"),
        [
            // the access key and the admin token would travel there
            { cxone: { sandboxUrl: "http://sandbox.example:4610" } },
            [
                [
                    "cxone.sandboxUrl",
                    'cxone.sandboxUrl: "http://sandbox.example:4610" is not on loopback; the local ' +
                        "sandbox runs on this machine (e.g. http://127.0.0.1:4610); for a real " +
                        "tenant set cxone.region",
                ],
            ],
        ],
        // a scheme that merely contains "https:" is not one: refused for its scheme
        schemeRefused("git+https://sandbox.example:4610"),
        // not an http(s) URL at all: the scheme is the problem, wherever it points
        schemeRefused("ftp://sandbox.example"),
        [
            { cxone: { region: "na1", fedramp: "no" as never } },
            [["cxone.fedramp", 'cxone.fedramp: fedramp must be true or false, got "no"']],
        ],
        [
            { cxone: {} },
            [["cxone.region", /^cxone\.region: region is required: one of na1, au1/.source]],
        ],
        [
            { attributeMappings: { "nice:colour": "user.x" } },
            [
                [
                    "attributeMappings",
                    /^attributeMappings\["nice:colour"\]: unknown CXone attribute "nice:colour"/
                        .source,
                ],
            ],
        ],
        [
            { allowEveryoneGroup: "yes" as never },
            [["allowEveryoneGroup", "allowEveryoneGroup: must be true or false"]],
        ],
        [
            { roleDescription: 5 as never },
            [["roleDescription", "roleDescription: must be a string"]],
        ],
        [
            // counted without the spaces around it, as CXone keeps it
            { roleDescription: `  ${long(971)}  ` },
            [
                [
                    "roleDescription",
                    /^roleDescription: must be at most 970 characters \(got 971\)/.source,
                ],
            ],
        ],
        [
            // named as typed, not as the region the endpoint was built from
            { cxone: { region: "na1", tenantId: 5 as never } },
            [["cxone.tenantId", "cxone.tenantId: must be a string"]],
        ],
        [
            // not a string: refused as typed, not judged as a URL off loopback
            { cxone: { sandboxUrl: ["https://sandbox.example"] as never } },
            [
                [
                    "cxone.sandboxUrl",
                    'cxone.sandboxUrl: must be a URL such as http://127.0.0.1:4610 (got ["https://sandbox.example"])',
                ],
            ],
        ],
        [
            // a null (YAML's `~`) was a TypeError from the URL check
            { cxone: { sandboxUrl: null as never } },
            [
                [
                    "cxone.sandboxUrl",
                    "cxone.sandboxUrl: must be a URL such as http://127.0.0.1:4610 (got null)",
                ],
            ],
        ],
        [
            { cxone: { sandboxUrl: 4610 as never } },
            [
                [
                    "cxone.sandboxUrl",
                    "cxone.sandboxUrl: must be a URL such as http://127.0.0.1:4610 (got 4610)",
                ],
            ],
        ],
    ];
    for (const [args, expected] of rows) {
        it(`${JSON.stringify(args).slice(0, 90)}: refused as ${expected.map((e) => e[0]).join(", ")}`, async () => {
            const got = await problems(args);
            assert.deepEqual(
                got.map(([p]) => p),
                expected.map(([p]) => p),
                got.map(([, r]) => r).join("\n"),
            );
            expected.forEach(([, reason], i) => {
                if (reason.startsWith("^")) assert.match(got[i][1], new RegExp(reason));
                else assert.equal(got[i][1], reason);
            });
        });
    }

    it("no cxone target at all is refused as cxone.region, not thrown as a TypeError", async () => {
        const got = await problems({ cxone: undefined as never });
        assert.deepEqual(
            got.map(([p]) => p),
            ["cxone.region"],
        );
    });

    it("a sandbox URL with credentials: every URL built from it refused, named cxone.sandboxUrl", async () => {
        const got = await problems({ cxone: { sandboxUrl: "http://u:p@127.0.0.1:4610" } });
        assert.deepEqual(got, [
            [
                "cxone.sandboxUrl",
                "cxone.sandboxUrl: endpoint.issuerUrl must not contain credentials",
            ],
            ["cxone.sandboxUrl", "cxone.sandboxUrl: endpoint.areaUrl must not contain credentials"],
            ["cxone.sandboxUrl", "cxone.sandboxUrl: loginUrl must not contain credentials"],
            ["cxone.sandboxUrl", "cxone.sandboxUrl: scimBaseUrl must not contain credentials"],
            ["cxone.sandboxUrl", "cxone.sandboxUrl: tokenEndpoint must not contain credentials"],
            [
                "cxone.sandboxUrl",
                "cxone.sandboxUrl: authorizeEndpoint must not contain credentials",
            ],
        ]);
    });

    // The component table the engine once ran one `pulumi preview` each for (19 previews): the same
    // check code (checkScimIntegrationArgs, then the constructor) judges them here, on the sandbox
    // target the engine used; test/integration/badInput.engine keeps two of them on the CLI.
    const onSandbox: Partial<ScimIntegrationArgs> = {
        cxone: { sandboxUrl: "http://127.0.0.1:4610" },
        oktaOrgUrl: "http://127.0.0.1:4620",
        employeeEmail: "scim.accesskey@sandbox.example",
    };
    const component: [string, Partial<ScimIntegrationArgs>, RegExp][] = [
        [
            "unknown region",
            { cxone: { region: "mars1" } },
            /cxone\.region: region "mars1" is not a known CXone region/,
        ],
        ["empty region", { cxone: { region: "" } }, /cxone\.region: region is required/],
        [
            "FedRAMP with a non-FedRAMP region",
            { cxone: { region: "na1", fedramp: true } },
            /cxone\.fedramp: fedramp is true but region "na1" is not a FedRAMP region/,
        ],
        [
            "fedramp not a boolean",
            { cxone: { region: "na1", fedramp: "yes" as never } },
            /cxone\.fedramp: fedramp must be true or false/,
        ],
        [
            "both region and sandboxUrl",
            { cxone: { region: "na1", sandboxUrl: "http://127.0.0.1:4610" } },
            /either region .* or sandboxUrl/,
        ],
        [
            "sandboxUrl not a URL",
            { cxone: { sandboxUrl: "sandbox" } },
            /cxone\.sandboxUrl: .*"sandbox" is not a URL/,
        ],
        [
            "employee email without @",
            { employeeEmail: "scim.accesskey.sandbox.example" },
            /employeeEmail: email must be an email address/,
        ],
        [
            "role name with a forbidden character",
            { roleName: "SCIM/Key" },
            /roleName: name must not contain \//,
        ],
        ["empty app label", { appLabel: "" }, /appLabel: label is required/],
        [
            "negative wait",
            { waitForAuthorizationSeconds: -1 },
            /waitForAuthorizationSeconds: waitForAuthorizationSeconds must be a number/,
        ],
        [
            "Okta org over plain http outside loopback",
            { oktaOrgUrl: "http://example.okta.com" },
            /oktaOrgUrl: orgUrl must use https/,
        ],
        ["empty group id", { groupIds: ["00g1", ""] }, /groupIds\[1\]: groupId is required/],
        [
            "sandboxUrl on a foreign host (the key would go there)",
            { cxone: { sandboxUrl: "https://evil.example" } },
            /cxone\.sandboxUrl: "https:\/\/evil\.example" is not on loopback; the local sandbox runs on this machine/,
        ],
        [
            "employee last name of 51 characters",
            { employeeLastName: long(51) },
            /employeeLastName: lastName must be at most 50 characters/,
        ],
        [
            "inviteEmployee as a string",
            { inviteEmployee: "yes" as never },
            /inviteEmployee: invite must be true or false/,
        ],
        [
            "createUsers as a string",
            { createUsers: "no" as never },
            /createUsers: createUsers must be true or false/,
        ],
        [
            "rotation of 201 characters",
            { accessKeyRotation: long(201) },
            /accessKeyRotation: rotation must be at most 200 characters/,
        ],
        [
            "empty secret reference",
            { secretReference: "" },
            /secretReference: secretReference is required/,
        ],
        [
            "two bad inputs at once: both named",
            { employeeEmail: "x", appLabel: "" },
            /employeeEmail: email must[\s\S]*appLabel: label is required/,
        ],
    ];
    it("the sandbox target those rows start from is valid", async () => {
        const { checkScimIntegrationArgs } = await import("../../provider/integration/index");
        assert.deepEqual(checkScimIntegrationArgs({ ...argsBase, ...onSandbox }).problems, []);
    });
    for (const [what, args, names] of component) {
        it(`on the sandbox target, ${what}: refused naming it, no child registered`, async () => {
            const got = await problems({ ...onSandbox, ...args });
            assert.match(got.map(([, r]) => r).join("\n"), names);
        });
    }

    it("a problem several children share is named once", async () => {
        // the org URL reaches the app, the groups, the connection and the actions
        const got = await problems({ oktaOrgUrl: "not a url", groupIds: ["00g1", "00g2"] });
        assert.deepEqual(got, [
            ["oktaOrgUrl", 'oktaOrgUrl: orgUrl must be an absolute http(s) URL (got "not a url")'],
        ]);
    });
});

describe("ScimIntegration: arguments reach the children, or the package's defaults (mocks)", function () {
    this.timeout(20_000);
    const declared: Declared[] = [];
    const world: MockWorld = { connectionStatus: "pending" };
    const inputs = (name: string) => inputsOfOnly(declared, name);

    async function build(
        args: Partial<ScimIntegrationArgs>,
        opts?: pulumi.ComponentResourceOptions,
    ): Promise<Integration> {
        recordRegistrations(declared, world, false);
        declared.length = 0;
        const { ScimIntegration } = await import("../../provider/integration/index");
        const s = new ScimIntegration("scim", { ...argsBase, ...args }, opts);
        await settled(s.provisioningApplied);
        await settled(s.role.description);
        return s;
    }

    it("accepted at their limits: 970 characters of description with spaces around, 0 people, allowEveryoneGroup as true or an Output", async () => {
        const { checkScimIntegrationArgs, startIntegration } =
            await import("../../provider/integration/index");
        const edge: ScimIntegrationArgs = {
            ...argsBase,
            roleDescription: `  ${long(970)}  `,
            deactivationThreshold: 0,
            allowDeactivations: 3,
            allowEveryoneGroup: true,
        };
        const checked = checkScimIntegrationArgs(edge);
        assert.deepEqual(checked.problems, []);
        assert.ok(checked.normalized);
        const later = { ...edge, allowEveryoneGroup: pulumi.output(false) };
        assert.deepEqual(checkScimIntegrationArgs(later).problems, []);
        // what the class and the package's component start from: no problem, ready to declare
        const start = startIntegration("scim", edge);
        assert.deepEqual(start.problems, []);
        assert.ok(start.ready);
    });

    it("the reads before the first write ask about the role name, switches and people limits as declared, defaults included", async () => {
        const { checkScimIntegrationArgs, gateInputsOf } =
            await import("../../provider/integration/index");
        const gateInputs = (args: ScimIntegrationArgs) => {
            const n = checkScimIntegrationArgs(args).normalized;
            assert.ok(n);
            return gateInputsOf(args, n);
        };
        assert.deepEqual(gateInputs(argsBase), {
            oktaOrgUrl: "https://dev-1.okta.com",
            roleName: "SCIM Access Key",
            employeeEmail: "k@example.com",
            appLabel: "NICE CXone",
            groupIds: ["00g1"],
            adoptRoleId: undefined,
            adoptEmployeeId: undefined,
            adoptAppId: undefined,
            allowEveryoneGroup: undefined,
            createUsers: true,
            updateUserAttributes: true,
            deactivateUsers: true,
            deactivationThreshold: 0,
            allowDeactivations: undefined,
        });
        const given = gateInputs({
            ...argsBase,
            roleName: "Okta SCIM",
            deactivationThreshold: 5,
            allowDeactivations: 2,
            deactivateUsers: false,
        });
        assert.deepEqual(
            [given.roleName, given.deactivationThreshold, given.allowDeactivations],
            ["Okta SCIM", 5, 2],
        );
        assert.equal(given.deactivateUsers, false);
    });

    it("the removal guard: the integration's ids, removal refused by default, the people limits", async () => {
        await build({});
        const guard = inputs("scim-guard");
        assert.equal(guard.integration, "scim");
        assert.equal(guard.roleId, "scim-role-id");
        assert.equal(guard.employeeId, "scim-employee-id");
        assert.equal(guard.accessKeyId, "scim-key-id");
        assert.equal(guard.appId, "scim-app-id");
        assert.equal(guard.allowRemoval, false);
        assert.equal(guard.orgUrl, "https://dev-1.okta.com");
        assert.equal(guard.deactivationThreshold, 0);
        await build({ allowRemoval: true, deactivationThreshold: 5, allowDeactivations: 2 });
        const asked = inputs("scim-guard");
        assert.deepEqual(
            [asked.allowRemoval, asked.deactivationThreshold, asked.allowDeactivations],
            [true, 5, 2],
        );
    });

    it("order: the Okta app waits for the access key, the guard for every other child", async () => {
        const dependsOn = new Map<string, unknown>();
        let appAfter: unknown;
        const s = await build(
            { transform: { app: (_args, opts) => void (appAfter = opts.dependsOn) } },
            {
                transformations: [
                    (a) => {
                        dependsOn.set(a.name, a.opts.dependsOn);
                        return undefined;
                    },
                ],
            },
        );
        assert.ok(Array.isArray(appAfter) && appAfter.length === 1 && appAfter[0] === s.accessKey);
        const guardAfter = dependsOn.get("scim-guard");
        assert.ok(Array.isArray(guardAfter));
        // the 9 other children: CXone's three, the app, its one group, the connection, the two
        // attribute mapping resources and the provisioning actions
        assert.equal(guardAfter.length, 9);
        for (const child of [s.role, s.employee, s.accessKey, s.app, s.scimConnection]) {
            assert.ok(guardAfter.includes(child));
        }
        assert.ok(guardAfter.includes(s.provisioningActions));
        assert.ok(guardAfter.includes(s.groupAssignments[0]));
    });

    /** What a transform of `child` is handed as its `field`, the component built from `args`. */
    async function seenByTransform(
        args: Partial<ScimIntegrationArgs>,
        child: "role" | "scimConnection",
        field: string,
    ): Promise<unknown> {
        let seen: unknown;
        const look = (a: object) => void (seen = (a as Record<string, unknown>)[field]);
        await build({ ...args, transform: { [child]: look } });
        return seen;
    }

    it("a transform sees the role description as text, the stack's mark added", async () => {
        assert.equal(
            await seenByTransform({ roleDescription: "Okta provisioning" }, "role", "description"),
            "Okta provisioning [pulumi stack: project/stack]",
        );
    });

    it("the employee's roleName output is kept secret when the role name is an Output (it may be secret)", async () => {
        const secretOutputs: unknown[] = [];
        const transform = {
            employee: (_args: unknown, opts: pulumi.CustomResourceOptions) =>
                void secretOutputs.push(opts.additionalSecretOutputs),
        };
        await build({ roleName: pulumi.secret("Okta SCIM"), transform });
        await build({ roleName: "Okta SCIM", transform });
        assert.deepEqual(secretOutputs, [["roleName"], undefined]);
    });

    it("a transform sees the console steps' app label as text when it is typed as text", async () => {
        assert.equal(
            await seenByTransform({ appLabel: "CXone (Okta)" }, "scimConnection", "appLabel"),
            "CXone (Okta)",
        );
    });

    it("the console steps' app label: shown when given as an Output, empty when it is a secret", async () => {
        await build({ appLabel: pulumi.output("CXone (Okta)") });
        assert.equal(inputs("scim-scim").appLabel, "CXone (Okta)");
        await build({ appLabel: pulumi.secret("CXone (hidden)") });
        assert.equal(inputs("scim-scim").appLabel, "");
    });

    it("defaults: no rotation schedule, no wait, builtin mode; the secret reference left to the connection", async () => {
        await build({});
        const key = inputs("scim-key");
        assert.equal(key.rotateAfterDays, undefined);
        assert.equal(key.maxOverlapDays, undefined);
        assert.equal(key.rotation, undefined);
        const scim = inputs("scim-scim");
        assert.equal(scim.waitForAuthorizationSeconds, 0);
        // the connection's check() applies its own default
        assert.equal(scim.secretReference, undefined);
        assert.equal(scim.requireAuthorization, false);
        assert.deepEqual(scim.cxoneEndpoint, {
            issuerUrl: "https://cxone.niceincontact.com",
            areaUrl: "https://na1.nice-incontact.com",
        });
        assert.equal(scim.tokenEndpoint, "https://cxone.niceincontact.com/auth/token");
        assert.equal(
            scim.authorizeEndpoint,
            "https://cxone.niceincontact.com/auth/authorize?scope=openid",
        );
        assert.equal(scim.orgUrl, "https://dev-1.okta.com");
        const employee = inputs("scim-employee");
        assert.equal(employee.invite, true);
        assert.equal(employee.adoptExisting, false);
        assert.equal(inputs("scim-role").adoptExisting, false);
        assert.equal(inputs("scim-app").adoptExisting, false);
    });

    it("rotation schedule, wait, secret reference and adoption ids reach their children", async () => {
        await build({
            rotateAfterDays: 90,
            maxRotationOverlapDays: 7,
            waitForAuthorizationSeconds: 120,
            secretReference: "vault kv get scim/secret",
            adoptRoleId: "r-1",
            adoptEmployeeId: "e-1",
            adoptAppId: "0oa1",
            adoptExisting: true,
            roleName: "Okta SCIM",
        });
        assert.deepEqual(
            [inputs("scim-key").rotateAfterDays, inputs("scim-key").maxOverlapDays],
            [90, 7],
        );
        const scim = inputs("scim-scim");
        assert.equal(scim.waitForAuthorizationSeconds, 120);
        assert.equal(scim.secretReference, "vault kv get scim/secret");
        assert.deepEqual(
            [inputs("scim-role").adoptRoleId, inputs("scim-role").name],
            ["r-1", "Okta SCIM"],
        );
        assert.equal(inputs("scim-employee").adoptEmployeeId, "e-1");
        assert.deepEqual(
            [inputs("scim-app").adoptAppId, inputs("scim-app").adoptExisting],
            ["0oa1", true],
        );
        assert.equal(inputs("scim-role").adoptExisting, true);
        assert.equal(inputs("scim-employee").adoptExisting, true);
    });

    it("the access key's and the connection's transforms shape exactly their own child", async () => {
        const names: string[] = [];
        await build({
            transform: {
                accessKey: (args, _opts, name) => {
                    names.push(name);
                    args.rotation = "shaped-rotation";
                },
                scimConnection: (args, _opts, name) => {
                    names.push(name);
                    args.secretReference = "shaped reference";
                },
            },
        });
        assert.deepEqual(names, ["scim-key", "scim-scim"]);
        assert.equal(inputs("scim-key").rotation, "shaped-rotation");
        assert.equal(inputs("scim-scim").secretReference, "shaped reference");
        assert.equal(inputs("scim-role").rotation, undefined);
    });

    it("a role description gets the stack's mark, also when it is known only later", async () => {
        await build({ roleDescription: "Okta provisioning [pulumi stack: other/prod]" });
        assert.equal(
            inputs("scim-role").description,
            "Okta provisioning [pulumi stack: project/stack]",
        );
        await build({ roleDescription: pulumi.output("Provisioning by Okta") });
        assert.equal(
            inputs("scim-role").description,
            "Provisioning by Okta [pulumi stack: project/stack]",
        );
    });

    it("the sandbox target: every CXone URL on the sandbox's host, its tenant id on the endpoint", async () => {
        await build({ cxone: { sandboxUrl: "http://127.0.0.1:4610/", tenantId: "t-9" } });
        const endpoint = {
            issuerUrl: "http://127.0.0.1:4610",
            areaUrl: "http://127.0.0.1:4610",
            tenantId: "t-9",
        };
        assert.deepEqual(inputs("scim-role").endpoint, endpoint);
        assert.deepEqual(inputs("scim-employee").endpoint, endpoint);
        assert.deepEqual(inputs("scim-key").endpoint, endpoint);
        assert.equal(inputs("scim-app").loginUrl, "http://127.0.0.1:4610/login");
        assert.equal(inputs("scim-scim").scimBaseUrl, "http://127.0.0.1:4610/scim/v2");
    });
});

// The component checks its children's plain inputs before it registers any child (Pulumi's
// mocks record every registration): a bad input fails with every problem named by the argument
// the user typed, and no child exists to be created. Values not known yet are left to the
// resources' own check().

describe("ScimIntegration: children's plain inputs checked before any registration (mocks)", () => {
    const declared: Declared[] = [];
    const world: MockWorld = { connectionStatus: "pending" };

    async function attempt(args: Partial<ScimIntegrationArgs>): Promise<string[]> {
        recordRegistrations(declared, world, false);
        declared.length = 0;
        const { ScimIntegration, ScimIntegrationArgsError } =
            await import("../../provider/integration/index");
        try {
            new ScimIntegration("scim", { ...argsBase, ...args });
        } catch (e) {
            assert.ok(e instanceof ScimIntegrationArgsError, String(e));
            return e.errors.map((p) => p.reason);
        }
        return [];
    }
    const children = () => declared.filter((d) => !d.type.endsWith("ScimIntegration"));

    const cases: [string, Partial<ScimIntegrationArgs>, RegExp[]][] = [
        [
            "a bad email (the employee is declared after the role)",
            { employeeEmail: "k" },
            [/^employeeEmail: email must be an email address/],
        ],
        [
            "a role name and an app label at once",
            { roleName: "a/b", appLabel: "" },
            [/^roleName: name must not contain \//, /^appLabel: label is required/],
        ],
        [
            "a sandbox URL off loopback",
            { cxone: { sandboxUrl: "https://sandbox.example" } },
            [
                /^cxone\.sandboxUrl: "https:\/\/sandbox\.example" is not on loopback; the local sandbox runs on this machine/,
            ],
        ],
        [
            "the second group id empty",
            { groupIds: ["00g1", ""] },
            [/^groupIds\[1\]: groupId is required/],
        ],
        [
            "a wait of two days",
            { waitForAuthorizationSeconds: 172_800 },
            [
                /^waitForAuthorizationSeconds: waitForAuthorizationSeconds must be a number from 0 to 86400/,
            ],
        ],
    ];
    for (const [what, args, expected] of cases) {
        it(`${what}: refused, no child registered`, async () => {
            const reasons = await attempt(args);
            assert.equal(reasons.length, expected.length, reasons.join("\n"));
            expected.forEach((re, i) => assert.match(reasons[i], re));
            assert.deepEqual(children(), []);
        });
    }

    it("values not known yet pass here (their resources check them), the rest is still checked", async () => {
        // an Output is not known while the component is constructed, even a bad one
        const later = pulumi.output("not-an-email");
        assert.deepEqual(await attempt({ employeeEmail: later, roleName: later }), []);
        await new Promise((r) => setTimeout(r, 200)); // the mock records registrations async
        assert.ok(children().length > 0, "declared as usual");
        const reasons = await attempt({ employeeEmail: later, appLabel: "" });
        assert.equal(reasons.length, 1);
        assert.match(reasons[0], /^appLabel: /);
    });
});

// What ScimIntegration records as its own outputs (the component's entry in the stack's state,
// read back from Pulumi's mock monitor), each from the child that provides it.
describe("ScimIntegration's recorded outputs (mocks)", function () {
    this.timeout(20_000);

    it("the component's state holds every output, each from its child", async () => {
        const declared: Declared[] = [];
        const answers = defaultAnswers();
        answers.scimConnection = { status: "pending", remainingSteps: ["7. Open the app"] };
        answers.accessKey = {
            ...answers.accessKey,
            keyAgeDays: 40,
            nextRotationDate: "2027-03-01",
        };
        answers.provisioningActions = { applied: false };
        mockProviders(declared, () => answers, "p", "s");
        const s = await newComponent(
            "rec",
            componentArgs({ cxone: { region: "au1" }, groupIds: ["00gAbCdEfGhIjKlMnOpQ"] }),
        );
        await valueOf(s.provisioningApplied);
        await new Promise((r) => setTimeout(r, 100)); // outputs are registered after they resolve
        const monitor: unknown = pulumi.runtime.getMonitor();
        assert.ok(monitor instanceof MockMonitor);
        const component = [...monitor.getRegisteredResources().values()].find((r) =>
            r.urn.endsWith("cxone-okta-scim:index:ScimIntegration::rec"),
        );
        assert.ok(component, "the component is registered");
        // every child is the component's: its URN's type names the component as parent
        const children = [...monitor.getRegisteredResources().keys()].filter(
            (urn) => !urn.endsWith("::rec"),
        );
        assert.equal(children.length, 10, children.join("\n"));
        for (const urn of children) {
            assert.match(urn, /::cxone-okta-scim:index:ScimIntegration\$[^:]/, urn);
        }
        // the outputs as the monitor received them (a protobuf Struct)
        const recorded: unknown = component.state;
        assert.ok(recorded && typeof recorded === "object" && "toJavaScript" in recorded);
        assert.ok(typeof recorded.toJavaScript === "function");
        const state: unknown = recorded.toJavaScript();
        assert.deepEqual(state, {
            scimBaseUrl: "https://au1.nice-incontact.com/scim/v2",
            appId: "rec-app-id",
            roleId: "rec-role-id",
            employeeId: "rec-employee-id",
            accessKeyId: "AKID-1",
            accessKeySecret: "s3cret-value-1",
            connectionStatus: "pending",
            accessKeyAgeDays: 40,
            nextKeyRotationDate: "2027-03-01",
            remainingSteps: ["7. Open the app"],
            provisioningApplied: false,
            // the people probe is off under mocks (test/support/noVendorReads.ts): no report
            provisionedUsers: 0,
        });
        assert.equal(s.region.region, "au1");
    });
});
