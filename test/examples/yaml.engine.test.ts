// The integration from Pulumi YAML, through plain `pulumi` as a YAML user runs it: examples/yaml
// declares ScimIntegration from the package's component provider (plugin/, run by our Node.js
// language host's RunPlugin), against the sandbox. One flow: the schema the CLI prints, a bad
// argument and Okta's Everyone group refused before any write, up (steps pending, the warning
// once, the secret kept secret), the console steps, up (authorized), a clean preview, a second
// YAML project reading the outputs by stack reference, a destroy the removal guard refuses until
// the people it cuts off are allowed, destroy.
import { strict as assert } from "assert";
import axios from "axios";
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ComponentProvider } from "@pulumi/pulumi/provider/experimental";
import { ScimIntegration } from "../../provider/integration/componentPackage";
import { sandboxRegion } from "../../provider/cxone/discovery/regions";
import { startSandbox, RunningSandbox } from "../../sandbox/index";
import { completeConsoleSteps } from "../../sandbox/operator";
import { engineEnv, repoRoot } from "../../scripts/lib/engine";
import { CommandResult, pulumi } from "../../scripts/lib/pulumiCommand";
import { timesReported } from "../support/diagnostics";
import { writes } from "../support/integrationStack";

const example = path.join(repoRoot, "examples", "yaml");
const consumer = path.join(repoRoot, "examples", "yaml-consumer");
const pluginDir = path.join(repoRoot, "plugin");

type Prop = {
    type?: string;
    $ref?: string;
    plain?: boolean;
    secret?: boolean;
    description?: string;
};
type Types = Record<string, { properties?: Record<string, unknown>; enum?: { value: string }[] }>;
type Resource = {
    inputProperties: Record<string, Prop>;
    requiredInputs?: string[];
    properties: Record<string, Prop>;
    required?: string[];
};

/** What a schema tells a user of the component (the CLI re-serializes the provider's schema). */
function shape(schema: { resources: Record<string, Resource>; types: Types }) {
    const r = schema.resources["cxone-okta-scim:index:ScimIntegration"];
    const props = (ps: Record<string, Prop>) =>
        Object.fromEntries(
            Object.entries(ps).map(([k, p]) => [
                k,
                [p.$ref ?? p.type, !!p.plain, !!p.secret, p.description],
            ]),
        );
    return {
        inputs: props(r.inputProperties),
        requiredInputs: [...(r.requiredInputs ?? [])].sort(),
        outputs: props(r.properties),
        required: [...(r.required ?? [])].sort(),
        types: Object.fromEntries(
            Object.entries(schema.types).map(([k, t]) => [
                k,
                [Object.keys(t.properties ?? {}).sort(), (t.enum ?? []).map((e) => e.value)],
            ]),
        ),
    };
}

describe("examples/yaml: the integration from Pulumi YAML (real CLI, sandbox)", function () {
    this.timeout(600_000);
    const run = crypto.randomBytes(3).toString("hex");
    const stack = `yaml-${run}`;
    const consumerStack = `reader-${run}`;
    let sandbox: RunningSandbox;
    let env: Record<string, string>;
    const ok = async (dir: string, ...args: string[]): Promise<CommandResult> => {
        const r = await pulumi(dir, env, ...args);
        assert.equal(r.code, 0, `pulumi ${args.join(" ")}:\n${r.output}`);
        return r;
    };
    const outputs = async (dir: string, s: string, showSecrets = false) =>
        JSON.parse(
            (
                await ok(
                    dir,
                    "stack",
                    "output",
                    "--json",
                    "--stack",
                    s,
                    ...(showSecrets ? ["--show-secrets"] : []),
                )
            ).output,
        ) as Record<string, unknown>;

    before(async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sandbox-yaml-"));
        sandbox = await startSandbox({ dir, cxonePort: 0, oktaPort: 0 });
        process.env.CXONE_OKTA_SANDBOX_DIR = dir;
        const backend = fs.mkdtempSync(path.join(os.tmpdir(), "yaml-backend-"));
        env = engineEnv(backend, { CXONE_OKTA_SANDBOX_DIR: dir });
    });
    after(async () => {
        for (const f of [
            `${example}/Pulumi.${stack}.yaml`,
            `${consumer}/Pulumi.${consumerStack}.yaml`,
        ])
            fs.rmSync(f, { force: true });
        await sandbox?.stop();
    });

    it("`pulumi package get-schema plugin` prints the schema the component provider derives", async () => {
        const schema = await pulumi(example, env, "package", "get-schema", pluginDir);
        assert.equal(schema.code, 0, schema.output);
        // stdout alone: the output merges in stderr
        const printed = JSON.parse(schema.stdout);
        const derived = JSON.parse(
            await new ComponentProvider({
                name: "cxone-okta-scim",
                components: [ScimIntegration],
                dirname: pluginDir,
            }).getSchema(),
        );
        assert.deepEqual(shape(printed), shape(derived));
        assert.equal(Object.keys(shape(printed).inputs).length, 29);

        // Other languages' SDKs: the CLI generates them only through their language hosts, which
        // the Go module proxy does not serve here (docs/other-languages.md).
        const schemaFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "schema-")), "s.json");
        fs.writeFileSync(schemaFile, schema.stdout);
        for (const language of ["go", "python", "dotnet"]) {
            const out = fs.mkdtempSync(path.join(os.tmpdir(), `sdk-${language}-`));
            const r = await pulumi(
                example,
                env,
                "package",
                "gen-sdk",
                schemaFile,
                "--language",
                language,
                "--out",
                out,
            );
            assert.notEqual(r.code, 0, r.output);
            assert.match(
                r.output,
                new RegExp(`no language plugin 'pulumi-language-${language}' found`),
            );
        }
    });

    it("up, console steps, up, clean preview, a stack reference, destroy", async () => {
        const okta = sandbox.urls.okta;
        // a seeded group, found the way an operator would
        const groups = (
            await axios.get(`${okta}/api/v1/groups`, {
                params: { q: "CXone" },
                headers: { Authorization: `SSWS ${sandbox.endpoints.okta.apiToken}` },
            })
        ).data as { id: string }[];
        assert.equal(groups.length, 1);

        await ok(example, "stack", "init", stack);
        const config = async (...args: string[]) =>
            ok(example, "config", "set", "--stack", stack, ...args);
        await config("oktaOrgUrl", okta);
        await config("employeeEmail", "scim.key@example.com");
        await config("--path", "groupIds[0]", groups[0].id);

        // A bad argument: refused before any write, named as the YAML program wrote it.
        await config("--path", "cxone.sandboxUrl", "http://cxone.example.com:4610");
        sandbox.clearRequests();
        const refused = await pulumi(
            example,
            env,
            "up",
            "--yes",
            "--skip-preview",
            "--stack",
            stack,
        );
        assert.notEqual(refused.code, 0, refused.output);
        assert.match(
            refused.output,
            /property cxone\.sandboxUrl with value "http:\/\/cxone\.example\.com:4610" has a problem: "http:\/\/cxone\.example\.com:4610" is not on loopback/,
        );
        assert.deepEqual(writes(sandbox), [], "nothing written to the sandbox");
        assert.doesNotMatch(
            (await ok(example, "stack", "export", "--stack", stack)).output,
            /ScimIntegration/,
            "not even the component's record is in the stack",
        );

        // The reads before the first write, as from TypeScript: Okta's Everyone group refused
        // before anything is written, named as the YAML program wrote it.
        await config("--path", "cxone.sandboxUrl", sandbox.urls.cxone);
        const everyone = (
            await axios.get(`${okta}/api/v1/groups`, {
                headers: { Authorization: `SSWS ${sandbox.endpoints.okta.apiToken}` },
            })
        ).data as { id: string; type: string }[];
        await config("--path", "groupIds[0]", everyone.find((g) => g.type === "BUILT_IN")!.id);
        sandbox.clearRequests();
        const gated = await pulumi(example, env, "up", "--yes", "--skip-preview", "--stack", stack);
        assert.notEqual(gated.code, 0, gated.output);
        assert.match(
            gated.output,
            /groupIds\[0\] is Okta's built-in group "Everyone": every user of the Okta org, administrators included, would be provisioned into CXone.*allowEveryoneGroup: true/,
        );
        assert.deepEqual(writes(sandbox), [], "nothing written to the sandbox");
        await config("--path", "groupIds[0]", groups[0].id);

        // First up: everything created, the console steps pending and told once.
        const first = await ok(example, "up", "--yes", "--stack", stack);
        assert.equal(
            timesReported(first.output, "SCIM connection pending: finish these steps"),
            1,
            first.output,
        );
        const pending = await outputs(example, stack);
        assert.equal(pending.connectionStatus, "pending");
        assert.equal((pending.remainingSteps as string[]).length, 4);
        assert.equal(pending.accessKeySecret, "[secret]");
        const made = await outputs(example, stack, true);
        const secret = String(made.accessKeySecret);
        assert.ok(secret.length > 20, "the secret is there for --show-secrets");
        const state = (await ok(example, "stack", "export", "--stack", stack)).output;
        assert.ok(!state.includes(secret), "no plaintext secret in the state");
        assert.ok(!first.output.includes(secret), "no plaintext secret in the output");

        // The person's console steps, with the values the stack gave.
        const region = sandboxRegion(sandbox.urls.cxone);
        const auth = await completeConsoleSteps(
            okta,
            {
                appId: String(made.appId),
                scimBaseUrl: String(made.scimBaseUrl),
                tokenEndpoint: region.tokenEndpoint,
                authorizeEndpoint: region.authorizeEndpoint,
                accessKeyId: String(made.accessKeyId),
                accessKeySecret: secret,
            },
            {
                email: sandbox.endpoints.cxone.adminEmail,
                password: sandbox.endpoints.cxone.adminPassword,
            },
        );
        assert.ok(auth.ok, auth.page);

        await ok(example, "up", "--yes", "--stack", stack);
        const done = await outputs(example, stack);
        assert.equal(done.connectionStatus, "authorized");
        assert.deepEqual(done.remainingSteps, []);
        await ok(example, "preview", "--expect-no-changes", "--stack", stack);

        // A second YAML project reads the outputs by stack reference; the secret stays secret.
        await ok(consumer, "stack", "init", consumerStack);
        await ok(
            consumer,
            "config",
            "set",
            "--stack",
            consumerStack,
            "integrationStack",
            `organization/cxone-okta-yaml/${stack}`,
        );
        await ok(consumer, "up", "--yes", "--stack", consumerStack);
        const read = await outputs(consumer, consumerStack);
        assert.equal(read.connectionStatus, "authorized");
        assert.equal(read.monitoredAccessKey, `CXone access key ${made.accessKeyId} (Okta SCIM)`);
        assert.equal(read.accessKeySecret, "[secret]");
        const readState = (await ok(consumer, "stack", "export", "--stack", consumerStack)).output;
        assert.ok(!readState.includes(secret), "no plaintext secret in the reader's state");

        await ok(consumer, "destroy", "--yes", "--remove", "--stack", consumerStack);
        // The removal guard, as from TypeScript: a destroy that would make Okta deactivate the
        // people it provisioned is refused, nothing changed, until exactly that count is allowed.
        sandbox.clearRequests();
        const guarded = await pulumi(example, env, "destroy", "--yes", "--stack", stack);
        assert.notEqual(guarded.code, 0, guarded.output);
        const cut =
            /`pulumi destroy` would make Okta deactivate (\d+) CXone users.*`pulumi config set allowDeactivations (\d+)`/.exec(
                guarded.output,
            );
        assert.ok(cut && cut[1] === cut[2], guarded.output);
        assert.deepEqual(writes(sandbox), [], "the refused destroy wrote nothing");
        await config("allowDeactivations", cut[1]);
        await ok(example, "up", "--yes", "--stack", stack);
        await ok(example, "destroy", "--yes", "--remove", "--stack", stack);
    });
});
