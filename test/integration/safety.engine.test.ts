// The integration kept safe through plain `pulumi`, on one stack of the root program:
// - secret config stays secret: a `--secret` app label and role name appear nowhere in clear (state,
//   outputs), and the console steps name the app by its id instead of printing "[secret]";
// - a key rotation on a connection that was never authorized is no rotation: the old, never used
//   key is revoked at once, the status stays `pending` and the steps are the full set-up with the
//   new key;
// - losing the whole integration by a one-line edit of Pulumi.yaml: a `main:` folder with no
//   program is refused by the language host, and a program that declares nothing is refused by the
//   integration's removal guard, each before anything is written or deleted; with allowRemoval
//   set by an earlier `up`, the same edit removes it.
import { strict as assert } from "assert";
import { pulumiOn } from "../support/integrationAgents";
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import { repoRoot } from "../../scripts/lib/engine";
import { pulumiOk } from "../../scripts/lib/pulumiCommand";
import { integrationFixture, IntegrationFixture, writes } from "../support/integrationStack";
import { stackProgram } from "../support/engine";
import { STACK_TRACE } from "../support/reliability";

const ns = "cxone-okta-scim";
const digest = (v: unknown) => crypto.createHash("sha256").update(JSON.stringify(v)).digest("hex");

describe("the integration kept safe through plain pulumi: secrets, rotation, removal", function () {
    this.timeout(600_000);
    const tag = crypto.randomBytes(3).toString("hex");
    const label = `Vault App ${tag}`;
    const roleName = `Vault Role ${tag}`;
    let f: IntegrationFixture;
    let cli: (...args: string[]) => Promise<string>;
    const projectFile = () => path.join(f.stack.workDir, "Pulumi.yaml");
    const setMain = (main: string) => {
        const text = fs.readFileSync(projectFile(), "utf8");
        fs.writeFileSync(projectFile(), text.replace(/^main: .*$/m, `main: ${main}`));
    };
    // the stack's own entry of the root program (test/support/engine.ts)
    const rootMain = () => path.relative(f.stack.workDir, stackProgram(f.stack.workDir));
    const state = async () => {
        const exported = JSON.parse(await cli("stack", "export", "--show-secrets"));
        return digest(
            (exported.deployment.resources ?? []).map(
                (r: { urn: string; id?: string; inputs?: unknown }) => [r.urn, r.id, r.inputs],
            ),
        );
    };
    const activeKeys = (employeeId: string) =>
        Object.values(f.sandbox.context.state.cxone.accessKeys).filter(
            (k) => k.userId === employeeId && k.isActive,
        );

    before(async () => {
        f = await integrationFixture("safety");
        cli = (...args: string[]) =>
            pulumiOk(f.stack.workDir, f.stack.env, ...args, "--stack", "dev");
        await f.stack.setConfig(`${ns}:appLabel`, label, true);
        await f.stack.setConfig("cxone:roleName", roleName, true);
    });
    after(async () => {
        await f?.sandbox.stop();
    });

    let employeeId = "";
    let firstKey = "";

    it("secret app label and role name: nowhere in clear in state or outputs; the steps name the app by id", async () => {
        const out = await cli("up", "--yes");
        const o = await f.outputs();
        employeeId = String(o.employeeId);
        firstKey = String(o.accessKeyId);
        const exported = await cli("stack", "export");
        const outputs = await cli("stack", "output", "--json");
        const slug = label.toLowerCase().replace(/[^a-z0-9]+/g, "");
        for (const [where, text] of [
            ["state", exported],
            ["outputs", outputs],
        ]) {
            for (const secret of [label, roleName, slug])
                assert.ok(!text.includes(secret), `${secret} in clear in the ${where}`);
        }
        const steps = (o.remainingSteps as string[]).join("\n");
        assert.match(
            steps,
            new RegExp(`Applications > the app with id ${o.appId} \\(its label is a secret\\)`),
        );
        // what the operator reads during `up`: the steps with the app's id, no masked value there
        assert.match(out, new RegExp(`the app with id ${o.appId}`));
        assert.doesNotMatch(
            out.slice(out.indexOf("SCIM connection pending")),
            /Applications > "\[secret\]"/,
        );
    });

    it("a rotation on a connection never authorized: the unused old key revoked at once, pending, the full set-up with the new key", async () => {
        await f.stack.setConfig("cxone:accessKeyRotation", "r1");
        await cli("up", "--yes", "--skip-preview");
        const o = await f.outputs();
        assert.equal(o.connectionStatus, "pending");
        assert.notEqual(o.accessKeyId, firstKey);
        const steps = (o.remainingSteps as string[]).join("\n");
        assert.match(steps, /tick "Enable SCIM provisioning"/);
        assert.match(
            steps,
            new RegExp(`SCIM connector base URL = .*Client ID = ${o.accessKeyId};`),
        );
        assert.doesNotMatch(steps, /old key .* still works|provisioning goes on/);
        assert.deepEqual(
            activeKeys(employeeId).map((k) => k.accessKeyId),
            [o.accessKeyId],
            "one active key",
        );
    });

    let kept = { state: "", objects: "" };
    const objects = () =>
        digest([
            f.sandbox.context.state.cxone.roles,
            f.sandbox.context.state.cxone.users,
            Object.values(f.sandbox.context.state.cxone.accessKeys).filter(
                (k) => k.userId === employeeId,
            ),
            f.sandbox.context.state.okta.apps,
        ]);

    it("Pulumi.yaml main: a folder with no program of its own: refused by the language host, naming it; nothing written", async () => {
        kept = { state: await state(), objects: objects() };
        const folder = path.relative(
            f.stack.workDir,
            path.join(repoRoot, "dist", "provider", "okta"),
        );
        setMain(folder);
        try {
            for (const command of [["preview"], ["up", "--yes", "--skip-preview"]]) {
                f.sandbox.clearRequests();
                const r = await pulumiOn(f, ...command);
                assert.notEqual(r.code, 0, r.output.slice(-1500));
                assert.match(
                    r.output,
                    new RegExp(
                        `Pulumi.yaml main: "${folder}" resolves to no program: the folder \\S+ has no package.json of its own, so the Node.js runner would run \\S+dist/provider/index.js, the entry of the package cxone-okta-scim further up`,
                    ),
                );
                assert.deepEqual(writes(f.sandbox), []);
                assert.doesNotMatch(r.output, STACK_TRACE);
            }
        } finally {
            setMain(rootMain());
        }
        assert.equal(await state(), kept.state);
        assert.equal(objects(), kept.objects);
    });

    it("main: a program that declares nothing: `up --skip-preview` refused before any deletion, saying why and the ways on", async () => {
        // the library's own entry, a file: it declares nothing when loaded
        setMain(
            path.relative(f.stack.workDir, path.join(repoRoot, "dist", "provider", "index.js")),
        );
        try {
            f.sandbox.clearRequests();
            const r = await pulumiOn(f, "up", "--yes", "--skip-preview");
            assert.notEqual(r.code, 0, r.output.slice(-1500));
            assert.match(
                r.output,
                /refused to remove the SCIM integration "cxone-okta": the program no longer declares it/,
            );
            assert.match(r.output, /`pulumi up` is not `pulumi destroy`/);
            assert.match(r.output, /run `pulumi destroy`, or set allowRemoval: true/);
            assert.deepEqual(writes(f.sandbox), []);
        } finally {
            setMain(rootMain());
        }
        assert.equal(await state(), kept.state);
        assert.equal(objects(), kept.objects);
    });

    it("with allowRemoval set by an `up`, the same edit removes the integration", async () => {
        await f.stack.setConfig(`${ns}:allowRemoval`, "true");
        await cli("up", "--yes", "--skip-preview");
        setMain(
            path.relative(f.stack.workDir, path.join(repoRoot, "dist", "provider", "index.js")),
        );
        try {
            const out = await cli("up", "--yes", "--skip-preview");
            for (const what of [
                "RemovalGuard cxone-okta-guard",
                "AutoLoginApp cxone-okta-app",
                "cxone:Role cxone-okta-role",
            ])
                assert.ok(out.includes(`${what} deleted`), what);
        } finally {
            setMain(rootMain());
        }
        assert.deepEqual(activeKeys(employeeId), []);
    });
});
