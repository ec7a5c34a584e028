// `sandbox start`'s options as the CLI reads them (parseStartArgs): each flag lands in its own
// setting, each bad value is refused with the flag named and what it needs; and `alive`, which
// counts a zombie (exited, not yet reaped) as gone. The commands themselves: cli.http.test.ts.
import { strict as assert } from "assert";
import { spawn } from "child_process";
import * as fs from "fs";
import { alive, parseStartArgs } from "../../sandbox/cli";
import { UnknownVariantError } from "../../sandbox/variants/index";

/** The message parseStartArgs refuses `args` with, or "accepted". */
function refused(args: string[]): string {
    try {
        parseStartArgs(args);
    } catch (e) {
        return (e as Error).message;
    }
    return "accepted";
}

describe("sandbox CLI: start options (parseStartArgs)", () => {
    it("puts each number in its own setting", () => {
        const o = parseStartArgs([
            "--cxone-port=4100",
            "--okta-port=4200",
            "--latency=7",
            "--token-ttl=90",
        ]);
        assert.equal(o.cxonePort, 4100);
        assert.equal(o.oktaPort, 4200);
        assert.equal(o.latencyMs, 7);
        assert.equal(o.tokenTtlSeconds, 90);
        assert.deepEqual(o.faults, []);
        assert.equal(o.okta, undefined);
        assert.equal(o.variants, undefined);
    });

    it("refuses a number that is empty, negative or fractional, naming the flag", () => {
        for (const flag of ["--cxone-port", "--okta-port", "--latency", "--token-ttl"])
            for (const value of ["", "-1", "1.5", "soon"])
                assert.equal(
                    refused([`${flag}=${value}`]),
                    `${flag} needs a non-negative integer`,
                    `${flag}=${value}`,
                );
        // zero is a number the operator may mean (port 0: any free port)
        assert.equal(parseStartArgs(["--latency=0"]).latencyMs, 0);
    });

    it("takes an Okta rate window of one second or more", () => {
        assert.deepEqual(parseStartArgs(["--okta-rate-window=1"]).okta, {
            rateLimit: { windowSeconds: 1 },
        });
        assert.equal(
            refused(["--okta-rate-window=0"]),
            "--okta-rate-window needs at least 1 second",
        );
        assert.equal(
            refused(["--okta-rate-window=x"]),
            "--okta-rate-window needs a non-negative integer",
        );
    });

    it("takes the Okta connection mode reported or unknown, beside a rate window", () => {
        for (const mode of ["reported", "unknown"])
            assert.deepEqual(
                parseStartArgs(["--okta-connection", mode, "--okta-rate-window", "5"]).okta,
                { rateLimit: { windowSeconds: 5 }, connectionStatus: mode },
            );
        assert.equal(
            refused(["--okta-connection=maybe"]),
            "--okta-connection takes reported or unknown",
        );
        assert.equal(refused(["--okta-connection"]), "--okta-connection needs reported or unknown");
    });

    it("refuses an empty or unknown variant name as a usage error naming the known ones", () => {
        assert.equal(refused(["--variant="]), "--variant needs a variant name");
        assert.equal(refused(["--variant"]), "--variant needs a variant name");
        let thrown: unknown;
        try {
            parseStartArgs(["--variant=no-such-world"]);
        } catch (e) {
            thrown = e;
        }
        // a usage error (the CLI prints the usage and exits 2), not the variants' own error
        assert.ok(thrown instanceof Error && !(thrown instanceof UnknownVariantError));
        assert.match(
            (thrown as Error).message,
            /^unknown sandbox variant "no-such-world"; known: .*role-create-absent/,
        );
    });

    it("takes fault rules as JSON, refusing text that is not JSON and a rule that is not valid", () => {
        const rule = { kind: "status", status: 503, path: "^/scim/", times: 2 };
        assert.deepEqual(parseStartArgs(["--fault", JSON.stringify(rule)]).faults, [rule]);
        assert.equal(refused(["--fault=not json"]), "--fault needs a JSON rule");
        assert.equal(
            refused(["--fault", '{"kind":"status","status":200}']),
            "--fault: status must be 400-599",
        );
    });
});

describe("sandbox CLI: alive", () => {
    it("is true for a running process and false for one gone", async () => {
        assert.equal(alive(process.pid), true);
        const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
        const pid = child.pid!;
        await new Promise((r) => child.once("exit", r));
        assert.equal(alive(pid), false);
    });

    it("counts a zombie, exited but not reaped, as gone", async function () {
        this.timeout(10000);
        // The shell starts a child, then becomes `sleep`, which never reaps. The child exits only
        // once its parent is `sleep` (or gone, so a failed test leaves no loop behind), so the shell
        // cannot reap it first: a child that exited at once was sometimes reaped before the exec.
        const child =
            "until grep -qx sleep /proc/$PPID/comm || [ ! -e /proc/$PPID ]; do sleep 0.01; done";
        const parent = spawn("sh", ["-c", `sh -c '${child}' & echo $!; exec sleep 60`], {
            stdio: ["ignore", "pipe", "ignore"],
        });
        try {
            const zombie = Number(
                await new Promise<string>((r) => parent.stdout!.once("data", (d) => r(String(d)))),
            );
            const stat = `/proc/${zombie}/stat`;
            // wait for the child to have exited (state Z); no server is involved
            for (let i = 0; i < 400 && !/\) Z /.test(fs.readFileSync(stat, "utf8")); i++)
                await new Promise((r) => setTimeout(r, 20));
            assert.match(fs.readFileSync(stat, "utf8"), /^\d+ \(sh\) Z /);
            assert.equal(alive(zombie), false);
        } finally {
            parent.kill("SIGKILL");
        }
    });
});
