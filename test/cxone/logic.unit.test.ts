// Pure logic: diffing, payload mapping, retry timing, error redaction, credential sources and the
// serialized forwarder. No servers.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
    diffRole,
    roleChange,
    roleFromLive,
    roleNameProblem,
} from "../../provider/cxone/roleLogic";
import {
    diffEmployee,
    employeeFields,
    employeeFromLive,
    employeeNeedsUpdate,
    EmployeeOutputs,
} from "../../provider/cxone/employeeLogic";
import {
    diffAccessKey,
    accessKeyFromLive,
    AccessKeyOutputs,
} from "../../provider/cxone/accessKeyLogic";
import {
    backoffMs,
    defaultRetryPolicy,
    isRetryable,
    retryAfterMs,
} from "../../provider/cxone/retry";
import { errorFacts, scrub } from "../../provider/cxone/errors";
import { adminAccessKey, isLoopbackUrl } from "../../provider/cxone/credentials";
import { UNKNOWN } from "../../provider/cxone/validation";
import { forwarder } from "../../provider/framework/forwarder";
import * as pulumi from "@pulumi/pulumi";
import { declaredEmployee, NA1_ENDPOINT as ep } from "../support/cxoneEndpoint";
import { UNCHANGED } from "../support/cxoneDiffs";

// a role as a stack declares it, and as its state stores it (the permissions in another order)
const declaredRole = {
    endpoint: ep,
    name: "SCIM",
    description: "d",
    permissions: ["B", "A"],
    status: "ACTIVE",
    adoptExisting: true,
};
const storedRole = {
    ...declaredRole,
    permissions: ["A", "B"],
    adoptExisting: false,
    roleId: "r",
    roleName: "SCIM",
};
// the role as CXone answers it: one permission, inactive
const liveRole = {
    roleId: "r",
    roleName: "SCIM",
    displayName: "SCIM",
    description: "d",
    permissions: ["A"],
    status: "INACTIVE" as const,
};

describe("CXone pure logic", () => {
    describe("role diff", () => {
        // the stored role against the declared one with `change`
        const diffWith = (change: Record<string, unknown>) =>
            diffRole(storedRole, { ...declaredRole, ...change });
        it("no change (permission order and adoptExisting do not matter)", () =>
            assert.deepEqual(diffRole(storedRole, declaredRole), UNCHANGED));
        it("name replaces", () => assert.deepEqual(diffWith({ name: "Other" }).replaces, ["name"]));
        it("description, permissions, status update in place", () => {
            const d = diffWith({ description: "x", permissions: ["A"], status: "INACTIVE" });
            assert.deepEqual(
                [d.changes, d.replaces, d.changed],
                [true, [], ["description", "permissions", "status"]],
            );
        });
        it("another tenant replaces; only a new apiUrl updates", () => {
            assert.deepEqual(
                diffWith({ endpoint: { ...ep, areaUrl: "https://au1.nice-incontact.com" } })
                    .replaces,
                ["endpoint"],
            );
            const d = diffWith({ endpoint: { ...ep, apiUrl: "https://api.example" } });
            assert.deepEqual([d.changes, d.replaces], [true, []]);
            assert.equal(
                diffWith({ endpoint: { ...ep, issuerUrl: ep.issuerUrl + "/" } }).changes,
                false,
            );
        });
        it("unknown name in preview shows a possible replace", () =>
            assert.deepEqual(diffWith({ name: UNKNOWN }).replaces, ["name"]));
        it("roleChange sends only what differs", () => {
            assert.deepEqual(
                roleChange(
                    { description: "d", permissions: ["A", "B"], status: "ACTIVE" },
                    liveRole,
                ),
                { permissions: ["A", "B"], status: "ACTIVE" },
            );
            assert.equal(
                roleChange({ description: "d", permissions: ["A"], status: "INACTIVE" }, liveRole),
                undefined,
            );
        });
        it("read maps live values into props and inputs", () => {
            const r = roleFromLive(storedRole as never, { ...liveRole, description: "hand" });
            assert.deepEqual(
                [r.inputs.description, r.inputs.status, r.props.roleId, r.inputs.name],
                ["hand", "INACTIVE", "r", "SCIM"],
            );
        });
        it("name rules [doc]", () => {
            assert.equal(roleNameProblem("SCIM Access Key"), undefined);
            assert.equal(roleNameProblem("x".repeat(50)), undefined);
            for (const bad of [
                "",
                "x".repeat(51),
                "a/b",
                "a\\b",
                "a+b",
                "a!",
                "a?",
                "<a",
                "a>",
                "#a",
                "a&b",
                "a,b",
                "5%",
                'a"b',
                " lead",
            ])
                assert.ok(roleNameProblem(bad), bad);
        });
    });

    describe("employee diff and payloads", () => {
        const news = declaredEmployee({ invite: false, adoptExisting: true });
        // the stored state: the same employee, its email in another case, invited, not adopted
        const old = {
            ...news,
            email: "Scim@Example.com",
            invite: true,
            adoptExisting: false,
            employeeId: "u",
            userName: "scim@example.com",
            roleName: "SCIM",
            status: "PENDING",
            effectiveLoginAuthenticatorId: "la",
            invited: true,
            adopted: false,
        } as EmployeeOutputs;
        // the employee as CXone answers it
        const live = {
            id: "u",
            userName: "scim@example.com",
            emailAddress: "scim@example.com",
            firstName: "SCIM",
            lastName: "Key",
            role: "SCIM",
            roleId: "r",
            status: "ACTIVE" as const,
            billable: false,
            loginAuthenticatorId: "la",
        };
        it("no change (email case, invite, adoptExisting, default authenticator)", () =>
            assert.equal(diffEmployee(old as never, news).changes, false));
        it("email replaces; names, role, billable update", () => {
            assert.deepEqual(
                diffEmployee(old as never, { ...news, email: "new@example.com" }).replaces,
                ["email"],
            );
            const d = diffEmployee(old as never, {
                ...news,
                firstName: "A",
                roleId: "r2",
                billable: true,
            });
            assert.deepEqual([d.replaces, d.changed], [[], ["firstName", "roleId", "billable"]]);
        });
        it("an explicit authenticator compares with the one in effect", () => {
            assert.equal(
                diffEmployee(old as never, { ...news, loginAuthenticatorId: "la" }).changes,
                false,
            );
            assert.deepEqual(
                diffEmployee(old as never, { ...news, loginAuthenticatorId: "other" }).changed,
                ["loginAuthenticatorId"],
            );
        });
        it("an employee deactivated outside Pulumi shows as a status change", () => {
            assert.deepEqual(diffEmployee({ ...old, status: "BLOCKED" } as never, news).changed, [
                "status",
            ]);
        });
        it("UserHub payload: role by NAME [guess:employee-role-field] (its id beside it), billable false, authenticator", () => {
            assert.deepEqual(
                employeeFields({ ...news, invite: true } as never, "SCIM Role", "la"),
                {
                    emailAddress: "scim@example.com",
                    firstName: "SCIM",
                    lastName: "Key",
                    roleName: "SCIM Role",
                    roleId: "r",
                    billable: false,
                    loginAuthenticatorId: "la",
                },
            );
        });
        it("needs-update detection", () => {
            assert.equal(employeeNeedsUpdate(news as never, live, "la"), false);
            assert.equal(
                employeeNeedsUpdate(news as never, { ...live, billable: true }, "la"),
                true,
            );
        });
        it("read keeps the program's email spelling when only case differs", () => {
            const r = employeeFromLive(old, { ...live, firstName: "X", status: "BLOCKED" });
            assert.deepEqual(
                [
                    r.inputs.email,
                    r.inputs.firstName,
                    r.props.status,
                    "loginAuthenticatorId" in r.inputs,
                ],
                ["Scim@Example.com", "X", "BLOCKED", false],
            );
        });
    });

    describe("access key diff", () => {
        const old = {
            endpoint: ep,
            employeeId: "u",
            active: true,
            accessKeyId: "K",
            secret: "S3CRET",
            isActive: true,
        } as AccessKeyOutputs;
        it("no change", () =>
            assert.equal(
                diffAccessKey(old as never, { endpoint: ep, employeeId: "u", active: true })
                    .changes,
                false,
            ));
        it("employee and tenant replace (create-before-delete: never deleteBeforeReplace)", () => {
            const d = diffAccessKey(old as never, {
                endpoint: { ...ep, tenantId: "t2" },
                employeeId: "u2",
                active: true,
            });
            assert.deepEqual(d.replaces, ["employeeId", "endpoint"]);
            assert.equal(d.deleteBeforeReplace, undefined);
        });
        it("a rotation is an in-place update in phases, never a replace", () => {
            const d = diffAccessKey(old as never, {
                endpoint: ep,
                employeeId: "u",
                active: true,
                rotation: "2026-01",
            });
            assert.deepEqual([d.changes, d.replaces, d.changed], [true, [], ["rotation"]]);
        });
        it("a key switched off in CXone is an in-place change", () => {
            const d = diffAccessKey({ ...old, isActive: false } as never, {
                endpoint: ep,
                employeeId: "u",
                active: true,
            });
            assert.deepEqual([d.changes, d.replaces, d.changed], [true, [], ["active"]]);
        });
        it("read keeps the secret from state and never puts it in inputs", () => {
            const r = accessKeyFromLive(old, {
                accessKeyId: "K",
                userId: "u",
                isActive: true,
                lastUsedDate: "2026-01-01T00:00:00Z",
            });
            assert.equal(r.props.secret, "S3CRET");
            assert.equal(r.props.lastUsedDate, "2026-01-01T00:00:00Z");
            assert.ok(!JSON.stringify(r.inputs).includes("S3CRET"));
        });
    });

    describe("retries", () => {
        it("retryable: 429/503 always; reset, timeout, 502, 504 only for safe calls; 400/401/404/409 never", () => {
            assert.equal(isRetryable(429, undefined, false), true);
            assert.equal(isRetryable(503, undefined, false), true);
            assert.equal(isRetryable(502, undefined, true), true);
            assert.equal(isRetryable(504, undefined, false), false);
            assert.equal(isRetryable(undefined, "ECONNRESET", true), true);
            assert.equal(isRetryable(undefined, "ECONNABORTED", true), true);
            assert.equal(isRetryable(undefined, "ECONNRESET", false), false);
            for (const s of [400, 401, 403, 404, 409, 500])
                assert.equal(isRetryable(s, undefined, true), false, String(s));
        });
        it("Retry-After in seconds or HTTP date, capped", () => {
            assert.equal(retryAfterMs("2"), 2000);
            assert.equal(retryAfterMs(new Date(10_000).toUTCString(), 4_000), 6000);
            assert.equal(retryAfterMs("soon"), undefined);
            assert.equal(backoffMs(1, defaultRetryPolicy, 120_000), defaultRetryPolicy.maxDelayMs);
        });
        it("exponential backoff with jitter, capped", () => {
            const p = { ...defaultRetryPolicy, baseDelayMs: 100, maxDelayMs: 1000 };
            assert.deepEqual(
                [1, 2, 3, 4, 5, 10].map((a) => backoffMs(a, p, undefined, () => 0.999999)),
                [100, 200, 400, 800, 1000, 1000],
            );
            assert.equal(
                backoffMs(3, p, undefined, () => 0),
                200,
            );
        });
    });

    describe("errors never carry secrets", () => {
        it("scrubs known secrets, JWTs and key=value secrets from CXone messages", () => {
            const jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
            const text = scrub(
                `bad key MYSECRETVALUE token=abc123 {"accessKeySecret":"zzz"} ${jwt} Bearer: qqq`,
                ["MYSECRETVALUE"],
            );
            for (const s of ["MYSECRETVALUE", "abc123", "zzz", jwt, "qqq"])
                assert.ok(!text.includes(s), `${s} in ${text}`);
        });
        it("extracts code and message from CXone's error shapes", () => {
            assert.deepEqual(
                errorFacts({ error: "invalid_client", errorDescription: "Invalid access key" }),
                { code: "invalid_client", detail: "Invalid access key" },
            );
            assert.deepEqual(
                errorFacts({ code: "ROLE_NAME_EXISTS", details: "exists", errors: [] }),
                { code: "ROLE_NAME_EXISTS", detail: "exists" },
            );
            assert.deepEqual(
                errorFacts({
                    timestamp: "t",
                    status: 401,
                    error: "Unauthorized",
                    message: "Invalid or expired token",
                    path: "/x",
                }),
                { code: "Unauthorized", detail: "Invalid or expired token" },
            );
        });
    });

    describe("admin credentials", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cxone-cred-"));
        fs.writeFileSync(
            path.join(dir, "endpoints.json"),
            JSON.stringify({
                cxone: {
                    baseUrl: "http://127.0.0.1:1",
                    tenantId: "t",
                    adminAccessKeyId: "SANDBOXKEY",
                    adminAccessKeySecret: "sandbox-secret",
                },
                okta: {},
            }),
        );
        it("env first", () =>
            assert.deepEqual(
                adminAccessKey("https://na1.nice-incontact.com", {
                    CXONE_ACCESS_KEY_ID: "K",
                    CXONE_ACCESS_KEY_SECRET: "S",
                }),
                { accessKeyId: "K", accessKeySecret: "S" },
            ));
        it("the sandbox's endpoints.json only for loopback URLs", () => {
            assert.equal(
                adminAccessKey("http://127.0.0.1:4610", { CXONE_OKTA_SANDBOX_DIR: dir })
                    .accessKeyId,
                "SANDBOXKEY",
            );
            assert.throws(
                () =>
                    adminAccessKey("https://na1.nice-incontact.com", {
                        CXONE_OKTA_SANDBOX_DIR: dir,
                    }),
                /set CXONE_ACCESS_KEY_ID and CXONE_ACCESS_KEY_SECRET/,
            );
        });
        it("half-set env is an error naming both variables, without the value", () => {
            assert.throws(
                () =>
                    adminAccessKey("http://127.0.0.1:1", {
                        CXONE_ACCESS_KEY_SECRET: "only-secret",
                    }),
                (e: Error) =>
                    /CXONE_ACCESS_KEY_ID and CXONE_ACCESS_KEY_SECRET/.test(e.message) &&
                    !e.message.includes("only-secret"),
            );
        });
        it("loopback detection", () => {
            assert.deepEqual(
                [
                    "http://127.0.0.1:1",
                    "http://localhost:2",
                    "http://[::1]:3",
                    "https://na1.nice-incontact.com",
                    "http://127.example.com",
                ].map(isLoopbackUrl),
                [true, true, true, false, false],
            );
        });
    });

    describe("forwarder serialization", () => {
        it("the serialized provider is small and holds only the package path require", async () => {
            const sf = await pulumi.runtime.serializeFunction(
                () => forwarder("cxone-okta-scim/provider/cxone/roleProvider"),
                { allowSecrets: false },
            );
            assert.ok(sf.text.length < 3000, `${sf.text.length} chars`);
            assert.match(sf.text, /"cxone-okta-scim\/provider\/cxone\/roleProvider"/);
            assert.match(sf.text, /createRequire/);
            assert.ok(!/axios|CxoneClient|CXONE_ACCESS_KEY|\/work\//.test(sf.text), sf.text);
            assert.equal(sf.containsSecrets, false);
        });
        it("deserialized in a program directory of this repo, it loads the implementation by package path", async () => {
            const sf = await pulumi.runtime.serializeFunction(() =>
                forwarder("cxone-okta-scim/provider/cxone/roleProvider"),
            );
            const requireFromString = require("require-from-string");
            const cwd = process.cwd();
            // .pulumi-local may not exist yet (engine tests make it): this test must not need them
            const local = path.join(__dirname, "..", "..", "..", ".pulumi-local");
            fs.mkdirSync(local, { recursive: true });
            const programDir = fs.mkdtempSync(path.join(local, "fwd-"));
            try {
                process.chdir(programDir);
                const provider = requireFromString(sf.text).handler();
                const r = await provider.check({}, { endpoint: ep, name: "bad/name" });
                assert.equal(r.failures[0].property, "name");
            } finally {
                process.chdir(cwd);
                fs.rmSync(programDir, { recursive: true, force: true });
            }
        });
    });
});
