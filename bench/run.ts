// `npm run bench`: measures calls, latency and scale on the real engine against the sandbox,
// prints tables and writes .pulumi-local/bench/results.json. Reports numbers, asserts no timings:
// exits non-zero only when an operation failed.
//   node dist/bench/run.js [--only=calls,latency,preview,scale,people,yaml] [--latency=200] [--runs=5]
//     [--sizes=50,100,200] [--rate=50] [--okta-assignments=200] [--okta-window=60] [--yaml-runs=3]
//     [--keep]
import * as fs from "fs";
import { parseArgs } from "node:util";
import * as os from "os";
import * as path from "path";
import { benchCalls, CallRow } from "./calls";
import { benchLatency, LatencyResult } from "./latency";
import { benchPeople, PeopleBench } from "./people";
import { benchPreview, PreviewResult } from "./preview";
import {
    callsTable,
    latencyTable,
    peopleTable,
    previewProcessesTable,
    previewTable,
    scaleTable,
    oktaScaleTable,
    yamlTable,
} from "./report";
import { benchScale, ScaleRow } from "./scale";
import {
    benchOktaScale,
    OKTA_BUCKET_LIMIT,
    OKTA_WINDOW_SECONDS,
    type OktaScaleRow,
} from "./oktaScale";
import { benchDir, runId } from "./world";
import { benchYaml, YamlResult } from "./yaml";

// strict: a mistyped option stops the run instead of measuring with a default
const text = (fallback: string) => ({ type: "string", default: fallback }) as const;
const options = (() => {
    try {
        return parseArgs({
            strict: true,
            allowPositionals: false,
            options: {
                only: text("calls,latency,preview,scale,people,yaml"),
                latency: text("200"),
                runs: text("5"),
                sizes: text("50,100,200"),
                rate: text("50"),
                "okta-assignments": text("200"),
                "okta-window": text(String(OKTA_WINDOW_SECONDS)),
                "yaml-runs": text("3"),
                keep: { type: "boolean", default: false },
            },
        }).values;
    } catch (e) {
        console.error(`bench: ${(e as Error).message}`);
        process.exit(2);
    }
})();
const arg = (name: Exclude<keyof typeof options, "keep">): string => options[name];
// checked before any section runs, so a typo never costs a long run
const oktaWindow = Number(arg("okta-window"));
if (!Number.isInteger(oktaWindow) || oktaWindow < 1) {
    console.error(`bench: --okta-window=${arg("okta-window")} is not a whole number of seconds`);
    process.exit(2);
}

interface Results {
    runId: string;
    date: string;
    machine: {
        cpus: number;
        model: string;
        memGb: number;
        node: string;
        loadBefore: number[];
        loadAfter?: number[];
    };
    calls?: CallRow[];
    latency?: LatencyResult;
    preview?: PreviewResult;
    scale?: { perSecond: number; rows: ScaleRow[] };
    oktaScale?: OktaScaleRow;
    people?: PeopleBench;
    yaml?: YamlResult;
    failures: string[];
    totalMs?: number;
}

async function section<T>(r: Results, name: string, f: () => Promise<T>): Promise<T | undefined> {
    const t0 = Date.now();
    console.error(`bench: ${name}...`);
    try {
        return await f();
    } catch (e) {
        r.failures.push(`${name}: ${(e as Error)?.message ?? e}`.slice(0, 2000));
        return undefined;
    } finally {
        console.error(`bench: ${name} done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    }
}

async function main(): Promise<number> {
    const only = arg("only").split(",");
    const t0 = Date.now();
    const r: Results = {
        runId,
        date: new Date().toISOString(),
        failures: [],
        machine: {
            cpus: os.cpus().length,
            model: os.cpus()[0]?.model ?? "?",
            memGb: Math.round(os.totalmem() / 2 ** 30),
            node: process.version,
            loadBefore: os.loadavg(),
        },
    };
    if (only.includes("calls")) r.calls = await section(r, "calls", benchCalls);
    if (only.includes("latency"))
        r.latency = await section(r, "latency", () => benchLatency(Number(arg("latency"))));
    if (only.includes("preview")) {
        r.preview = await section(r, "preview", () => benchPreview(Number(arg("runs"))));
    }
    if (only.includes("scale")) {
        const perSecond = Number(arg("rate"));
        const rows = await section(r, "scale", () =>
            benchScale(arg("sizes").split(",").filter(Boolean).map(Number), perSecond),
        );
        if (rows) r.scale = { perSecond, rows };
        const n = Number(arg("okta-assignments"));
        if (n > 0)
            r.oktaScale = await section(r, "okta-scale", () => benchOktaScale(n, oktaWindow));
    }
    if (only.includes("people")) r.people = await section(r, "people", () => benchPeople());
    if (only.includes("yaml"))
        r.yaml = await section(r, "yaml", () => benchYaml(Number(arg("yaml-runs"))));
    r.machine.loadAfter = os.loadavg();
    r.totalMs = Date.now() - t0;
    for (const row of r.scale?.rows ?? [])
        if (!row.ok) r.failures.push(`scale ${row.employees}: ${row.error}`);
    if (r.oktaScale && !r.oktaScale.ok)
        r.failures.push(`okta scale ${r.oktaScale.assignments}: ${r.oktaScale.error}`);

    const out = path.join(benchDir, "results.json");
    fs.mkdirSync(benchDir, { recursive: true });
    fs.writeFileSync(out, JSON.stringify(r, null, 2) + "\n");

    const cpu = `${r.machine.cpus} CPU ${r.machine.model}, load ${r.machine.loadBefore.map((x) => x.toFixed(1)).join(" ")} -> ${r.machine.loadAfter.map((x) => x.toFixed(1)).join(" ")}`;
    console.log(`\ncxone-okta-scim bench ${r.date} (${cpu}; ${(r.totalMs / 1000).toFixed(0)} s)\n`);
    if (r.calls)
        console.log(
            "1. API calls per operation (writes/reads/sign-ins; reads = GETs and POST searches)\n" +
                callsTable(r.calls) +
                "\n",
        );
    if (r.latency)
        console.log(
            "2. Latency: up from empty, no-change preview, destroy\n" +
                latencyTable(r.latency) +
                "\n",
        );
    if (r.preview) {
        const head = `4. No-change \`pulumi preview\` (refresh) of the integration, ${r.preview.runs} runs each`;
        const rounds = `cli / inline per round: ${r.preview.roundRatios.join(" ")}, median ${r.preview.roundRatio}`;
        console.log(head + "\n" + previewTable(r.preview) + "\n" + rounds + "\n");
        const why =
            "Where the time goes: Node.js processes per preview (medians; cold load = a fresh node" +
            " loading @pulumi/pulumi and the program, what the inline runner pays once)";
        console.log(why + "\n" + previewProcessesTable(r.preview) + "\n");
    }
    if (r.scale?.rows.length)
        console.log(
            `3. Scale under a ${r.scale.perSecond} req/s sandbox rate limit\n` +
                scaleTable(r.scale.rows) +
                "\n",
        );
    if (r.oktaScale)
        console.log(
            `3b. Okta: ${r.oktaScale.assignments} group assignments under the sandbox Okta's per-bucket limits` +
                ` (${OKTA_BUCKET_LIMIT} per ${r.oktaScale.windowSeconds} s window per bucket)\n` +
                oktaScaleTable(r.oktaScale) +
                "\n",
        );
    if (r.people)
        console.log(
            `5. People impact of removing one of ${r.people.groups.length} groups, ${r.people.users} people (Okta reads)\n` +
                peopleTable(r.people) +
                "\n",
        );
    if (r.yaml)
        console.log(
            `6. \`up\` from empty: Pulumi YAML against TypeScript, ${r.yaml.runs} runs each\n` +
                yamlTable(r.yaml) +
                `\nyaml / typescript (medians): ${r.yaml.ratio}\n`,
        );
    for (const f of r.failures) console.log(`FAILURE ${f}`);
    // stacks are destroyed by then; their backends and sandboxes only matter when debugging
    if (!options.keep) fs.rmSync(path.join(benchDir, runId), { recursive: true, force: true });
    console.log(`results: ${path.relative(process.cwd(), out)}`);
    return r.failures.length ? 1 : 0;
}

main().then(
    (code) => process.exit(code),
    (e) => {
        console.error(e);
        process.exit(1);
    },
);
