// Helpers shared by the reliability suites (test/reliability): counting what the sandbox holds,
// running an engine operation that may fail, and killing an engine run like a crash would.
import * as fs from "fs";
import type { RunningSandbox } from "../../sandbox/index";

/** What the integration is named by (the program's defaults unless the test sets config). */
export interface IntegrationNames {
    roleName: string;
    email: string;
    appLabel: string;
}

export const defaultNames: IntegrationNames = {
    roleName: "SCIM Access Key",
    email: "scim.accesskey@sandbox.example",
    appLabel: "NICE CXone",
};

/** Objects in the sandbox world that carry the integration's names: duplicates show as counts > 1. */
export function census(s: RunningSandbox, n: IntegrationNames = defaultNames) {
    const cx = s.context.state.cxone;
    const roles = Object.values(cx.roles).filter(
        (r) =>
            r.displayName.toLowerCase() === n.roleName.toLowerCase() ||
            r.roleName.toLowerCase() === n.roleName.toLowerCase(),
    );
    const employees = Object.values(cx.users).filter(
        (u) => u.emailAddress.toLowerCase() === n.email.toLowerCase(),
    );
    const ids = new Set(employees.map((e) => e.id));
    const keys = Object.values(cx.accessKeys).filter((k) => ids.has(k.userId));
    const apps = Object.values(s.context.state.okta.apps).filter((a) => a.label === n.appLabel);
    return {
        roles: roles.length,
        activeRoles: roles.filter((r) => r.status === "ACTIVE").length,
        employees: employees.length,
        keys: keys.length,
        activeKeys: keys.filter((k) => k.isActive).length,
        apps: apps.length,
        roleIds: roles.map((r) => r.roleId),
        employeeIds: employees.map((e) => e.id),
        keyIds: keys.filter((k) => k.isActive).map((k) => k.accessKeyId),
        appIds: apps.map((a) => a.id),
    };
}

/** Runs an engine operation; a failure becomes its message instead of a throw. */
export async function attempt<T>(
    op: Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; message: string }> {
    try {
        return { ok: true, value: await op };
    } catch (e) {
        return { ok: false, message: e instanceof Error ? e.message : String(e) };
    }
}

/** Lines of Node or Go stack traces ("    at f (file.js:1:2)", "goroutine 1 [running]"). */
export const STACK_TRACE = /^\s+at .+\(?.+:\d+:\d+\)?$|goroutine \d+ \[/m;

/** Process ids of every descendant of `root` (children first listed before their children). */
export function descendants(root: number): number[] {
    const parent = new Map<number, number>();
    for (const d of fs.readdirSync("/proc")) {
        if (!/^\d+$/.test(d)) continue;
        try {
            // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may contain spaces or parens
            const stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
            const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
            parent.set(Number(d), ppid);
        } catch {
            /* the process ended meanwhile */
        }
    }
    const out: number[] = [];
    const walk = (p: number) => {
        for (const [c, pp] of parent)
            if (pp === p) {
                out.push(c);
                walk(c);
            }
    };
    walk(root);
    return out;
}

/** Command name of a process, or undefined when it is gone. */
export function commandOf(pid: number): string | undefined {
    try {
        return fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim();
    } catch {
        return undefined;
    }
}

/**
 * Crash of the machine running `pulumi`: SIGKILL to the engine (the `pulumi` processes this test
 * process started) and to everything they started (provider hosts), so nothing can finish cleanly.
 */
export function killEngineTree(): number[] {
    const engines = descendants(process.pid).filter((p) => commandOf(p) === "pulumi");
    const victims = engines.flatMap((p) => [p, ...descendants(p)]);
    for (const p of victims) {
        try {
            process.kill(p, "SIGKILL");
        } catch {
            /* already gone */
        }
    }
    return victims;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `cond` every 50 ms until true or `ms` elapsed. */
export async function waitFor(cond: () => boolean, ms: number, what: string): Promise<void> {
    const until = Date.now() + ms;
    while (!cond()) {
        if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
        await sleep(50);
    }
}
