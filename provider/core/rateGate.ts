// One rate budget per host (or per Okta bucket) for the whole provider process. Every resource
// of a run shares the process, so one call's answer about the limit holds for all: after a 429
// every call to that key waits for the announced reset instead of firing and failing on its own,
// and where the vendor counts down (Okta's X-Rate-Limit-Remaining [doc: rate-limit guide]) calls
// wait for the reset before the count reaches 0. A vendor that documents no limit (CXone) is
// learned from its answers only: a 429 tells how many calls it served in the announced wait, and
// calls are then spaced to a little under that rate. No number is assumed.
import { sleep } from "./sleep";

/** What Okta's X-Rate-Limit-* headers said on one answer. */
export interface WindowFacts {
    /** X-Rate-Limit-Reset as sent: identifies the window */
    reset: string;
    remaining: number;
    /** local epoch ms when the window refills (measured against the answer's Date) */
    resetsAt: number;
}

interface Gate {
    /** local epoch ms before which no call starts (a 429's reset) */
    openAt: number;
    /** the current window; `remaining` is what new calls may still use (our calls in flight taken off) */
    window?: WindowFacts;
    inFlight: number;
    /** learned minimum ms between call starts (0: none learned) */
    spacingMs: number;
    nextSlot: number;
    /** start times of calls answered without a 429, newest last (for learning the rate) */
    served: number[];
    /** the last 429 answer (the vendor's words, for a call whose budget ends at this gate) */
    refusal?: unknown;
}

/** Share of the learned rate used, so an estimate at the edge does not keep hitting the limit. */
const LEARNED_SHARE = 0.9;
/** How long served-call times are kept for learning: longer than any wait the rate rule needs. */
const SERVED_HISTORY_MS = 120_000;

const gates = new Map<string, Gate>();

function gateOf(key: string): Gate {
    let g = gates.get(key);
    if (!g) {
        g = { openAt: 0, inFlight: 0, spacingMs: 0, nextSlot: 0, served: [] };
        gates.set(key, g);
    }
    return g;
}

/** Forgets every key (tests; a new tenant). */
export function clearRateGates(): void {
    gates.clear();
}

/** One call's place under a key: release it with its answer. */
export interface Admission {
    /** local epoch ms when the call was let through */
    startedAt: number;
    /** ms this call waited for the key (counts toward the rate-limit budget) */
    waitedMs: number;
}

/**
 * Ms the next call under `key` would wait now (0 when it may go at once), not counting the
 * learned spacing.
 */
export function gateWaitMs(key: string, now = Date.now()): number {
    const g = gates.get(key);
    if (!g) return 0;
    const w = g.window;
    const closed = Math.max(0, g.openAt - now);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: from the reset on, resetsAt - now <= 0 <= closed
    if (w && now < w.resetsAt && w.remaining <= 0) return Math.max(closed, w.resetsAt - now);
    return closed;
}

/**
 * Waits until a call under `key` may start: after any announced reset, while the window has
 * calls left (counting those in flight), at the learned spacing. `maxWaitMs`: when the wait
 * would pass it, nothing is waited and undefined is returned (the caller's budget is spent).
 */
export async function admit(key: string, maxWaitMs: number): Promise<Admission | undefined> {
    const g = gateOf(key);
    const began = Date.now();
    for (;;) {
        const now = Date.now();
        const wait = gateWaitMs(key, now);
        if (wait > 0) {
            if (now - began + wait > maxWaitMs) return undefined;
            await sleep(wait);
            continue;
        }
        // a window past its reset is unknown again until the next answer tells its count
        if (g.window && now >= g.window.resetsAt) g.window = undefined;
        // Stryker disable next-line ConditionalExpression,EqualityOperator: with spacing 0 the block takes the slot `now` and sleeps nothing
        if (g.spacingMs > 0) {
            const slot = Math.max(now, g.nextSlot);
            g.nextSlot = slot + g.spacingMs;
            if (slot > now) await sleep(slot - now);
            // a 429 while this call waited for its slot closes the gate for it too
            const closed = Math.max(0, g.openAt - Date.now());
            if (closed > 0) await sleep(closed);
        }
        g.inFlight++;
        if (g.window) g.window = { ...g.window, remaining: g.window.remaining - 1 };
        const startedAt = Date.now();
        return { startedAt, waitedMs: startedAt - began };
    }
}

/**
 * The call admitted at `a` got its answer. `window`: the answer's X-Rate-Limit-* facts, if any
 * (kept from served answers only). `refusedForMs`: the answer was a 429 and every call waits this
 * long; `announced`: the vendor said so (Retry-After, else its reset against its Date), rather
 * than the client's own backoff.
 */
export function release(
    key: string,
    a: Admission,
    answer: {
        window?: WindowFacts;
        refusedForMs?: number;
        announced?: boolean;
        networkFailure?: boolean;
        /** the 429 answer itself */
        refusal?: unknown;
    },
    now = Date.now(),
): void {
    const g = gateOf(key);
    g.inFlight = Math.max(0, g.inFlight - 1);
    // A 429 closes the gate for the wait it announces and no longer: Okta's refusal also carries
    // its window (Remaining 0, Reset up to 60 s away), which would otherwise hold every call to
    // the key until that reset even when Retry-After said 1 s.
    if (answer.window && answer.refusedForMs === undefined) noteWindow(g, answer.window);
    if (answer.refusedForMs !== undefined) {
        g.refusal = answer.refusal;
        g.openAt = Math.max(g.openAt, now + answer.refusedForMs);
        // a vendor that counts down needs no learning: its headers say when to stop
        if (!answer.window && answer.announced) learnRate(g, now, answer.refusedForMs);
    } else if (!answer.networkFailure) {
        g.served.push(a.startedAt);
        const horizon = now - SERVED_HISTORY_MS;
        while (g.served.length && g.served[0] < horizon) g.served.shift();
    }
}

/** The newest window wins; within one window the lowest count left (answers cross on the way). */
function noteWindow(g: Gate, w: WindowFacts): void {
    const cur = g.window;
    if (!cur || cur.reset !== w.reset) {
        // an answer of an older window arriving late says nothing about the current one
        // Stryker disable next-line EqualityOperator: resets differing as text are different numbers (Okta sends epoch seconds)
        if (cur && Number(w.reset) < Number(cur.reset)) return;
        // our own calls admitted since are not yet in this count
        g.window = { ...w, remaining: w.remaining - g.inFlight };
        return;
    }
    g.window = { ...cur, remaining: Math.min(cur.remaining, w.remaining - g.inFlight) };
}

/**
 * A 429 answered at `now` announcing a wait of `waitMs`: the calls served that started in the
 * `waitMs` before it are what the vendor allowed in that time; space calls to a share of that
 * rate. Only ever slows down within the process (one `pulumi up`).
 */
function learnRate(g: Gate, now: number, waitMs: number): void {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a wait of 0 or less learns a spacing of 0 or less, which max() drops
    if (waitMs <= 0) return;
    const served = g.served.filter((t) => t >= now - waitMs).length;
    if (served === 0) return; // refused with nothing served: the gate's wait is all we know
    g.spacingMs = Math.max(g.spacingMs, waitMs / (served * LEARNED_SHARE));
}

/** The last 429 answer under `key`, if any. */
export function lastRefusal(key: string): unknown {
    return gates.get(key)?.refusal;
}

/** For tests and the bench: what the process has learned about `key`. */
export function gateState(
    key: string,
): { spacingMs: number; window?: WindowFacts; openAt: number } | undefined {
    const g = gates.get(key);
    return g && { spacingMs: g.spacingMs, window: g.window, openAt: g.openAt };
}
