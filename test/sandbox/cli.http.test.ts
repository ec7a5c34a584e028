// `npm run sandbox -- start|status|reset|stop|variants`: it answers, writes endpoints.json and a
// pid file, and stop leaves no process behind. The commands run in this process (runCli, so per-test
// coverage sees them); the daemon they start is a real background process, and one test runs the
// CLI itself as `npm run sandbox` does.
import assert from "assert";
import axios from "axios";
import { execFile, spawn } from "child_process";
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";

import { alive, parseStartArgs, runCli } from "../../sandbox/cli";
import type { SandboxEndpoints } from "../../sandbox/core/endpoints";
import { startLocalServer, type LocalServer } from "../support/loopbackServer";

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
    return cliWaiting(undefined, dir, ...args);
}

/** As cli(), with start's wait for the daemon set (undefined: the command's own 20 s). */
async function cliWaiting(
    startWaitMs: number | undefined,
    dir: string,
    ...args: string[]
): Promise<CliRun> {
    const out: string[] = [];
    const err: string[] = [];
    const { log, error } = console;
    const before = process.env.CXONE_OKTA_SANDBOX_DIR;
    console.log = (...a: unknown[]) => void out.push(a.join(" "));
    console.error = (...a: unknown[]) => void err.push(a.join(" "));
    process.env.CXONE_OKTA_SANDBOX_DIR = dir;
    try {
        const code = await runCli(args, startWaitMs);
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
        assert.ok(
            r.out.startsWith(
                `sandbox started (pid ${pid}); endpoints in ${path.join(dir, "endpoints.json")}\n`,
            ),
            r.out,
        );
        // detached: its own process group, so a Ctrl-C where it was started does not reach it
        const [, , pgrp] = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
        assert.strictEqual(Number(pgrp), pid);
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
            // an earlier run's log: only the last ten lines are shown, this start's own
            const early = Array.from({ length: 20 }, (_, i) => `early-${i + 10}`);
            fs.writeFileSync(path.join(busy, "daemon.log"), early.join("\n") + "\n");
            const t0 = Date.now();
            const r = await cli(busy, "start", "--cxone-port", port, "--okta-port", "0");
            assert.strictEqual(r.code, 1, r.out + r.err);
            // told as soon as the daemon exited, not after the 20 s wait for it to answer
            assert.ok(Date.now() - t0 < 12000, `${Date.now() - t0} ms`);
            assert.match(r.err, /^sandbox did not start \(exit \d+\)\n/);
            assert.match(r.err, /EADDRINUSE/);
            assert.strictEqual(r.err.split("\n").length, 11, r.err);
            assert.ok(!r.err.includes("early-10"), r.err);
            assert.ok(!fs.existsSync(path.join(busy, "sandbox.pid")), "no pid file");
        } finally {
            taken.close();
            fs.rmSync(busy, { recursive: true, force: true });
        }
    });

    it("a daemon that never answers is given its wait (20 s by default), then killed and reported as not started in time", async () => {
        const slow = fs.mkdtempSync(path.join(os.tmpdir(), "sandbox-cli-slow-"));
        // the daemon's node loads this first: it notes its pid, ignores SIGTERM and blocks, never
        // listening
        const hang = path.join(slow, "hang.js");
        fs.writeFileSync(
            hang,
            `require("fs").writeFileSync(${JSON.stringify(path.join(slow, "hung.pid"))}, String(process.pid));\n` +
                'process.on("SIGTERM", () => undefined);\n' +
                "Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120000);\n",
        );
        const before = process.env.NODE_OPTIONS;
        process.env.NODE_OPTIONS = `--require ${hang}`;
        let hung: number | undefined;
        try {
            const t0 = Date.now();
            // long enough for the daemon's node to start and note its pid on a loaded machine
            const r = await cliWaiting(
                6000,
                slow,
                "start",
                "--cxone-port",
                "0",
                "--okta-port",
                "0",
            );
            hung = Number(fs.readFileSync(path.join(slow, "hung.pid"), "utf8"));
            assert.strictEqual(r.code, 1, r.out + r.err);
            assert.ok(Date.now() - t0 >= 6000, `${Date.now() - t0} ms`);
            assert.strictEqual(r.err, "sandbox did not start in time\n");
            assert.strictEqual(r.out, "");
            for (let i = 0; i < 100 && alive(hung); i++)
                await new Promise((w) => setTimeout(w, 20));
            assert.ok(!alive(hung), "the daemon was killed");
            assert.ok(!fs.existsSync(path.join(slow, "sandbox.pid")), "no pid file");
        } finally {
            if (before === undefined) delete process.env.NODE_OPTIONS;
            else process.env.NODE_OPTIONS = before;
            if (hung && alive(hung)) process.kill(hung, "SIGKILL");
            fs.rmSync(slow, { recursive: true, force: true });
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

// The commands read only the pid file and endpoints.json: a sandbox dir written here, naming this
// test process (alive, never signalled) or a process gone, and two loopback servers standing in
// for the daemon's, shows each answer without starting a daemon.
describe("sandbox CLI against a pid file and endpoints.json", function () {
    this.timeout(20000);
    let dir: string;
    let cx: LocalServer;
    let okta: LocalServer;
    const files = () => ({
        pid: path.join(dir, "sandbox.pid"),
        endpoints: path.join(dir, "endpoints.json"),
    });
    const endpoints = (over: Partial<SandboxEndpoints> = {}): SandboxEndpoints => ({
        cxone: {
            baseUrl: cx.url,
            tenantId: "tenant-1",
            adminAccessKeyId: "KEYID1",
            adminAccessKeySecret: "key-secret-1",
            adminEmail: "admin@example.com",
            adminPassword: "pw-1",
        },
        okta: { orgUrl: okta.url, apiToken: "okta-token-1" },
        ...over,
    });
    /** A sandbox dir whose pid file names `pid` (as text) and whose endpoints.json is `ep` (null: none). */
    const writeDir = (pid: string, ep: SandboxEndpoints | null = endpoints()) => {
        fs.writeFileSync(files().pid, pid);
        if (ep) fs.writeFileSync(files().endpoints, JSON.stringify(ep));
    };
    const describeLines = (ep: SandboxEndpoints) => [
        `CXone  ${ep.cxone.baseUrl}   (tenantId tenant-1)`,
        "  access key id      KEYID1",
        "  access key secret  key-secret-1",
        `  admin login        admin@example.com / pw-1   (${ep.cxone.baseUrl}/auth/authorize)`,
        `Okta   ${ep.okta.orgUrl}`,
        "  API token          okta-token-1",
    ];

    beforeEach(async () => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "sandbox-cli-files-"));
        cx = await startLocalServer();
        okta = await startLocalServer();
    });
    afterEach(async () => {
        await cx.stop();
        await okta.stop();
        fs.rmSync(dir, { recursive: true, force: true });
    });

    it("start on a running sandbox says so and prints its addresses, credentials and worlds", async () => {
        const ep = endpoints({ variants: ["role-create-absent", "token-camel-case"] });
        writeDir(String(process.pid), ep);
        const r = await cli(dir, "start", "--latency", "5");
        assert.strictEqual(r.code, 0, r.err);
        assert.strictEqual(
            r.out,
            [
                `sandbox already running (pid ${process.pid}); stop it first to change options`,
                ...describeLines(ep),
                "Variants  role-create-absent, token-camel-case",
            ].join("\n"),
        );
        assert.deepStrictEqual(cx.seen, [], "nothing started, nothing asked");
    });

    it("start on a running sandbox without endpoints.json says only that it runs", async () => {
        writeDir(String(process.pid), null);
        const r = await cli(dir, "start");
        assert.strictEqual(r.code, 0, r.err);
        assert.strictEqual(
            r.out,
            `sandbox already running (pid ${process.pid}); stop it first to change options`,
        );
    });

    it("status names each server up or not answering, and exits 1 unless both answer", async () => {
        writeDir(String(process.pid));
        cx.answer = (q) => (q.path === "/sandbox/status" ? { status: 200, body: {} } : "reset");
        okta.answer = () => ({ status: 503, body: {} });
        const half = await cli(dir, "status");
        assert.strictEqual(half.code, 1);
        assert.strictEqual(
            half.out,
            `sandbox running (pid ${process.pid}): cxone ${cx.url} [up], okta ${okta.url} [not answering]`,
        );
        okta.answer = cx.answer;
        const both = await cli(dir, "status");
        assert.strictEqual(both.code, 0);
        assert.strictEqual(
            both.out,
            `sandbox running (pid ${process.pid}): cxone ${cx.url} [up], okta ${okta.url} [up]`,
        );
        assert.deepStrictEqual(
            [...cx.seen, ...okta.seen].map((q) => `${q.method} ${q.path}`),
            Array(4).fill("GET /sandbox/status"),
        );
    });

    it("status gives up on a server that never answers (2 s) and one that refuses the connection", async () => {
        writeDir(String(process.pid));
        cx.answer = () => "hang";
        await okta.stop();
        const r = await cli(dir, "status");
        assert.strictEqual(r.code, 1);
        assert.match(r.out, /cxone \S+ \[not answering\], okta \S+ \[not answering\]$/);
    });

    it("reset of a running sandbox asks it to re-seed and prints the fresh credentials", async () => {
        const ep = endpoints();
        writeDir(String(process.pid), ep);
        cx.answer = (q) =>
            q.method === "POST" && q.path === "/sandbox/reset"
                ? { status: 204 }
                : { status: 404, body: {} };
        const r = await cli(dir, "reset");
        assert.strictEqual(r.code, 0, r.err);
        assert.strictEqual(
            r.out,
            ["sandbox world wiped and re-seeded", ...describeLines(ep)].join("\n"),
        );
        assert.ok(fs.existsSync(files().endpoints), "a running sandbox keeps its files");
    });

    it("reset fails with the HTTP status when the sandbox refuses, or 0 when it is unreachable", async () => {
        writeDir(String(process.pid));
        cx.answer = () => ({ status: 500, body: {} });
        const refusedReset = await cli(dir, "reset");
        assert.strictEqual(refusedReset.code, 1);
        assert.strictEqual(refusedReset.err, "reset failed (HTTP 500)");
        await cx.stop();
        const unreachable = await cli(dir, "reset");
        assert.strictEqual(unreachable.code, 1);
        assert.strictEqual(unreachable.err, "reset failed (HTTP 0)");
    });

    it("a pid file naming a process gone is removed: not running, and stop has nothing to do", async () => {
        const { spawnSync } = await import("child_process");
        const gone = spawnSync(process.execPath, ["-e", ""]).pid;
        writeDir(String(gone));
        const r = await cli(dir, "status");
        assert.strictEqual(r.code, 3);
        assert.strictEqual(r.out, "sandbox is not running");
        assert.ok(!fs.existsSync(files().pid), "stale pid file removed");
        assert.deepStrictEqual(cx.seen, []);
    });

    it("a pid file that names no process id is left alone and counts as not running", async () => {
        for (const text of ["-999999", "0", "none"]) {
            writeDir(text);
            const r = await cli(dir, "stop");
            assert.strictEqual(r.code, 0);
            assert.strictEqual(r.out, "sandbox is not running", text);
            assert.strictEqual(fs.readFileSync(files().pid, "utf8"), text, "kept as it was");
        }
    });

    it("stop ends a process that ignores SIGTERM with SIGKILL after 5 s", async () => {
        const stubborn = spawn(
            "sh",
            ["-c", "trap '' TERM; echo ready; while :; do sleep 1; done"],
            {
                stdio: ["ignore", "pipe", "ignore"],
            },
        );
        await new Promise((r) => stubborn.stdout!.once("data", r));
        const exited = new Promise<string | null>((r) =>
            stubborn.once("exit", (_c, sig) => r(sig)),
        );
        writeDir(String(stubborn.pid));
        const r = await cli(dir, "stop");
        assert.strictEqual(r.code, 0, r.err);
        assert.strictEqual(r.out, `sandbox stopped (pid ${stubborn.pid})`);
        assert.strictEqual(await exited, "SIGKILL");
        assert.ok(!fs.existsSync(files().pid));
    });

    it("a sandbox dir that is a file is no usage error: the failure surfaces", async () => {
        const file = path.join(dir, "not-a-dir");
        fs.writeFileSync(file, "");
        await assert.rejects(cli(file, "start"), /EEXIST|ENOTDIR/);
    });
});
