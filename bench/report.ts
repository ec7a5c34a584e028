// Turns the three sections' results into the printed tables.
import type { CallRow } from "./calls";
import type { LatencyResult } from "./latency";
import { runners, type PreviewResult } from "./preview";
import type { ScaleRow } from "./scale";
import type { OktaScaleRow } from "./oktaScale";
import { table } from "./table";
import type { PeopleBench } from "./people";
import { languages, type YamlResult } from "./yaml";

const wrt = (m: { writes: number; reads: number; tokens: number }) =>
    `${m.writes}/${m.reads}/${m.tokens}`;

export function callsTable(rows: CallRow[]): string {
    return table(
        [
            "operation (full integration stack)",
            "providers w/r/s",
            "minimum",
            "ratio",
            "safety reads w/r/s",
            "named",
            "ratio",
            "engine summary",
        ],
        rows.map((r) => [
            r.operation,
            wrt(r.measured),
            wrt(r.minimum),
            r.ratio.toFixed(2),
            wrt(r.safety),
            wrt(r.safetyMinimum),
            r.safetyRatio.toFixed(2),
            JSON.stringify(r.summary),
        ]),
    );
}

export function latencyTable(l: LatencyResult): string {
    return table(
        [
            `operation (L = ${l.latencyMs} ms)`,
            "floor (median)",
            "RTT minimum",
            "floor + minimum x L",
            "measured (median; runs)",
            "ratio (<= 1.1)",
            "RTT on path",
            "ratio vs path",
        ],
        l.rows.map((r) => [
            r.operation,
            `${r.floorMedianMs} ms`,
            r.rttMinimum,
            `${r.floorMedianMs + r.rttMinimum * l.latencyMs} ms`,
            `${r.measuredMs} ms; ${r.measuredRunsMs.join(", ")}`,
            r.ratio.toFixed(2),
            r.rttObserved,
            r.ratioVsObserved.toFixed(2),
        ]),
    );
}

export function scaleTable(rows: ScaleRow[]): string {
    return table(
        [
            "employees",
            "resources",
            "result",
            "up",
            "bound (calls/rate)",
            "up/bound",
            "up/max(floor,bound)",
            "ms/resource",
            "no-op floor up, ms/res",
            "paced floor up",
            "up/paced floor",
            "up calls (w/r/t, 429s)",
            "calls refused (max per call)",
            "provider peak RSS",
            "destroy (floor)",
            "load1",
        ],
        rows.map((r) => [
            r.employees,
            r.resources,
            r.ok ? "ok" : "FAILED",
            `${(r.upMs / 1000).toFixed(1)} s`,
            `${(r.boundMs / 1000).toFixed(1)} s`,
            r.ratioToBound.toFixed(2),
            r.ratioToFloorOrBound.toFixed(2),
            r.msPerResource,
            `${(r.floorUpMs / 1000).toFixed(1)} s, ${r.floorMsPerResource}`,
            `${(r.pacedFloorUpMs / 1000).toFixed(1)} s`,
            r.ratioToPacedFloor.toFixed(2),
            `${wrt({ writes: r.upCalls.writes, reads: r.upCalls.reads, tokens: r.upCalls.tokens })}, ${r.upCalls.rateLimited}`,
            `${r.refusedCalls} (${r.maxRefusals})`,
            `${r.providerPeakRssMb} MB (${r.providerProcesses} proc)`,
            `${(r.destroyMs / 1000).toFixed(1)} s (${(r.floorDestroyMs / 1000).toFixed(1)} s)`,
            r.load,
        ]),
    );
}

export function oktaScaleTable(r: OktaScaleRow): string {
    return table(
        [
            "assignments",
            "result",
            "up",
            "bound (buckets' windows)",
            "up/bound",
            "up/max(floor,bound)",
            "no-op floor up",
            "calls per bucket",
            "429s",
            "calls refused (max per call)",
            "destroy",
            "load1",
        ],
        [
            [
                r.assignments,
                r.ok ? "ok" : "FAILED",
                `${(r.upMs / 1000).toFixed(1)} s`,
                `${(r.boundMs / 1000).toFixed(1)} s`,
                Number.isFinite(r.ratioToBound) ? r.ratioToBound.toFixed(2) : "-",
                r.ratioToFloorOrBound.toFixed(2),
                `${(r.floorUpMs / 1000).toFixed(1)} s`,
                Object.entries(r.buckets)
                    .map(([b, n]) => `${b.replace("/api/v1", "")} ${n}`)
                    .join(", "),
                r.upCalls.rateLimited,
                `${r.refusedCalls} (${r.maxRefusals})`,
                `${(r.destroyMs / 1000).toFixed(1)} s`,
                r.load,
            ],
        ],
    );
}

const runnerLabel = {
    cli: "`pulumi preview` (CLI, our language host)",
    local: "Automation API, project dir (our language host)",
    inline: "Automation API, inline program (old runner)",
};

export function previewTable(p: PreviewResult): string {
    return table(
        [
            "runner",
            "median",
            "runs (ms)",
            "first run (untimed)",
            "calls w/r/s",
            "vs inline (cli <= 1.10)",
        ],
        runners.map((r) => [
            runnerLabel[r],
            `${p.medianMs[r]} ms`,
            p.ms[r].join(" "),
            `${p.warmupMs[r]} ms`,
            wrt(p.calls[r]),
            (p.medianMs[r] / p.medianMs.inline).toFixed(2),
        ]),
    );
}

const med = (xs: (number | undefined)[]) => {
    const known = xs.filter((x): x is number => x !== undefined).sort((a, b) => a - b);
    return known.length ? `${known[Math.floor(known.length / 2)]} ms` : "-";
};

/** Where a language-host preview's time goes (medians over the timed runs). */
export function previewProcessesTable(p: PreviewResult): string {
    return table(
        [
            "runner",
            "host starts",
            "first host lived",
            "program starts after",
            "program lived",
            "cold load",
        ],
        runners.map((r) => {
            const ops = p.processes[r];
            return [
                runnerLabel[r],
                ops.map((o) => o.hostStarts).join(" "),
                med(ops.map((o) => o.firstHostMs)),
                med(ops.map((o) => o.programStartMs)),
                r === "inline" ? "(in this process)" : med(ops.map((o) => o.programMs)),
                med(p.coldLoadMs),
            ];
        }),
    );
}

/** Section 5: the people impact's reads, per list, against the pages Okta's page sizes allow. */
export function peopleTable(p: PeopleBench): string {
    const rows = p.calls.map((c) => [c.list, c.calls, c.pages]);
    rows.push(["total (Okta calls)", p.total, p.minimum]);
    return (
        table(["read", "calls", "pages (minimum)"], rows) +
        `\nratio ${(p.total / p.minimum).toFixed(2)}, ${p.writes} writes, ${p.ms} ms; groups of ${p.groups.join(", ")} people; ` +
        `${p.deactivated} would be deactivated\n${p.summary}`
    );
}

const languageLabel = {
    typescript: "TypeScript root program (dist/program/main.js)",
    yaml: "Pulumi YAML (examples/yaml, the component provider)",
};

/** Section 6: `up` from empty, YAML against TypeScript. */
export function yamlTable(y: YamlResult): string {
    return table(
        ["program", "median", "runs (ms)", "calls w/r/s", "vs TypeScript (yaml <= 1.5)"],
        languages.map((l) => [
            languageLabel[l],
            `${y.medianMs[l]} ms`,
            y.ms[l].join(" "),
            wrt(y.calls[l]),
            (y.medianMs[l] / y.medianMs.typescript).toFixed(2),
        ]),
    );
}
