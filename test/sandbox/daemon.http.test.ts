// The background sandbox process (sandbox/daemon.ts) run in this process, so per-test coverage
// sees it: loaded with its options as the CLI passes them (one JSON argument), it starts both
// servers and says where; SIGTERM or SIGINT (emitted to this process's listeners, no real signal)
// stops them once and leaves endpoints.json without its pid; a start that fails says why and exits
// 1. process.exit is held for the length of each test. The CLI that spawns it: cli.http.test.ts.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import { closedPort } from "../support/loopbackServer";

const DAEMON = require.resolve("../../sandbox/daemon");

interface DaemonRun {
    /** resolves with the code process.exit was called with */
    exited: Promise<number | undefined>;
    out: string[];
    err: string[];
    /** whether process.exit has been called */
    finished(): boolean;
    /** puts back process.exit, argv, the console and the signal listeners */
    restore(): void;
}

/** Loads the daemon module afresh with `options` as its argument, process.exit held. */
function runDaemon(options: Record<string, unknown>): DaemonRun {
    const argv = process.argv;
    const { exit } = process;
    const { log, error } = console;
    const listeners = {
        SIGTERM: process.listeners("SIGTERM"),
        SIGINT: process.listeners("SIGINT"),
    };
    const out: string[] = [];
    const err: string[] = [];
    let done: (code: number | undefined) => void = () => undefined;
    let finished = false;
    const exited = new Promise<number | undefined>((r) => (done = r));
    process.exit = ((code?: number) => {
        finished = true;
        done(code);
    }) as typeof process.exit;
    console.log = (...a: unknown[]) => void out.push(a.join(" "));
    console.error = (...a: unknown[]) => void err.push(a.join(" "));
    process.argv = [argv[0], DAEMON, JSON.stringify(options)];
    delete require.cache[DAEMON];
    try {
        require(DAEMON);
    } finally {
        process.argv = argv;
    }
    return {
        exited,
        out,
        err,
        finished: () => finished,
        restore: () => {
            process.exit = exit;
            console.log = log;
            console.error = error;
            for (const signal of ["SIGTERM", "SIGINT"] as const)
                for (const l of process.listeners(signal))
                    if (!listeners[signal].includes(l)) process.off(signal, l);
        },
    };
}

/** Waits for the daemon's endpoints.json to name this process (it writes it once listening). */
async function endpointsOf(dir: string, run: DaemonRun) {
    const file = path.join(dir, "endpoints.json");
    // a deadline, not a count of turns: a loaded machine starts the daemon more slowly
    for (const deadline = Date.now() + 15_000; Date.now() < deadline;) {
        if (fs.existsSync(file)) {
            const ep = JSON.parse(fs.readFileSync(file, "utf8"));
            if (ep.pid === process.pid) return ep;
        }
        assert.deepEqual(run.err, [], "no failure to start");
        await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error("the daemon never wrote endpoints.json");
}

describe("sandbox daemon (run in this process)", function () {
    this.timeout(20000);
    let dir: string;
    let run: DaemonRun | undefined;
    beforeEach(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "sandbox-daemon-"));
    });
    afterEach(async () => {
        // a test that failed half-way: stop its daemon's servers before letting go of exit
        if (run && !run.finished()) {
            process.emit("SIGTERM");
            await run.exited;
        }
        run?.restore();
        run = undefined;
        fs.rmSync(dir, { recursive: true, force: true });
    });

    for (const signal of ["SIGTERM", "SIGINT"] as const)
        it(`starts on the ports given, says where, and on ${signal} stops once, leaving endpoints.json without its pid`, async () => {
            const cxonePort = await closedPort();
            run = runDaemon({ dir, cxonePort, oktaPort: 0, latencyMs: 2 });
            const ep = await endpointsOf(dir, run);
            assert.equal(ep.cxone.baseUrl, `http://127.0.0.1:${cxonePort}`);
            const status = await fetch(`${ep.cxone.baseUrl}/sandbox/status`);
            assert.equal(status.status, 200);
            // the other options reach the sandbox
            const faults = (await (await fetch(`${ep.okta.orgUrl}/sandbox/faults`)).json()) as {
                latencyMs: number;
            };
            assert.equal(faults.latencyMs, 2);
            assert.equal(run.out.length, 1);
            assert.match(
                run.out[0],
                new RegExp(
                    `^\\d{4}-\\d\\d-\\d\\dT\\S+Z sandbox pid ${process.pid}: cxone ${ep.cxone.baseUrl}, okta ${ep.okta.orgUrl}$`,
                ),
            );
            process.emit(signal);
            // a second signal while stopping changes nothing
            process.emit(signal === "SIGTERM" ? "SIGINT" : "SIGTERM");
            assert.equal(await run.exited, 0);
            assert.equal(run.out.length, 2);
            assert.match(run.out[1], new RegExp(`^\\S+Z ${signal}: stopping$`));
            const after = JSON.parse(fs.readFileSync(path.join(dir, "endpoints.json"), "utf8"));
            assert.equal("pid" in after, false);
            assert.deepEqual(after.cxone, ep.cxone, "the rest stays readable");
            await assert.rejects(fetch(`${ep.cxone.baseUrl}/sandbox/status`));
        });

    it("leaves an endpoints.json that names another process as it is", async () => {
        run = runDaemon({ dir, cxonePort: 0, oktaPort: 0 });
        const ep = await endpointsOf(dir, run);
        const file = path.join(dir, "endpoints.json");
        fs.writeFileSync(file, JSON.stringify({ ...ep, pid: 1 }));
        process.emit("SIGTERM");
        assert.equal(await run.exited, 0);
        assert.equal(JSON.parse(fs.readFileSync(file, "utf8")).pid, 1);
    });

    it("stops cleanly when endpoints.json is gone", async () => {
        run = runDaemon({ dir, cxonePort: 0, oktaPort: 0 });
        await endpointsOf(dir, run);
        fs.rmSync(path.join(dir, "endpoints.json"));
        process.emit("SIGTERM");
        assert.equal(await run.exited, 0);
        assert.equal(fs.existsSync(path.join(dir, "endpoints.json")), false);
    });

    it("a start that fails says why and exits 1", async () => {
        const taken = await new Promise<net.Server>((resolve) => {
            const srv = net.createServer();
            srv.listen(0, "127.0.0.1", () => resolve(srv));
        });
        try {
            const oktaPort = (taken.address() as net.AddressInfo).port;
            run = runDaemon({ dir, cxonePort: 0, oktaPort });
            assert.equal(await run.exited, 1);
            assert.equal(run.err.length, 1);
            assert.match(run.err[0], /^sandbox failed to start: .*EADDRINUSE/);
            assert.deepEqual(run.out, []);
        } finally {
            taken.close();
        }
    });
});
