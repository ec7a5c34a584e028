// The reads before the first write through plain `pulumi` (the CLI the operator runs): every
// refusal the vendors' answers allow is made before anything is written, on an existing stack and
// on a fresh one, with `up --skip-preview` (no preview to catch anything first). Each names the
// config key the operator typed, the sandbox logs no write, and the existing stack stays exactly
// as it was: its state (digest) and the vendors' objects. Another stack's objects are never
// adopted, nor suggested for adoption; two integrations of one program that collide are refused.
import { strict as assert } from "assert";
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CxoneClient } from "../../provider/cxone/client";
import { oktaApi } from "../../provider/okta/client";
import { ownerMarker } from "../../provider/framework/ownership";
import { RunningSandbox, startSandbox } from "../../sandbox/index";
import { engineEnv, repoRoot } from "../../scripts/lib/engine";
import { pulumi, pulumiOk } from "../../scripts/lib/pulumiCommand";
import { testProgram, testStack } from "../support/engine";
import { writes as writesOf } from "../support/integrationStack";
import { STACK_TRACE } from "../support/reliability";

const ns = "cxone-okta-scim";
const digest = (v: unknown) => crypto.createHash("sha256").update(JSON.stringify(v)).digest("hex");

describe("reads before the first write, through plain pulumi: refused with zero writes", function () {
    this.timeout(600_000);
    const run = crypto.randomBytes(3).toString("hex");
    const stack = `gate-${run}`;
    const fresh = `gatefresh-${run}`;
    const backendDir = fs.mkdtempSync(path.join(os.tmpdir(), "gate-backend-"));
    let sandbox: RunningSandbox;
    let env: Record<string, string>;
    const cli = (...args: string[]) => pulumiOk(repoRoot, env, ...args);
    const writes = () => writesOf(sandbox).map((q) => `${q.method} ${q.path}`);
    /** Another stack's role, employee and app, and a role marked by a stack whose name only
     *  starts like this one's. */
    const other = { role: "", employee: "", app: "", everyone: "", agents: "" };

    /** The vendors' objects (the admin key's sign-in date left out: every run signs in). */
    const objects = () => {
        const { cxone, okta } = sandbox.context.state;
        const keys = Object.fromEntries(
            Object.entries(cxone.accessKeys).map(([id, k]) => [
                id,
                id === cxone.seed.adminAccessKeyId ? { ...k, lastUsedDate: undefined } : k,
            ]),
        );
        return digest([cxone.roles, cxone.users, keys, okta.apps, okta.groups, okta.users]);
    };
    const state = async (name: string) => {
        const exported = JSON.parse(
            await cli("stack", "export", "--show-secrets", "--stack", name),
        );
        return digest(
            (exported.deployment.resources ?? []).map(
                (r: { urn: string; id?: string; inputs?: unknown; outputs?: unknown }) => [
                    r.urn,
                    r.id,
                    r.inputs,
                ],
            ),
        );
    };
    /** Sets `config`, runs `up --skip-preview`, removes `config`: the output and the writes. */
    const refused = async (name: string, config: Record<string, string>) => {
        for (const [k, v] of Object.entries(config))
            await cli("config", "set", k, v, "--stack", name);
        sandbox.clearRequests();
        const r = await pulumi(repoRoot, env, "up", "--yes", "--skip-preview", "--stack", name);
        const wrote = writes();
        for (const k of Object.keys(config)) await cli("config", "rm", k, "--stack", name);
        assert.notEqual(r.code, 0, r.output.slice(-1500));
        assert.deepEqual(wrote, [], "nothing written");
        assert.doesNotMatch(r.output, STACK_TRACE);
        return r.output;
    };

    before(async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sandbox-gate-"));
        sandbox = await startSandbox({ dir, cxonePort: 0, oktaPort: 0 });
        process.env.CXONE_OKTA_SANDBOX_DIR = dir;
        env = engineEnv(backendDir, { CXONE_OKTA_SANDBOX_DIR: dir });
        // what another stack made: a marked role, an employee holding it, a marked app
        const endpoint = { issuerUrl: sandbox.urls.cxone, areaUrl: sandbox.urls.cxone };
        const cxone = new CxoneClient(endpoint);
        for (const [name, owner] of [
            ["Taken Role", `${ns}/other`],
            ["Near Role", `${ns}/${stack}2`],
        ]) {
            await cxone.createRole({
                name,
                description: `Okta SCIM provisioning ${ownerMarker(owner)}`,
                permissions: ["Employees: View"],
                status: "ACTIVE",
            });
        }
        const role = (await cxone.findRolesByName("Taken Role"))[0];
        other.role = role.roleId;
        other.employee = await cxone.createEmployee({
            emailAddress: "taken@sandbox.example",
            firstName: "Taken",
            lastName: "Employee",
            roleName: role.roleName,
            billable: false,
        });
        const orgUrl = sandbox.urls.okta;
        other.app = (
            await oktaApi.createAutoLoginApp(orgUrl, {
                label: "Taken App",
                loginUrl: `${sandbox.urls.cxone}/login`,
                adminNote: ownerMarker(`${ns}/other`),
            })
        ).id;
        const groups = Object.values(sandbox.context.state.okta.groups);
        other.everyone = groups.find((g) => g.type === "BUILT_IN")!.id;
        other.agents = groups.find((g) => g.type === "OKTA_GROUP")!.id;
    });
    after(async () => {
        await sandbox?.stop();
        for (const s of [stack, fresh])
            fs.rmSync(path.join(repoRoot, `Pulumi.${s}.yaml`), { force: true });
    });

    let before0 = { state: "", objects: "" };

    it("a good first up, with one real group", async () => {
        await cli("stack", "init", stack);
        await cli(
            "config",
            "set",
            `${ns}:groupIds`,
            JSON.stringify([other.agents]),
            "--stack",
            stack,
        );
        await cli("up", "--yes", "--stack", stack);
        before0 = { state: await state(stack), objects: objects() };
        // a refresh of the stack as it is changes nothing (every refused `up` below refreshes first)
        await cli("refresh", "--yes", "--stack", stack);
        assert.equal(await state(stack), before0.state, "a refresh changed the state");
    });

    it("one good group and one unknown: refused before any write, naming the bad one only", async () => {
        const out = await refused(stack, {
            [`${ns}:groupIds`]: JSON.stringify([other.agents, "00gNoSuchGroup000000"]),
        });
        assert.match(
            out,
            /cxone-okta-scim:groupIds \(groupIds\[1\]\): Okta has no group with id "00gNoSuchGroup000000"/,
        );
        assert.doesNotMatch(out, /groupIds\[0\]/);
    });

    it("Okta's Everyone group: refused before anyone is provisioned, saying who would be", async () => {
        const out = await refused(stack, { [`${ns}:groupIds`]: JSON.stringify([other.everyone]) });
        assert.match(
            out,
            /groupIds\[0\] is Okta's built-in group "Everyone": every user of the Okta org, administrators included, would be provisioned into CXone.*allowEveryoneGroup: true/,
        );
    });

    it("another stack's role name, employee (also by adoptEmployeeId) and app label: every one named at once, no hint to take them", async () => {
        const out = await refused(stack, {
            "cxone:roleName": "Taken Role",
            "cxone:employeeEmail": "taken@sandbox.example",
            "cxone:adoptEmployeeId": other.employee,
            [`${ns}:appLabel`]: "Taken App",
        });
        assert.match(
            out,
            /cxone:roleName: a CXone role named "Taken Role" already exists .* managed by Pulumi stack cxone-okta-scim\/other: choose another roleName/,
        );
        assert.match(
            out,
            /cxone:adoptEmployeeId: CXone employee \S+ holds a role of Pulumi stack cxone-okta-scim\/other, so it belongs to that stack: it is not adopted/,
        );
        assert.match(
            out,
            /cxone-okta-scim:appLabel: Okta already has an app labelled "Taken App" \(id \S+\), managed by Pulumi stack cxone-okta-scim\/other: choose another appLabel/,
        );
        // no hint that leads to sharing or taking over
        assert.doesNotMatch(out, /set adopt|adoptExisting: true/);
    });

    it("a role marked by a stack whose name only starts like this one's is another stack's", async () => {
        const out = await refused(stack, { "cxone:roleName": "Near Role" });
        assert.match(
            out,
            new RegExp(`managed by Pulumi stack ${ns}/${stack}2: choose another roleName`),
        );
    });

    it("after every refusal, the existing stack and the vendors' objects are exactly as they were", async () => {
        assert.equal(await state(stack), before0.state, "the stack's state changed");
        assert.equal(objects(), before0.objects, "CXone's or Okta's objects changed");
    });

    it("a fresh stack, `up --skip-preview`: the same refusals, nothing created, not even the component's record", async () => {
        await cli("stack", "init", fresh);
        const out = await refused(fresh, {
            "cxone:roleName": "Taken Role",
            [`${ns}:groupIds`]: JSON.stringify([other.agents, "Agents"]),
        });
        assert.match(out, /cxone:roleName: .*managed by Pulumi stack cxone-okta-scim\/other/);
        assert.match(
            out,
            /\(groupIds\[1\]\): Okta has no group with id "Agents"; "Agents" does not look like an Okta group id/,
        );
        const exported = JSON.parse(await cli("stack", "export", "--stack", fresh));
        const urns = (exported.deployment.resources ?? []).map((r: { urn: string }) => r.urn);
        assert.deepEqual(
            urns.filter((u: string) => /ScimIntegration|dynamic\//.test(u)),
            [],
        );
        assert.equal(objects(), before0.objects);
        await cli("stack", "rm", "--yes", "--force", fresh);
    });

    it("two integrations of one program with one role, employee and app label: both refused before any write", async () => {
        const args = {
            cxone: { sandboxUrl: sandbox.urls.cxone },
            oktaOrgUrl: sandbox.urls.okta,
            employeeEmail: "twins@sandbox.example",
            roleName: "Twin Role",
            appLabel: "Twin App",
        };
        const s = await testStack("twins", testProgram("integrations"), {
            env: { CXONE_OKTA_SANDBOX_DIR: process.env.CXONE_OKTA_SANDBOX_DIR! },
            params: { one: args, two: args },
        });
        sandbox.clearRequests();
        const r = await pulumi(s.workDir, s.env, "up", "--yes", "--skip-preview", "--stack", "dev");
        assert.notEqual(r.code, 0);
        for (const what of [
            'role "Twin Role"',
            'employee "twins@sandbox.example"',
            'app label "Twin App"',
        ])
            assert.match(
                r.output,
                new RegExp(
                    `ScimIntegration "one" and "two" in this program both use the (CXone|Okta) ${what}`,
                ),
            );
        assert.deepEqual(writes(), []);
        assert.equal(objects(), before0.objects);
    });
});
