// Secrets never leak: after up, a key rotation, failing runs and destroy, the access key secrets,
// the admin key secret and the Okta API token appear nowhere in the state export, the backend's
// files, the engine output, the sandbox request log, error messages or any `__provider`.
// Secrets are only compared (includes), never printed: failure messages name the place, not the value.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { sandboxFiles } from "../../sandbox/core/paths";
import { integrationFixture, IntegrationFixture } from "../support/integrationStack";
import { attempt } from "../support/reliability";

/** The largest `__provider` accepted: the stored text is ~170 bytes (framework/dynamicResource.ts); a captured client or secret would grow it. */
const MAX_PROVIDER_BYTES = 512;

/** Every file under `dir` (the file backend: checkpoints, history, backups). */
function filesUnder(dir: string): string[] {
    if (!fs.existsSync(dir)) return [];
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const p = path.join(dir, e.name);
        return e.isDirectory() ? filesUnder(p) : [p];
    });
}

describe("secrets stay secret (real engine, sandbox)", function () {
    this.timeout(240_000);
    let f: IntegrationFixture;
    let sandboxDir: string;
    /** name -> value of every secret seen; values are compared only */
    const secrets = new Map<string, string>();
    /** where each scan looked: name -> text */
    const places = new Map<string, string>();
    const errors: string[] = [];

    const leaks = (text: string) =>
        [...secrets].filter(([, v]) => v && text.includes(v)).map(([k]) => k);
    const exportNow = async (when: string) =>
        places.set(`state export ${when}`, await f.stack.exportState());

    before(async () => {
        f = await integrationFixture("secrets");
        sandboxDir = process.env.CXONE_OKTA_SANDBOX_DIR!;
        secrets.set(
            "CXone admin access key secret",
            f.sandbox.endpoints.cxone.adminAccessKeySecret,
        );
        secrets.set("Okta API token", f.sandbox.endpoints.okta.apiToken);
        secrets.set("CXone admin password", f.sandbox.endpoints.cxone.adminPassword);
    });
    after(async () => {
        await f?.sandbox.stop();
    });

    it("up: the key secret is a secret output", async () => {
        await f.stack.up();
        const outs = await f.stack.outputs();
        assert.equal(outs.accessKeySecret.secret, true, "accessKeySecret is marked secret");
        assert.equal(outs.accessKeyId.secret, false, "the key id is not a secret");
        assert.ok(
            typeof outs.accessKeySecret.value === "string" &&
                outs.accessKeySecret.value.length >= 16,
        );
        secrets.set("first access key secret", outs.accessKeySecret.value);
        await exportNow("after up");
    });

    it("rotation: a new key and secret, the old key kept until Okta uses the new one, the new secret still secret", async () => {
        const before = await f.stack.outputs();
        // something signed in with the old key (as Okta does once set up): a rotation keeps it
        // working; a key never used is revoked at once (test/integration/safety.engine.test.ts)
        const signIn = await fetch(`${f.sandbox.urls.cxone}/authentication/v1/token/access-key`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({
                accessKeyId: before.accessKeyId.value,
                accessKeySecret: before.accessKeySecret.value,
            }),
        });
        assert.equal(signIn.status, 200);
        await f.stack.stack.setConfig("cxone:accessKeyRotation", { value: "2026-rotation-1" });
        const up = await f.stack.up();
        assert.equal(up.summary.result, "succeeded");
        const outs = await f.stack.outputs();
        assert.equal(outs.accessKeySecret.secret, true);
        assert.notEqual(outs.accessKeyId.value, before.accessKeyId.value, "a new key");
        assert.ok(outs.accessKeySecret.value !== before.accessKeySecret.value, "a new secret");
        secrets.set("rotated access key secret", outs.accessKeySecret.value);
        const keys = f.sandbox.context.state.cxone.accessKeys;
        // phased: the old key is revoked only once Okta uses the new one (test/integration/keyRotation.engine.test.ts)
        assert.equal(keys[before.accessKeyId.value]?.isActive, true, "the old key still works");
        assert.equal(keys[outs.accessKeyId.value]?.isActive, true);
        await exportNow("after rotation");
    });

    it("failing runs (CXone sign-in refused, Okta token refused) report errors without secrets", async () => {
        f.sandbox.setFaults([
            {
                kind: "status",
                status: 401,
                server: "cxone",
                path: "^/authentication/v1/token/access-key$",
            },
            { kind: "status", status: 401, server: "okta" },
        ]);
        const pv = await attempt(f.stack.preview({ refresh: true }));
        f.sandbox.clearFaults();
        assert.equal(pv.ok, false, "the refresh fails");
        const message = pv.ok ? "" : pv.message;
        assert.match(message, /could not sign in to CXone with the admin access key|Okta/);
        errors.push(message);
    });

    it("destroy", async () => {
        await exportNow("before destroy");
        const d = await f.stack.destroy();
        assert.equal(d.summary.result, "succeeded");
        await exportNow("after destroy");
    });

    it("no secret in the state exports, backend files, engine output, request log or errors", async () => {
        assert.equal(secrets.size, 5);
        places.set("engine output", f.stack.output());
        places.set("error messages", errors.join("\n"));
        places.set(
            "sandbox requests.log",
            fs.readFileSync(sandboxFiles(sandboxDir).requestLog, "utf8"),
        );
        const backend = (f.stack.env.PULUMI_BACKEND_URL ?? "").replace(/^file:\/\//, "");
        assert.ok(backend && fs.existsSync(backend), "the file backend directory is known");
        for (const file of filesUnder(backend))
            places.set(
                `backend file ${path.relative(backend, file)}`,
                fs.readFileSync(file, "utf8"),
            );
        assert.ok(
            places.get("sandbox requests.log")!.length > 0 &&
                places.get("engine output")!.length > 0,
            "there was something to scan",
        );
        const found = [...places].flatMap(([where, text]) =>
            leaks(text).map((s) => `${s} in ${where}`),
        );
        assert.deepEqual(found, []);
    });

    it("every resource's __provider is small, loads its module by package path, and holds no secret", async () => {
        const exported = JSON.parse(places.get("state export before destroy")!);
        const deployment =
            exported.deployment && typeof exported.deployment === "object"
                ? exported.deployment
                : exported;
        const providers = (
            deployment.resources as {
                urn: string;
                inputs?: Record<string, unknown>;
                outputs?: Record<string, unknown>;
            }[]
        ).flatMap((r) =>
            [r.inputs?.__provider, r.outputs?.__provider]
                .filter((p): p is string => typeof p === "string")
                .map((p) => ({ urn: r.urn, p })),
        );
        assert.ok(providers.length >= 7, `every dynamic resource has one (${providers.length})`);
        for (const { urn, p } of providers) {
            assert.ok(p.length <= MAX_PROVIDER_BYTES, `${urn}: __provider is ${p.length} bytes`);
            assert.match(
                p,
                /cxone-okta-scim\/provider\//,
                `${urn}: loads its implementation by package path`,
            );
            assert.deepEqual(leaks(p), [], `${urn}: no secret in __provider`);
            assert.doesNotMatch(
                p,
                /\/work\/|\/tmp\/|127\.0\.0\.1/,
                `${urn}: no machine-specific path or URL captured`,
            );
        }
    });
});
