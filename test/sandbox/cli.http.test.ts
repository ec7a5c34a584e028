// `npm run sandbox -- start|status|reset|stop|variants`: it answers, writes endpoints.json and a
// pid file, and stop leaves no process behind. The commands run in this process (runCli, so per-test
// coverage sees them); the daemon they start is a real background process, and one test runs the
// CLI itself as `npm run sandbox` does.
import assert from "assert";
import axios from "axios";
import { execFile } from "child_process";
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";

import { alive, parseStartArgs, runCli } from "../../sandbox/cli";

const CLI = path.resolve(__dirname, "../../sandbox/cli.js");

interface CliRun {
    code: number;
    out: string;
    err: string;
}

/** The CLI as a child process, as `npm run sandbox` runs it. */
function cliProcess(dir: string, ...args: string[]): Promise<CliRun> {
    return new Promise((resolve) => {
        execFile(
            process.execPath,
            [CLI, ...args],
            { env: { ...process.env, CXONE_OKTA_SANDBOX_DIR: dir }, timeout: 30000 },
            (e, out, err) => {
                resolve({
                    code: e ? ((e as { code?: number }).code ?? 1) : 0,
                    out: String(out),
                    err: String(err),
                });
            },
        );
    });
}

/** One command in this process, with its sandbox dir and its console output captured. */
async function cli(dir: string, ...args: string[]): Promise<CliRun> {
    const out: string[] = [];
    const err: string[] = [];
    const { log, error } = console;
    const before = process.env.CXONE_OKTA_SANDBOX_DIR;
    console.log = (...a: unknown[]) => void out.push(a.join(" "));
    console.error = (...a: unknown[]) => void err.push(a.join(" "));
    process.env.CXONE_OKTA_SANDBOX_DIR = dir;
    try {
        const code = await runCli(args);
        return { code, out: out.join("\n"), err: err.join("\n") };
    } finally {
        console.log = log;
        console.error = error;
        if (before === undefined) delete process.env.CXONE_OKTA_SANDBOX_DIR;
        else process.env.CXONE_OKTA_SANDBOX_DIR = before;
    }
}

describe("sandbox CLI (background process)", function () {
    this.timeout(60000);
    let dir: string;
    let pid: number | undefined;

    before(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "sandbox-cli-"));
    });
    after(async () => {
        // never leave a daemon behind, even when a test failed half-way
        if (pid && alive(pid)) {
            process.kill(pid, "SIGKILL");
        }
    });

    it("refuses bad options", async () => {
        const r = await cli(dir, "start", "--latency", "soon");
        assert.strictEqual(r.code, 2);
        assert.match(r.err, /--latency/);
        assert.strictEqual((await cli(dir, "start", "--fault", '{"kind":"boom"}')).code, 2);
        assert.strictEqual((await cli(dir, "fly")).code, 2);
    });

    it("names the option as typed: unknown, stray, or missing its value", () => {
        const refused = (args: string[]) => {
            try {
                parseStartArgs(args);
            } catch (e) {
                return (e as Error).message;
            }
            return "accepted";
        };
        assert.equal(refused(["--lantency=5"]), "unknown option --lantency");
        assert.equal(refused(["5"]), "unknown option 5");
        assert.equal(refused(["--okta-port"]), "--okta-port needs a non-negative integer");
        assert.equal(refused(["--fault"]), "--fault needs a JSON rule");
        assert.deepEqual(
            parseStartArgs(["--variant=role-create-absent", "--variant", "token-camel-case"])
                .variants,
            ["role-create-absent", "token-camel-case"],
        );
    });

    it("reports not running before start", async () => {
        const r = await cli(dir, "status");
        assert.strictEqual(r.code, 3);
        assert.match(r.out, /not running/);
    });

    it("starts in the background, prints addresses and credentials, writes endpoints.json and the pid file", async () => {
        const r = await cli(
            dir,
            "start",
            "--cxone-port",
            "0",
            "--okta-port",
            "0",
            "--latency",
            "1",
            "--fault",
            '{"kind":"status","status":503,"path":"^/never$"}',
        );
        assert.strictEqual(r.code, 0, r.err + r.out);
        const ep = JSON.parse(fs.readFileSync(path.join(dir, "endpoints.json"), "utf8"));
        pid = ep.pid;
        assert.ok(pid && alive(pid));
        assert.strictEqual(Number(fs.readFileSync(path.join(dir, "sandbox.pid"), "utf8")), pid);
        assert.ok(r.out.includes(ep.cxone.baseUrl) && r.out.includes(ep.okta.orgUrl));
        assert.ok(
            r.out.includes(ep.cxone.adminAccessKeyId) && r.out.includes(ep.cxone.adminPassword),
        );
        const t = await axios.post(`${ep.cxone.baseUrl}/authentication/v1/token/access-key`, {
            accessKeyId: ep.cxone.adminAccessKeyId,
            accessKeySecret: ep.cxone.adminAccessKeySecret,
        });
        assert.strictEqual(t.status, 200);
        const faults = (await axios.get(`${ep.okta.orgUrl}/sandbox/faults`)).data;
        assert.strictEqual(faults.latencyMs, 1);
        assert.strictEqual(faults.rules[0].path, "^/never$");
        const again = await cli(dir, "start");
        assert.strictEqual(again.code, 0);
        assert.match(again.out, /already running/);
    });

    it("reports status", async () => {
        const r = await cli(dir, "status");
        assert.strictEqual(r.code, 0, r.out);
        assert.match(r.out, new RegExp(`running \\(pid ${pid}\\)`));
    });

    it("resets a running sandbox (fresh credentials)", async () => {
        const before = JSON.parse(fs.readFileSync(path.join(dir, "endpoints.json"), "utf8"));
        const r = await cli(dir, "reset");
        assert.strictEqual(r.code, 0, r.err);
        const after = JSON.parse(fs.readFileSync(path.join(dir, "endpoints.json"), "utf8"));
        assert.notStrictEqual(after.cxone.adminAccessKeyId, before.cxone.adminAccessKeyId);
        assert.strictEqual(after.pid, pid);
    });

    it("stops and leaves no process behind", async () => {
        const r = await cli(dir, "stop");
        assert.strictEqual(r.code, 0, r.err);
        assert.ok(!alive(pid!), "daemon gone");
        assert.ok(!fs.existsSync(path.join(dir, "sandbox.pid")));
        const ep = JSON.parse(fs.readFileSync(path.join(dir, "endpoints.json"), "utf8"));
        assert.strictEqual(ep.pid, undefined);
        await assert.rejects(axios.get(`${ep.cxone.baseUrl}/sandbox/status`, { timeout: 1000 }));
        assert.strictEqual((await cli(dir, "status")).code, 3);
        assert.match((await cli(dir, "stop")).out, /not running/);
    });

    it("keeps the world between runs, and reset while stopped wipes it", async () => {
        const first = JSON.parse(fs.readFileSync(path.join(dir, "endpoints.json"), "utf8"));
        assert.strictEqual(
            (await cli(dir, "start", "--cxone-port", "0", "--okta-port", "0")).code,
            0,
        );
        const second = JSON.parse(fs.readFileSync(path.join(dir, "endpoints.json"), "utf8"));
        pid = second.pid;
        assert.strictEqual(second.cxone.adminAccessKeyId, first.cxone.adminAccessKeyId);
        assert.strictEqual((await cli(dir, "stop")).code, 0);
        assert.ok(!alive(pid!));
        assert.strictEqual((await cli(dir, "reset")).code, 0);
        assert.ok(!fs.existsSync(path.join(dir, "state.json")));
    });
    it("lists the other worlds with the fact each one doubts", async () => {
        const r = await cli(dir, "variants");
        assert.strictEqual(r.code, 0);
        assert.match(r.out, /^role-create-absent {2}\[[^\]]+\] {2}\S/m);
        assert.match(r.out, /^token-camel-case {2}\[/m);
    });

    it("prints the usage for no command or an unknown one (exit 2)", async () => {
        for (const args of [[], ["fly"]]) {
            const r = await cli(dir, ...args);
            assert.strictEqual(r.code, 2);
            assert.match(r.err, /^usage: sandbox start/);
        }
    });

    it("a daemon that cannot start is reported with its log, and no process is left", async () => {
        const busy = fs.mkdtempSync(path.join(os.tmpdir(), "sandbox-cli-busy-"));
        const taken = await new Promise<net.Server>((resolve) => {
            const srv = net.createServer();
            srv.listen(0, "127.0.0.1", () => resolve(srv));
        });
        try {
            const port = String((taken.address() as net.AddressInfo).port);
            const r = await cli(busy, "start", "--cxone-port", port, "--okta-port", "0");
            assert.strictEqual(r.code, 1, r.out + r.err);
            assert.match(r.err, /^sandbox did not start \(exit \d+\)\n/);
            assert.match(r.err, /EADDRINUSE/);
            assert.ok(!fs.existsSync(path.join(busy, "sandbox.pid")), "no pid file");
        } finally {
            taken.close();
            fs.rmSync(busy, { recursive: true, force: true });
        }
    });

    it("runs as its own process: exit codes and output as `npm run sandbox` shows them", async () => {
        const status = await cliProcess(dir, "status");
        assert.strictEqual(status.code, 3);
        assert.match(status.out, /not running/);
        const bad = await cliProcess(dir, "start", "--latency", "soon");
        assert.strictEqual(bad.code, 2);
        assert.match(bad.err, /--latency/);
    });
});
