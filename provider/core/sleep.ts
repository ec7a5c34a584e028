// The one sleep of both clients (retries, rate-limit waits, polling): Node's promise timer.
import { setTimeout as wait } from "node:timers/promises";

/** Resolves after `ms` milliseconds (0 or less resolves on the next turn). */
export const sleep = (ms: number): Promise<void> => wait(Math.max(0, ms));
