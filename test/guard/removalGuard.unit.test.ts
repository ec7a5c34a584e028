// The removal guard's rules without an engine: which `pulumi` command is running (global flags
// and their values skipped), when a deletion is allowed, and what the refusal says.
import { strict as assert } from "assert";
import { spawn, type ChildProcess } from "child_process";
import fs = require("fs"); // the module itself, whose existsSync the `ps` test replaces
import {
    checkRemovalGuard,
    commandOf,
    diffRemovalGuard,
    isDestroy,
    removalAllowed,
    removalRefusal,
} from "../../provider/guard/removalGuardLogic";
import { runningPulumiCommand } from "../../provider/guard/pulumiCommand";
import { RemovalGuard } from "../../provider/guard/removalGuard";
import { installMocks, settled, type Declared } from "../support/pulumiMocks";

const state = {
    integration: "cxone-okta",
    roleId: "r-1",
    employeeId: "e-1",
    accessKeyId: "K1",
    appId: "0oa1",
    allowRemoval: false,
};

describe("removal guard: the rules", () => {
    it("the command of a pulumi command line, past global flags and their values", () => {
        assert.equal(commandOf(["pulumi", "destroy", "--yes"]), "destroy");
        assert.equal(commandOf(["/usr/bin/pulumi", "up", "--yes", "--skip-preview"]), "up");
        assert.equal(commandOf(["pulumi", "--cwd", "destroy", "up"]), "up");
        assert.equal(
            commandOf(["pulumi", "-C", "dir", "-v", "9", "--color", "never", "down"]),
            "down",
        );
        assert.equal(commandOf(["pulumi", "--non-interactive", "--cwd=x", "destroy"]), "destroy");
        assert.equal(commandOf(["pulumi", "--non-interactive", "destroy"]), "destroy", "a switch");
        assert.equal(commandOf(["pulumi", "--", "destroy"]), undefined);
        assert.equal(commandOf(["pulumi"]), undefined);
    });

    it("a deletion is allowed by `pulumi destroy` (or down), or allowRemoval; nothing else", () => {
        assert.ok(isDestroy("destroy") && isDestroy("down"));
        for (const c of ["up", "refresh", "preview", undefined]) {
            assert.equal(removalAllowed(state, c), false, String(c));
            assert.equal(removalAllowed({ ...state, allowRemoval: true }, c), true, String(c));
        }
        assert.equal(removalAllowed(state, "destroy"), true);
    });

    it("the refusal: what would be lost (ids only), that nothing was deleted, and the ways on", () => {
        const r = removalRefusal(state, "up");
        assert.equal(
            r,
            'refused to remove the SCIM integration "cxone-okta": the program no longer declares it, ' +
                "so this update would delete all of it (CXone access key K1 revoked, employee e-1 and " +
                "role r-1 deactivated (CXone never frees a role name), Okta app 0oa1 deleted). Nothing " +
                "was deleted. `pulumi up` is not `pulumi destroy`. If Pulumi.yaml's `main` or the " +
                "program changed by mistake, put it back. If you renamed the component, give it " +
                "`aliases` with the old name. To remove the integration on purpose, run `pulumi " +
                "destroy`, or set allowRemoval: true on it (root program: `pulumi config set " +
                "cxone-okta-scim:allowRemoval true`), run `pulumi up`, then remove it",
        );
        assert.match(
            removalRefusal(state, undefined),
            /could not tell which `pulumi` command is running/,
        );
    });

    it("check names every missing id; diff never replaces, and changes on any input", () => {
        const c = checkRemovalGuard({ ...state, roleId: "", allowRemoval: "yes" });
        assert.deepEqual(
            c.failures.map((f) => f.property),
            ["roleId", "allowRemoval"],
        );
        assert.equal(
            checkRemovalGuard({ ...state, allowRemoval: undefined }).inputs.allowRemoval,
            false,
        );
        assert.deepEqual(diffRemovalGuard(state, state), { changes: false });
        assert.deepEqual(diffRemovalGuard(state, { ...state, accessKeyId: "K2" }), {
            changes: true,
        });
    });

    it("this process's own pulumi command: none above a test runner", () => {
        // mocha runs under node and npm, not under pulumi: the guard must then not assume destroy
        assert.equal(runningPulumiCommand(), undefined);
    });
});

// Each level a node process named by its argv0 (the CLI, the provider shim...), started by the
// level above; each prints its pid. The code comes from the environment: no space in argv.
const LEVEL = `
const [, ...rest] = JSON.parse(process.env.LEVELS);
const me = JSON.parse(process.env.LEVELS)[0];
if (me.title) process.title = me.title;
setInterval(() => {}, 100000);
process.stdout.write(process.pid + " ");
if (rest.length)
    require("child_process").spawn(process.execPath, ["--eval=eval(process.env.LEVEL)", ...rest[0].args], {
        argv0: rest[0].argv0,
        env: { ...process.env, LEVELS: JSON.stringify(rest) },
        stdio: ["ignore", "inherit", "inherit"],
    });
`;
type Level = { argv0: string; args: string[]; title?: string };

describe("removal guard: the pulumi command above a process", () => {
    let top: ChildProcess | undefined;
    afterEach(() => {
        if (top?.pid) process.kill(-top.pid, "SIGKILL");
        top = undefined;
    });
    /** Starts the levels, each the parent of the next; resolves to their pids, top first. */
    const pids = (levels: Level[]): Promise<number[]> =>
        new Promise((resolve, reject) => {
            let out = "";
            top = spawn(process.execPath, ["--eval=eval(process.env.LEVEL)", ...levels[0].args], {
                argv0: levels[0].argv0,
                env: { ...process.env, LEVEL, LEVELS: JSON.stringify(levels) },
                stdio: ["ignore", "pipe", "inherit"],
                detached: true,
            });
            top.stdout!.on("data", (d: Buffer) => {
                out += String(d);
                const all = out.trim().split(" ").map(Number);
                if (out.endsWith(" ") && all.length === levels.length) resolve(all);
            });
            top.once("error", reject);
        });
    /** The last level's pid. */
    const chain = async (levels: Level[]) => (await pids(levels))[levels.length - 1];
    const node = (title?: string): Level => ({ argv0: "node", args: [], title });

    it("the nearest pulumi above, past the shim and a process whose name holds ') '", async () => {
        const pid = await chain([
            { argv0: "/opt/bin/pulumi", args: ["destroy", "--yes"] },
            { argv0: "/opt/bin/pulumi-language-nodejs", args: ["up"] },
            node("a) b c"),
            node(),
        ]);
        assert.equal(runningPulumiCommand(pid), "destroy");
    });
    it("pulumi.exe in any case is pulumi; a name that only contains pulumi is not", async () => {
        const pid = await chain([
            { argv0: "/opt/PULUMI.EXE", args: ["down"] },
            { argv0: "xpulumi", args: ["up"] },
            { argv0: "pulumix", args: ["refresh"] },
            node(),
        ]);
        assert.equal(runningPulumiCommand(pid), "down");
    });
    it("without /proc, the same answer from `ps`", async () => {
        const pid = await chain([
            { argv0: "/opt/bin/pulumi", args: ["destroy", "--yes"] },
            { argv0: "pulumi-resource-x", args: ["up"] },
            node(),
        ]);
        const real = fs.existsSync;
        fs.existsSync = (f: fs.PathLike) => f !== "/proc/self/stat" && real(f);
        try {
            assert.equal(runningPulumiCommand(pid), "destroy");
            assert.equal(runningPulumiCommand(2 ** 22 + 1), undefined, "no such process");
        } finally {
            fs.existsSync = real;
        }
    });
    it("pulumi with no command: undefined", async () => {
        const pid = await chain([{ argv0: "pulumi", args: [] }, node()]);
        assert.equal(runningPulumiCommand(pid), undefined);
    });
    it("looks at 8 processes, the start and 7 above, no further", async () => {
        const all = await pids([
            { argv0: "pulumi", args: ["destroy"] },
            ...Array.from({ length: 8 }, () => node()),
        ]);
        assert.equal(runningPulumiCommand(all[8]), undefined, "pulumi the 9th");
        assert.equal(runningPulumiCommand(all[7]), "destroy", "pulumi the 8th");
    });
    it("pulumi as PID 1 (a container's entrypoint) is found; PID 0 is not read", () => {
        const real = fs.readFileSync;
        const read: string[] = [];
        const table: Record<string, string> = {
            "/proc/1/stat": "1 (pulumi) S 0 1 1 0",
            "/proc/1/cmdline": "pulumi\0destroy\0--yes\0",
        };
        (fs as { readFileSync: unknown }).readFileSync = (f: string) => {
            read.push(f);
            if (f in table) return table[f];
            throw new Error(`ENOENT: ${f}`);
        };
        try {
            assert.equal(runningPulumiCommand(1), "destroy");
            table["/proc/1/cmdline"] = "/sbin/init\0";
            assert.equal(runningPulumiCommand(1), undefined, "PID 1 not pulumi, and nothing above");
            assert.ok(!read.some((f) => f.startsWith("/proc/0/")), read.join(", "));
        } finally {
            (fs as { readFileSync: unknown }).readFileSync = real;
        }
    });
    it("a process that is gone: undefined, not an error", () => {
        assert.equal(runningPulumiCommand(2 ** 22 + 1), undefined);
    });
});

// The guard's people settings: what it keeps for a removal's people check, each refused as typed.
const people = {
    integration: "cxone-okta",
    roleId: "r",
    employeeId: "e",
    accessKeyId: "k",
    appId: "0oa1",
};

describe("RemovalGuard: the people check's settings", () => {
    it("keeps the org, the threshold and the allowance", () => {
        const c = checkRemovalGuard({
            ...people,
            orgUrl: "https://example.okta.com",
            deactivationThreshold: 0,
            allowDeactivations: 312,
        });
        assert.deepEqual(c.failures, []);
        assert.equal(c.inputs.orgUrl, "https://example.okta.com");
        assert.equal(c.inputs.allowDeactivations, 312);
    });
    it("refuses a negative count and a non-text org, by name", () => {
        const c = checkRemovalGuard({
            ...people,
            orgUrl: 5 as never,
            deactivationThreshold: -1,
            allowDeactivations: "many" as never,
        });
        assert.deepEqual(
            c.failures.map((f) => f.property),
            ["orgUrl", "deactivationThreshold", "allowDeactivations"],
        );
    });
    it("a guard of an earlier version (no org) is still valid: no people check then", () => {
        assert.deepEqual(checkRemovalGuard(people).failures, []);
    });
});

describe("RemovalGuard: the resource", () => {
    it("registers as cxone-okta-scim's RemovalGuard with every input, through the forwarder", async () => {
        const declared: Declared[] = [];
        installMocks({ declared });
        const g = new RemovalGuard("probe-guard", { ...people, allowRemoval: true });
        assert.equal(await settled(g.allowRemoval), true);
        assert.equal(declared.length, 1);
        const [d] = declared;
        assert.deepEqual(
            [d.type, d.name],
            ["pulumi-nodejs:dynamic/cxone-okta-scim:RemovalGuard", "probe-guard"],
        );
        const { __provider, ...inputs } = d.inputs;
        assert.deepEqual(inputs, { ...people, allowRemoval: true });
        assert.match(String(__provider), /removalGuardProvider/);
    });
});
