// `npm run sandbox -- start|stop|status|reset`: runs the sandbox as a background process.
// start prints the addresses and admin credentials and writes .sandbox/endpoints.json;
// stop leaves no process behind (pid file); reset wipes the world (re-seeds).
import { parseArgs } from "node:util";
import { spawn } from "child_process";
import * as fs from "fs";
import * as http from "http";
import * as path from "path";
import type { SandboxEndpoints } from "./core/endpoints";
import { validateFaultRule, type FaultRule } from "./core/faults";
import { sandboxDir, sandboxFiles } from "./core/paths";
import type { OktaServerOptions } from "./okta/app";
import { resolveVariants, UnknownVariantError, VARIANTS } from "./variants/index";
import { setTimeout as sleep } from "node:timers/promises";

const USAGE = `usage: sandbox start [--cxone-port N] [--okta-port N] [--latency MS] [--token-ttl SECONDS] [--fault JSON]...
                     [--okta-rate-window SECONDS] [--okta-connection reported|unknown] [--variant NAME]...
       sandbox stop | status | reset | variants
  --variant runs an other world where one unconfirmed vendor fact is false (\`sandbox variants\` lists them)
  --fault takes one rule, e.g. '{"kind":"status","status":503,"path":"^/scim/","times":2}'
  state lives in ./.sandbox (or $CXONE_OKTA_SANDBOX_DIR)`;

class UsageError extends Error {}

export function parseStartArgs(args: string[]) {
    const o: {
        cxonePort?: number;
        oktaPort?: number;
        latencyMs?: number;
        tokenTtlSeconds?: number;
        faults: FaultRule[];
        okta?: OktaServerOptions;
        variants?: string[];
    } = { faults: [] };
    const num = (flag: string, v: string) => {
        const n = Number(v);
        if (v === "" || !Number.isInteger(n) || n < 0)
            throw new UsageError(`${flag} needs a non-negative integer`);
        return n;
    };
    const text = { type: "string" } as const;
    const many = { type: "string", multiple: true } as const;
    let v: ReturnType<typeof parseStart>["values"];
    function parseStart() {
        return parseArgs({
            args,
            strict: true,
            allowPositionals: false,
            options: {
                "cxone-port": text,
                "okta-port": text,
                latency: text,
                "token-ttl": text,
                "okta-rate-window": text,
                "okta-connection": text,
                variant: many,
                fault: many,
            },
        });
    }
    try {
        v = parseStart().values;
    } catch (e) {
        const named = /'(-[^' ]+)/.exec((e as Error).message)?.[1];
        const c = (e as { code?: string }).code;
        if (c === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && named) {
            const what: Record<string, string> = {
                "--variant": "a variant name",
                "--fault": "a JSON rule",
                "--okta-connection": "reported or unknown",
            };
            throw new UsageError(`${named} needs ${what[named] ?? "a non-negative integer"}`);
        }
        // Stryker disable next-line OptionalChaining: every parseArgs error names the option in quotes
        const typed = /'([^']+)'/.exec((e as Error).message)?.[1];
        throw new UsageError(`unknown option ${typed ?? (e as Error).message}`);
    }
    if (v["cxone-port"] !== undefined) o.cxonePort = num("--cxone-port", v["cxone-port"]);
    if (v["okta-port"] !== undefined) o.oktaPort = num("--okta-port", v["okta-port"]);
    if (v.latency !== undefined) o.latencyMs = num("--latency", v.latency);
    if (v["token-ttl"] !== undefined) o.tokenTtlSeconds = num("--token-ttl", v["token-ttl"]);
    if (v["okta-rate-window"] !== undefined) {
        const seconds = num("--okta-rate-window", v["okta-rate-window"]);
        if (seconds < 1) throw new UsageError("--okta-rate-window needs at least 1 second");
        o.okta = { ...o.okta, rateLimit: { windowSeconds: seconds } };
    }
    const mode = v["okta-connection"];
    if (mode !== undefined) {
        if (mode !== "reported" && mode !== "unknown")
            throw new UsageError("--okta-connection takes reported or unknown");
        o.okta = { ...o.okta, connectionStatus: mode };
    }
    for (const name of v.variant ?? []) {
        if (!name) throw new UsageError("--variant needs a variant name");
        try {
            resolveVariants([name]);
        } catch (e) {
            // Stryker disable next-line ConditionalExpression: one name can fail only as unknown
            if (e instanceof UnknownVariantError) throw new UsageError(e.message);
            throw e;
        }
        o.variants = [...(o.variants ?? []), name];
    }
    for (const json of v.fault ?? []) {
        let rule: unknown;
        try {
            rule = JSON.parse(json);
        } catch {
            throw new UsageError("--fault needs a JSON rule");
        }
        const err = validateFaultRule(rule);
        if (err) throw new UsageError(`--fault: ${err}`);
        o.faults.push(rule as FaultRule);
    }
    return o;
}

/** Running (a zombie waiting for init to reap it has already exited and released its ports). */
export function alive(pid: number): boolean {
    try {
        process.kill(pid, 0);
    } catch (e) {
        return (e as NodeJS.ErrnoException).code === "EPERM";
    }
    // Stryker disable BlockStatement,BooleanLiteral: the catch: only a process that ends between the two reads gets there
    try {
        // Stryker disable next-line Regex,StringLiteral: a stat line starts "pid (", so the anchor changes no match; a Buffer reads as the same text
        return !/^\d+ \(.*\) Z/s.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8"));
    } catch {
        return true;
    }
}

// Stryker restore BlockStatement,BooleanLiteral
function readPid(file: string): number | undefined {
    // Stryker disable BlockStatement: the catch block; an empty one returns undefined as well
    try {
        // Stryker disable next-line StringLiteral: parseInt reads a Buffer as the same text
        const n = parseInt(fs.readFileSync(file, "utf8"), 10);
        // Stryker disable next-line EqualityOperator: a pid of 0 is falsy to every caller, as undefined
        return Number.isInteger(n) && n > 0 ? n : undefined;
    } catch {
        return undefined;
    }
}

// Stryker restore BlockStatement
function readEndpoints(file: string): SandboxEndpoints | undefined {
    // Stryker disable BlockStatement: the catch block; an empty one returns undefined as well
    try {
        return JSON.parse(fs.readFileSync(file, "utf8")) as SandboxEndpoints;
    } catch {
        return undefined;
    }
}

// Stryker restore BlockStatement
function request(method: string, url: string): Promise<number> {
    return new Promise((resolve) => {
        const req = http.request(url, { method, timeout: 2000 }, (res) => {
            res.resume();
            res.on("end", () => resolve(res.statusCode ?? 0));
        });
        req.on("error", () => resolve(0));
        req.on("timeout", () => {
            // Stryker disable next-line all: destroy() alone resolves 0 through "error"; without it the socket idles until exit
            req.destroy();
            // Stryker disable next-line all: see above
            resolve(0);
        });
        req.end();
    });
}

function describe(ep: SandboxEndpoints): string {
    const worlds = ep.variants?.length ? [`Variants  ${ep.variants.join(", ")}`] : [];
    return [
        `CXone  ${ep.cxone.baseUrl}   (tenantId ${ep.cxone.tenantId})`,
        `  access key id      ${ep.cxone.adminAccessKeyId}`,
        `  access key secret  ${ep.cxone.adminAccessKeySecret}`,
        `  admin login        ${ep.cxone.adminEmail} / ${ep.cxone.adminPassword}   (${ep.cxone.baseUrl}/auth/authorize)`,
        `Okta   ${ep.okta.orgUrl}`,
        `  API token          ${ep.okta.apiToken}`,
        ...worlds,
    ].join("\n");
}

/** The running daemon's pid, or undefined (a stale pid file is removed). */
function runningPid(files: ReturnType<typeof sandboxFiles>): number | undefined {
    const pid = readPid(files.pid);
    if (pid && alive(pid)) return pid;
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: the file was just read, so force changes nothing
    if (pid) fs.rmSync(files.pid, { force: true });
    return undefined;
}

async function start(dir: string, args: string[], waitMs: number): Promise<number> {
    const opts = parseStartArgs(args);
    const files = sandboxFiles(dir);
    const existing = runningPid(files);
    if (existing) {
        const ep = readEndpoints(files.endpoints);
        console.log(`sandbox already running (pid ${existing}); stop it first to change options`);
        if (ep) console.log(describe(ep));
        return 0;
    }
    fs.mkdirSync(dir, { recursive: true });
    const log = fs.openSync(files.daemonLog, "a");
    const daemon = path.join(__dirname, "daemon.js");
    const child = spawn(process.execPath, [daemon, JSON.stringify({ ...opts, dir })], {
        detached: true,
        stdio: ["ignore", log, log],
        env: process.env,
    });
    // Stryker disable next-line all: an open descriptor in the CLI, which exits right after
    fs.closeSync(log);
    let exited: number | null = null;
    child.on("exit", (code) => {
        exited = code ?? 1;
    });
    // Stryker disable next-line all: the CLI ends with process.exit, which does not wait for the child
    child.unref();
    const pid = child.pid!;
    const deadline = Date.now() + waitMs;
    // Stryker disable next-line EqualityOperator: one millisecond of the wait
    while (Date.now() < deadline) {
        if (exited !== null) break;
        const ep = readEndpoints(files.endpoints);
        // the daemon writes endpoints.json once both servers listen: the checks below only confirm it
        if (
            ep?.pid === pid &&
            // Stryker disable next-line ConditionalExpression,StringLiteral: see above
            (await request("GET", `${ep.cxone.baseUrl}/sandbox/status`)) === 200 &&
            // Stryker disable next-line ConditionalExpression,StringLiteral: see above
            (await request("GET", `${ep.okta.orgUrl}/sandbox/status`)) === 200
        ) {
            fs.writeFileSync(files.pid, `${pid}\n`);
            console.log(`sandbox started (pid ${pid}); endpoints in ${files.endpoints}`);
            console.log(describe(ep));
            return 0;
        }
        await sleep(100);
    }
    // Stryker disable next-line ConditionalExpression: killing a process that exited fails, and is caught
    if (exited === null) {
        try {
            process.kill(pid, "SIGKILL");
        } catch {
            /* gone */
        }
    }
    const tail = fs.existsSync(files.daemonLog)
        ? fs.readFileSync(files.daemonLog, "utf8").split("\n").slice(-10).join("\n")
        : // Stryker disable next-line StringLiteral: start opened the log, so it exists
          "";
    console.error(
        `sandbox did not start${exited !== null ? ` (exit ${exited})` : " in time"}\n${tail}`,
    );
    return 1;
}

async function stop(dir: string): Promise<number> {
    const files = sandboxFiles(dir);
    const pid = runningPid(files);
    if (!pid) {
        console.log("sandbox is not running");
        return 0;
    }
    process.kill(pid, "SIGTERM");
    const deadline = Date.now() + 5000;
    while (alive(pid) && Date.now() < deadline) await sleep(50);
    if (alive(pid)) {
        process.kill(pid, "SIGKILL");
        while (alive(pid)) await sleep(50);
    }
    fs.rmSync(files.pid, { force: true });
    console.log(`sandbox stopped (pid ${pid})`);
    return 0;
}

async function status(dir: string): Promise<number> {
    const files = sandboxFiles(dir);
    const pid = runningPid(files);
    const ep = readEndpoints(files.endpoints);
    if (!pid || !ep) {
        console.log("sandbox is not running");
        return 3;
    }
    const cx = await request("GET", `${ep.cxone.baseUrl}/sandbox/status`);
    const ok = await request("GET", `${ep.okta.orgUrl}/sandbox/status`);
    console.log(
        `sandbox running (pid ${pid}): cxone ${ep.cxone.baseUrl} [${cx === 200 ? "up" : "not answering"}], okta ${ep.okta.orgUrl} [${ok === 200 ? "up" : "not answering"}]`,
    );
    return cx === 200 && ok === 200 ? 0 : 1;
}

async function reset(dir: string): Promise<number> {
    const files = sandboxFiles(dir);
    const pid = runningPid(files);
    const ep = readEndpoints(files.endpoints);
    if (pid && ep) {
        const code = await request("POST", `${ep.cxone.baseUrl}/sandbox/reset`);
        if (code !== 204) {
            console.error(`reset failed (HTTP ${code})`);
            return 1;
        }
        console.log("sandbox world wiped and re-seeded");
        const fresh = readEndpoints(files.endpoints);
        if (fresh) console.log(describe(fresh));
        return 0;
    }
    fs.rmSync(files.state, { force: true });
    fs.rmSync(files.endpoints, { force: true });
    fs.rmSync(files.requestLog, { force: true });
    console.log("sandbox state wiped; the next start seeds a fresh world");
    return 0;
}

/** Runs one command; `startWaitMs` is how long `start` waits for the daemon to listen (tests shorten it). */
export async function runCli(argv: string[], startWaitMs = 20000): Promise<number> {
    const [cmd, ...rest] = argv;
    const dir = sandboxDir();
    try {
        switch (cmd) {
            case "start":
                return await start(dir, rest, startWaitMs);
            case "stop":
                return await stop(dir);
            case "status":
                return await status(dir);
            case "reset":
                return await reset(dir);
            case "variants":
                for (const v of VARIANTS) console.log(`${v.name}  [${v.fact}]  ${v.world}`);
                return 0;
            default:
                console.error(USAGE);
                return 2;
        }
    } catch (e) {
        if (e instanceof UsageError) {
            console.error(`${e.message}\n${USAGE}`);
            return 2;
        }
        throw e;
    }
}

// Stryker disable all: the process entry; cli.http runs it as a process
if (require.main === module) {
    runCli(process.argv.slice(2)).then(
        (code) => process.exit(code),
        (e) => {
            console.error(e);
            process.exit(1);
        },
    );
}
// Stryker restore all
