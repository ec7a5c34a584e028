// Round trips on the critical path, from the request log alone: the longest chain of requests in
// which each one starts after the previous one ended. With a fixed injected latency L much larger
// than local overhead, parallel calls overlap and cannot both sit in one chain, so the chain
// length is the number of sequential round trips the operation needed.
import type { RequestLogEntry } from "../sandbox/index";

export function criticalPathRoundTrips(entries: RequestLogEntry[]): {
    count: number;
    chain: string[];
} {
    const reqs = entries
        .map((r) => ({
            start: Date.parse(r.time),
            end: Date.parse(r.time) + r.ms,
            label: `${r.method} ${r.path.split("?")[0]}`,
        }))
        .sort((a, b) => a.end - b.end);
    // longest[i]: length of the longest chain ending with request i; prev for the chain itself
    const longest: number[] = [];
    const prev: number[] = [];
    for (let i = 0; i < reqs.length; i++) {
        longest[i] = 1;
        prev[i] = -1;
        for (let j = 0; j < i; j++) {
            if (reqs[j].end <= reqs[i].start && longest[j] + 1 > longest[i]) {
                longest[i] = longest[j] + 1;
                prev[i] = j;
            }
        }
    }
    let best = -1;
    for (let i = 0; i < reqs.length; i++) if (best < 0 || longest[i] > longest[best]) best = i;
    const chain: string[] = [];
    for (let i = best; i >= 0; i = prev[i]) chain.unshift(reqs[i].label);
    return { count: chain.length, chain };
}
