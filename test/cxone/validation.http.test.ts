// Bad input: every invalid input gets a CheckFailure naming the property, with zero API calls
// (asserted with the sandbox's request log), and preview's unknown sentinel passes everywhere.
import { strict as assert } from "assert";
import role from "../../provider/cxone/roleProvider";
import employee from "../../provider/cxone/employeeProvider";
import accessKey from "../../provider/cxone/accessKeyProvider";
import { UNKNOWN } from "../../provider/cxone/validation";
import { sandboxForSuite } from "../support/sandbox";

type Props = Record<string, unknown>;
type Provider = {
    check(
        o: Props,
        n: Props,
    ): Promise<{ failures?: { property: string; reason: string }[]; inputs?: Props }>;
};

describe("check(): validation table, no API calls", () => {
    const f = sandboxForSuite();
    before(async () => {
        f.sandbox.clearRequests();
    });

    const endpoint = () => f.endpoint;
    const goodRole = () => ({ endpoint: endpoint(), name: "SCIM Access Key" });
    const goodEmployee = () => ({
        endpoint: endpoint(),
        email: "scim@example.com",
        firstName: "SCIM",
        lastName: "AccessKey",
        roleId: "r-1",
    });
    const goodKey = () => ({ endpoint: endpoint(), employeeId: "u-1" });

    const table: [string, Provider, () => Props, Props, string][] = [
        ["role: missing name", role, goodRole, { name: undefined }, "name"],
        ["role: empty name", role, goodRole, { name: "  " }, "name"],
        ["role: name of 51 characters", role, goodRole, { name: "x".repeat(51) }, "name"],
        ["role: name with /", role, goodRole, { name: "SCIM/Key" }, "name"],
        ["role: name with &", role, goodRole, { name: "SCIM & Key" }, "name"],
        ["role: name with a double quote", role, goodRole, { name: 'SCIM "Key"' }, "name"],
        ["role: name with %", role, goodRole, { name: "100% SCIM" }, "name"],
        ["role: name as a number", role, goodRole, { name: 42 }, "name"],
        ["role: bad status", role, goodRole, { status: "DELETED" }, "status"],
        [
            "role: permissions not a list",
            role,
            goodRole,
            { permissions: "Employees: View" },
            "permissions",
        ],
        ["role: empty permissions", role, goodRole, { permissions: [] }, "permissions"],
        [
            "role: duplicate permission",
            role,
            goodRole,
            { permissions: ["Employees: View", "Employees: View"] },
            "permissions",
        ],
        [
            "role: adoptExisting not boolean",
            role,
            goodRole,
            { adoptExisting: "yes" },
            "adoptExisting",
        ],
        ["role: missing endpoint", role, goodRole, { endpoint: undefined }, "endpoint"],
        [
            "role: endpoint issuerUrl not a URL",
            role,
            goodRole,
            { endpoint: { issuerUrl: "cxone", areaUrl: "https://na1.nice-incontact.com" } },
            "endpoint.issuerUrl",
        ],
        [
            "role: endpoint with a credential field",
            role,
            goodRole,
            {
                endpoint: {
                    issuerUrl: "https://na1.nice-incontact.com",
                    areaUrl: "https://na1.nice-incontact.com",
                    accessKeySecret: "x",
                },
            },
            "endpoint.accessKeySecret",
        ],
        [
            "role: endpoint areaUrl with user:password",
            role,
            goodRole,
            {
                endpoint: {
                    issuerUrl: "https://na1.nice-incontact.com",
                    areaUrl: "https://u:p@na1.nice-incontact.com",
                },
            },
            "endpoint.areaUrl",
        ],
        // each row breaks exactly one part of an otherwise valid address
        [
            "employee: email without @",
            employee,
            goodEmployee,
            { email: "scim-key.example.com" },
            "email",
        ],
        [
            "employee: email with no dot in the domain",
            employee,
            goodEmployee,
            { email: "scim-key@example" },
            "email",
        ],
        [
            "employee: email with two @",
            employee,
            goodEmployee,
            { email: "scim@key@example.com" },
            "email",
        ],
        [
            "employee: email with nothing before @",
            employee,
            goodEmployee,
            { email: "@example.com" },
            "email",
        ],
        [
            "employee: missing firstName",
            employee,
            goodEmployee,
            { firstName: undefined },
            "firstName",
        ],
        ["employee: empty lastName", employee, goodEmployee, { lastName: "" }, "lastName"],
        ["employee: missing roleId", employee, goodEmployee, { roleId: undefined }, "roleId"],
        [
            "employee: billable not boolean",
            employee,
            goodEmployee,
            { billable: "false" },
            "billable",
        ],
        [
            "employee: empty loginAuthenticatorId",
            employee,
            goodEmployee,
            { loginAuthenticatorId: "" },
            "loginAuthenticatorId",
        ],
        ["employee: invite not boolean", employee, goodEmployee, { invite: 1 }, "invite"],
        [
            "employee: firstName too long",
            employee,
            goodEmployee,
            { firstName: "y".repeat(51) },
            "firstName",
        ],
        [
            "access key: missing employeeId",
            accessKey,
            goodKey,
            { employeeId: undefined },
            "employeeId",
        ],
        ["access key: active not boolean", accessKey, goodKey, { active: "true" }, "active"],
        [
            "access key: secret given as input",
            accessKey,
            goodKey,
            { secret: "s3cr3t-value" },
            "secret",
        ],
        [
            "access key: apiUrl not http(s)",
            accessKey,
            goodKey,
            {
                endpoint: {
                    issuerUrl: "https://na1.nice-incontact.com",
                    areaUrl: "https://na1.nice-incontact.com",
                    apiUrl: "ftp://na1.nice-incontact.com",
                },
            },
            "endpoint.apiUrl",
        ],
    ];

    for (const [title, provider, good, change, property] of table) {
        it(`${title} -> failure on ${property}`, async () => {
            const news = { ...good(), ...change };
            for (const k of Object.keys(change)) if (change[k] === undefined) delete news[k];
            const r = await provider.check({}, news);
            const failures = r.failures ?? [];
            assert.equal(failures.length, 1, JSON.stringify(failures));
            assert.equal(failures[0].property, property);
            assert.ok(failures[0].reason.includes(property.split(".").pop()!), failures[0].reason);
            assert.ok(
                !failures[0].reason.includes("s3cr3t-value"),
                "a failure never repeats a secret-looking value",
            );
        });
    }

    it("a bad email is refused as not an email address, and the same address repaired passes", async () => {
        const rows: [bad: string, repaired: string][] = [
            ["scim-key.example.com", "scim-key@example.com"],
            ["scim-key@example", "scim-key@example.com"],
            ["scim@key@example.com", "scim-key@example.com"],
            ["@example.com", "k@example.com"],
            ["scim key@example.com", "scim-key@example.com"],
        ];
        for (const [bad, repaired] of rows) {
            const r = await employee.check({}, { ...goodEmployee(), email: bad });
            assert.deepEqual(
                (r.failures ?? []).map((f) => [f.property, f.reason]),
                [["email", "email must be an email address such as scim-key@example.com"]],
                bad,
            );
            assert.deepEqual(
                (await employee.check({}, { ...goodEmployee(), email: repaired })).failures,
                [],
                repaired,
            );
        }
    });

    it("valid inputs pass, with defaults applied", async () => {
        const r = await role.check({}, goodRole());
        assert.deepEqual(r.failures, []);
        assert.deepEqual(r.inputs!.permissions, ["Employees: Create and Edit", "Employees: View"]);
        assert.equal(r.inputs!.status, "ACTIVE");
        const e = await employee.check({}, goodEmployee());
        assert.deepEqual(e.failures, []);
        assert.equal(e.inputs!.billable, false);
        assert.equal(e.inputs!.invite, true);
        const k = await accessKey.check({}, goodKey());
        assert.deepEqual(k.failures, []);
        assert.equal(k.inputs!.active, true);
    });

    it("preview's unknown sentinel is accepted for every input of every resource", async () => {
        for (const [provider, good] of [
            [role, goodRole],
            [employee, goodEmployee],
            [accessKey, goodKey],
        ] as [Provider, () => Props][]) {
            const all = Object.fromEntries(
                [
                    ...Object.keys(good()),
                    "description",
                    "permissions",
                    "status",
                    "adoptExisting",
                    "billable",
                    "invite",
                    "loginAuthenticatorId",
                    "active",
                    "rotation",
                ].map((k) => [k, UNKNOWN]),
            );
            const r = await provider.check(
                {},
                provider === role
                    ? pick(all, [
                          "endpoint",
                          "name",
                          "description",
                          "permissions",
                          "status",
                          "adoptExisting",
                      ])
                    : provider === employee
                      ? pick(all, [
                            "endpoint",
                            "email",
                            "firstName",
                            "lastName",
                            "roleId",
                            "billable",
                            "invite",
                            "loginAuthenticatorId",
                            "adoptExisting",
                        ])
                      : pick(all, ["endpoint", "employeeId", "active", "rotation"]),
            );
            assert.deepEqual(r.failures, []);
            const nested = await provider.check(
                {},
                { ...good(), endpoint: { issuerUrl: UNKNOWN, areaUrl: UNKNOWN } },
            );
            assert.deepEqual(nested.failures, []);
        }
        assert.deepEqual(
            (await role.check({}, { ...goodRole(), permissions: [UNKNOWN, "Employees: View"] }))
                .failures,
            [],
        );
    });

    it("made zero HTTP requests to the sandbox", () => {
        assert.deepEqual(f.sandbox.requests(), []);
    });
});

function pick(o: Props, keys: string[]): Props {
    return Object.fromEntries(keys.map((k) => [k, o[k]]));
}
