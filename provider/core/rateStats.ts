// For the bench: how often rate limits refused one logical call. When CXONE_OKTA_RATE_STATS names
// a file, every call that was refused at least once appends one line `{"refusals":N}` when it
// ends; nothing else (no URL, header or body). Unset, nothing is written.
import * as fs from "fs";

export const RATE_STATS_ENV = "CXONE_OKTA_RATE_STATS";

export function noteRefusals(refusals: number): void {
    const file = process.env[RATE_STATS_ENV];
    if (!file || refusals <= 0) return;
    try {
        fs.appendFileSync(file, JSON.stringify({ refusals }) + "\n");
    } catch {
        /* statistics are best effort */
    }
}

/** Reads a stats file: calls refused at least once, and the most refusals of one call. */
export function readRateStats(file: string): { refusedCalls: number; maxRefusals: number } {
    // Stryker disable next-line StringLiteral: only read when the read below succeeds and overwrites it
    let text = "";
    // Stryker disable BlockStatement: the catch block; without its return the empty text counts as none too
    try {
        text = fs.readFileSync(file, "utf8");
    } catch {
        return { refusedCalls: 0, maxRefusals: 0 };
    }
    // Stryker restore BlockStatement
    const counts = text
        .split("\n")
        .filter(Boolean)
        .map((l) => Number((JSON.parse(l) as { refusals?: unknown }).refusals) || 0);
    return { refusedCalls: counts.length, maxRefusals: Math.max(0, ...counts) };
}
