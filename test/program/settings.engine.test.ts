// Root-program settings and the repository's Pulumi.yaml options through the real CLI: settings set
// with `pulumi config set` reach CXone and Okta (checked in the sandbox), including adopting a role
// made by hand; `refresh: always` comes from the repository's own Pulumi.yaml (the test sets no
// refresh anywhere), and the program runs from `main` (compiled JS, typescript: false).
import { strict as assert } from "assert";
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import axios from "axios";
import { RunningSandbox, startSandbox } from "../../sandbox/index";
import { engineEnv, repoRoot } from "../../scripts/lib/engine";
import { pulumiOk } from "../../scripts/lib/pulumiCommand";

describe("program settings and Pulumi.yaml options (real CLI, sandbox)", function () {
    this.timeout(300_000);
    const stack = `settings-${crypto.randomBytes(3).toString("hex")}`;
    const backendDir = fs.mkdtempSync(path.join(os.tmpdir(), "cli-settings-"));
    const stackFile = path.join(repoRoot, `Pulumi.${stack}.yaml`);
    let sandbox: RunningSandbox;
    let env: Record<string, string>;
    const cli = (...args: string[]) => pulumiOk(repoRoot, env, ...args, "--stack", stack);
    const set = {
        roleName: "Okta SCIM Adopted",
        email: "okta.provisioner@example.com",
        first: "Okta",
        last: "Provisioner",
        label: "CXone via CLI",
    };
    let preRoleId: string;
    let authenticatorId: string;

    before(async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sandbox-settings-"));
        sandbox = await startSandbox({ dir, cxonePort: 0, oktaPort: 0 });
        process.env.CXONE_OKTA_SANDBOX_DIR = dir;
        env = engineEnv(backendDir, { CXONE_OKTA_SANDBOX_DIR: dir });
        // a role made by hand in CXone, to be adopted by its id (cxone:adoptRoleId): it carries no
        // stack's mark, so adoptExisting alone would refuse it
        const e = sandbox.endpoints.cxone;
        const base = sandbox.urls.cxone;
        const t = await axios.post(`${base}/authentication/v1/token/access-key`, {
            accessKeyId: e.adminAccessKeyId,
            accessKeySecret: e.adminAccessKeySecret,
        });
        const api = axios.create({
            baseURL: base,
            headers: { Authorization: `Bearer ${t.data.access_token}` },
            proxy: false,
        });
        await api.post("/authorization/roleByPermissions", {
            displayName: set.roleName,
            description: "made by hand",
            permissions: ["Employees: View"],
        });
        preRoleId = Object.values(sandbox.context.state.cxone.roles).find(
            (r) => r.displayName === set.roleName,
        )!.roleId;
        authenticatorId = sandbox.context.state.cxone.loginAuthenticators[0].id;
    });
    after(async () => {
        try {
            if (env) await pulumiOk(repoRoot, env, "destroy", "--yes", "--stack", stack);
        } finally {
            await sandbox?.stop();
            fs.rmSync(stackFile, { force: true });
        }
    });

    it("the repository's Pulumi.yaml holds the options this test relies on", () => {
        const text = fs.readFileSync(path.join(repoRoot, "Pulumi.yaml"), "utf8");
        assert.match(text, /^main: dist\/program\/main\.js$/m);
        assert.match(
            text,
            /^runtime:\n {2}name: nodejs\n {2}options:\n(?: {4}#.*\n)* {4}typescript: false$/m,
        );
        assert.match(text, /^options:\n(?: {2}#.*\n)* {2}refresh: always$/m);
    });

    it("settings set with pulumi config set reach CXone and Okta", async () => {
        await cli("stack", "init");
        await cli("config", "set", "cxone:roleName", set.roleName);
        await cli("config", "set", "cxone:adoptRoleId", preRoleId);
        await cli("config", "set", "cxone:employeeEmail", set.email);
        await cli("config", "set", "cxone:employeeFirstName", set.first);
        await cli("config", "set", "cxone:employeeLastName", set.last);
        await cli("config", "set", "cxone:inviteEmployee", "false");
        await cli("config", "set", "cxone:loginAuthenticatorId", authenticatorId);
        await cli("config", "set", "appLabel", set.label); // the project namespace: cxone-okta-scim:appLabel
        await cli("config", "set", "cxone-okta-scim:createUsers", "false");
        const config = fs.readFileSync(stackFile, "utf8");
        assert.ok(!/refresh/.test(config), "the stack sets no refresh option");
        await cli("up", "--yes");

        const o = JSON.parse(await cli("stack", "output", "--json"));
        const cx = sandbox.context.state.cxone;
        // adopted: the hand-made role, keeping the permissions its maker gave it (the way on where
        // CXone's role writes are not public: docs/operator-guide.md)
        assert.equal(o.roleId, preRoleId);
        const permissions = cx.roles[preRoleId].permissions.map((p) =>
            typeof p === "string" ? p : p.permission,
        );
        assert.deepEqual(permissions, ["Employees: View"]);
        assert.equal(cx.roles[preRoleId].status, "ACTIVE");
        const user = cx.users[o.employeeId];
        assert.deepEqual(
            [
                user.emailAddress,
                user.firstName,
                user.lastName,
                user.roleUUID,
                user.loginAuthenticatorId,
            ],
            [set.email, set.first, set.last, preRoleId, authenticatorId],
        );
        assert.equal(
            user.invitedDate,
            undefined,
            "cxone:inviteEmployee false: no activation email",
        );
        const app = sandbox.context.state.okta.apps[o.appId] as unknown as {
            label: string;
            settings: { signOn?: { loginUrl?: string } };
        };
        assert.equal(app.label, set.label);
        assert.equal(app.settings.signOn?.loginUrl, `${sandbox.urls.cxone}/login`);
    });

    it("refresh: always comes from the repository's Pulumi.yaml: a plain preview refreshes and shows drift", async () => {
        const o = JSON.parse(await cli("stack", "output", "--json"));
        sandbox.context.state.cxone.users[o.employeeId].lastName = "Edited By Hand";
        sandbox.context.save();
        const preview = JSON.parse(await cli("preview", "--json"));
        const ops = preview.steps.map(
            (s: { op: string; urn: string }) => `${s.op} ${s.urn.split("::").pop()}`,
        );
        assert.ok(
            ops.some((op: string) => op.startsWith("refresh ")),
            ops.join(", "),
        );
        const employee = preview.steps.find(
            (s: { op: string; urn: string }) => s.urn.endsWith("-employee") && s.op === "update",
        );
        assert.ok(employee, `the hand edit shows as an update: ${ops.join(", ")}`);
    });
});
