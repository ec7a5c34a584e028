// Bad input through plain `pulumi` (the CLI the demo and the operator run), against a stack that
// was up'd first and against a fresh stack: every case fails naming the config key the operator
// set, writes nothing to either server (the sandbox's request log), prints no stack trace, and
// leaves the existing stack exactly as it was. `up --skip-preview` included: the component checks
// its children's plain inputs before registering any, so no preview is needed to catch them.
// Then the settings that would silently do nothing (or too much) get their warnings.
import { strict as assert } from "assert";
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { RunningSandbox, startSandbox } from "../../sandbox/index";
import { engineEnv, repoRoot } from "../../scripts/lib/engine";
import { pulumi, pulumiOk } from "../../scripts/lib/pulumiCommand";
import { STACK_TRACE } from "../support/reliability";
import { ALL_OFF_WARNING, NO_GROUP_WARNING } from "../../provider/integration/integrationWarnings";

interface Case {
    what: string;
    config: Record<string, string>;
    command: string[];
    names: RegExp;
}

const ns = "cxone-okta-scim";

/** Cases against the stack that exists: each one config change, then the command. One per command
 *  (up, up --skip-preview, preview) and per kind of refusal (a component argument, a setting's own
 *  value); every other bad setting is refused by the same program code in program/index.http
 *  (under mocks, nothing registered, no write). */
const existingStackCases: Case[] = [
    {
        what: "employee email not an email, up",
        config: { "cxone:employeeEmail": "ops.example.com" },
        command: ["up", "--yes"],
        names: /cxone:employeeEmail: email must be an email address/,
    },
    {
        what: "role name with /, up --skip-preview",
        config: { "cxone:roleName": "SCIM/Key" },
        command: ["up", "--yes", "--skip-preview"],
        names: /cxone:roleName: name must not contain \//,
    },
    {
        what: "unknown Okta resources mode, preview",
        config: { [`${ns}:resources`]: "terraform" },
        command: ["preview"],
        names: /cxone-okta-scim:resources must be "builtin" or "pulumi-okta"/,
    },
];

describe("bad input through plain pulumi: nothing written, the existing stack unchanged", function () {
    this.timeout(600_000);
    const run = crypto.randomBytes(3).toString("hex");
    const stack = `bad-${run}`;
    const fresh = `badfresh-${run}`;
    const backendDir = fs.mkdtempSync(path.join(os.tmpdir(), "cli-bad-backend-"));
    let sandbox: RunningSandbox;
    let env: Record<string, string>;
    const cli = (...args: string[]) => pulumiOk(repoRoot, env, ...args);
    const writes = () =>
        sandbox
            .requests()
            .filter((q) => q.method !== "GET" && !/token|search/.test(q.path))
            .map((q) => `${q.method} ${q.path}`);
    /** What must not change: every resource's urn, id and inputs, and the outputs (secrets decrypted:
     *  a refresh re-encrypts them with a new nonce). Never printed on success. */
    const snapshot = async (name: string) => {
        const exported = JSON.parse(
            await cli("stack", "export", "--show-secrets", "--stack", name),
        );
        const resources = (exported.deployment.resources ?? []).map(
            (r: { urn: string; id?: string; inputs?: unknown }) => ({
                urn: r.urn,
                id: r.id,
                inputs: r.inputs,
            }),
        );
        const outputs = JSON.parse(
            await cli("stack", "output", "--json", "--show-secrets", "--stack", name),
        );
        return { resources, outputs };
    };

    before(async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sandbox-cli-bad-"));
        sandbox = await startSandbox({ dir, cxonePort: 0, oktaPort: 0 });
        process.env.CXONE_OKTA_SANDBOX_DIR = dir;
        env = engineEnv(backendDir, { CXONE_OKTA_SANDBOX_DIR: dir });
    });
    after(async () => {
        await sandbox?.stop();
        for (const s of [stack, fresh])
            fs.rmSync(path.join(repoRoot, `Pulumi.${s}.yaml`), { force: true });
    });

    let upState: Awaited<ReturnType<typeof snapshot>>;

    it("a good first up; with no group assigned it warns that nobody will be provisioned", async () => {
        await cli("stack", "init", stack);
        const out = await cli("up", "--yes", "--stack", stack);
        assert.match(out, /\+ 11 created/);
        assert.ok(out.includes(NO_GROUP_WARNING), out.slice(-1500));
        upState = await snapshot(stack);
    });

    it(`${existingStackCases.length} bad settings on that stack: each refused naming its key, zero writes, no stack trace`, async () => {
        const failures: string[] = [];
        for (const c of existingStackCases) {
            for (const [k, v] of Object.entries(c.config))
                await cli("config", "set", k, v, "--stack", stack);
            sandbox.clearRequests();
            const r = await pulumi(repoRoot, env, ...c.command, "--stack", stack);
            for (const k of Object.keys(c.config)) await cli("config", "rm", k, "--stack", stack);
            if (r.code === 0) failures.push(`${c.what}: succeeded`);
            else if (!c.names.test(r.output))
                failures.push(`${c.what}: not named in ${r.output.slice(-800)}`);
            if (STACK_TRACE.test(r.output)) failures.push(`${c.what}: a stack trace was printed`);
            if (writes().length) failures.push(`${c.what}: wrote ${writes().join(", ")}`);
        }
        assert.deepEqual(failures, []);
    });

    it("the existing stack is unchanged: every resource's id and inputs, and the outputs", async () => {
        // compared by digest: a failure names what changed, never prints a decrypted secret
        const now = await snapshot(stack);
        const digest = (v: unknown) =>
            crypto.createHash("sha256").update(JSON.stringify(v)).digest("hex");
        const byUrn = (s: typeof now) =>
            Object.fromEntries(s.resources.map((r: { urn: string }) => [r.urn, digest(r)]));
        assert.deepEqual(byUrn(now), byUrn(upState));
        assert.equal(digest(now.outputs), digest(upState.outputs), "the outputs changed");
    });

    it("a fresh stack's first up --skip-preview with two bad inputs: both named, nothing created anywhere", async () => {
        await cli("stack", "init", fresh);
        await cli("config", "set", "cxone:employeeEmail", "scim key@example.com", "--stack", fresh);
        await cli("config", "set", `${ns}:appLabel`, "", "--stack", fresh);
        const roles = Object.keys(sandbox.context.state.cxone.roles).length;
        const apps = Object.keys(sandbox.context.state.okta.apps).length;
        sandbox.clearRequests();
        const r = await pulumi(repoRoot, env, "up", "--yes", "--skip-preview", "--stack", fresh);
        assert.notEqual(r.code, 0);
        assert.match(r.output, /cxone:employeeEmail: email must be an email address/);
        assert.match(r.output, /cxone-okta-scim:appLabel: label is required/);
        assert.doesNotMatch(r.output, STACK_TRACE);
        assert.deepEqual(writes(), []);
        assert.equal(
            Object.keys(sandbox.context.state.cxone.roles).length,
            roles,
            "no role created",
        );
        assert.equal(Object.keys(sandbox.context.state.okta.apps).length, apps, "no app created");
        const { resources } = await snapshot(fresh);
        // the root program checks before declaring anything: not even the component's record
        assert.deepEqual(
            resources.filter((x: { urn: string }) => /ScimIntegration|dynamic\//.test(x.urn)),
            [],
        );
        await cli("stack", "rm", "--yes", "--force", fresh);
    });

    it("all actions off and Okta's Everyone group allowed: both warned, provisioningApplied false; a group name for an id: refused with the hint before any write", async () => {
        const everyone = Object.values(sandbox.context.state.okta.groups).find(
            (g) => g.type === "BUILT_IN",
        )!;
        for (const k of ["createUsers", "updateUserAttributes", "deactivateUsers"])
            await cli("config", "set", `${ns}:${k}`, "false", "--stack", stack);
        // Everyone is refused unless allowed (test/preflight/gate.engine.test.ts); allowed, warned
        await cli("config", "set", `${ns}:allowEveryoneGroup`, "true", "--stack", stack);
        await cli(
            "config",
            "set",
            `${ns}:groupIds`,
            JSON.stringify([everyone.id]),
            "--stack",
            stack,
        );
        const out = await cli("up", "--yes", "--stack", stack);
        assert.ok(out.includes(ALL_OFF_WARNING), out.slice(-2000));
        assert.match(
            out,
            /groupIds\[0\] is Okta's built-in group "Everyone": every user of the Okta org, administrators included/,
        );
        const o = JSON.parse(await cli("stack", "output", "--json", "--stack", stack));
        assert.equal(o.provisioningApplied, false);

        await cli("config", "set", `${ns}:groupIds`, '["Agents"]', "--stack", stack);
        const r = await pulumi(repoRoot, env, "up", "--yes", "--stack", stack);
        assert.notEqual(r.code, 0);
        // asked of Okta before anything is declared: the refusal says a name was given for an id
        assert.match(
            r.output,
            /groupIds \(groupIds\[0\]\): Okta has no group with id "Agents"; "Agents" does not look like an Okta group id.*give the group's id, not its name/,
        );
        assert.doesNotMatch(r.output, STACK_TRACE);
    });
});
