// Finds the running sandbox for a stack with no tenant config, or says in one line how to start it.
import * as fs from "fs";
import { sandboxEndpointsFile } from "../provider/cxone/credentials";
import { send } from "../provider/core/transport";
import { userAgentHeader } from "../provider/core/userAgent";
import { SandboxEndpoints, SettingsError } from "./settings";
import { setTimeout as sleep } from "node:timers/promises";

export const startHint =
    "no CXone tenant is configured (cxone:region) and the sandbox is not running: start it with `npm run sandbox -- start`, or set cxone:region and okta:orgName for a real tenant";

const restartHint =
    "restart the sandbox (`npm run sandbox -- stop`, then `npm run sandbox -- start`), which writes it again";

/**
 * The endpoints file as the sandbox writes it. A damaged or hand-edited one is a SettingsError
 * naming the file and the way on, not a stack trace from deep inside the program.
 */
export function sandboxEndpoints(file: string): SandboxEndpoints {
    let parsed: unknown;
    try {
        parsed = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch {
        throw new SettingsError(`the sandbox's endpoints file ${file} is not JSON: ${restartHint}`);
    }
    const p = parsed as { cxone?: { baseUrl?: unknown }; okta?: { orgUrl?: unknown } } | null;
    if (typeof p?.cxone?.baseUrl !== "string" || typeof p?.okta?.orgUrl !== "string")
        throw new SettingsError(
            `the sandbox's endpoints file ${file} has no cxone.baseUrl or okta.orgUrl: ${restartHint}`,
        );
    return parsed as SandboxEndpoints;
}

/** The running sandbox's endpoints, or undefined; `pause` waits between tries (tests count them). */
export async function runningSandbox(
    pause: (ms: number) => Promise<unknown> = sleep,
): Promise<SandboxEndpoints | undefined> {
    const file = sandboxEndpointsFile();
    if (!fs.existsSync(file)) return undefined;
    const endpoints = sandboxEndpoints(file);
    // A few tries: one dropped request must not read as "not running".
    for (let attempt = 1; attempt <= 3; attempt++) {
        try {
            const res = await send({
                // Stryker disable next-line StringLiteral: Node sends GET for an empty method
                method: "GET",
                url: `${endpoints.cxone.baseUrl}/.well-known/openid-configuration`,
                timeoutMs: 3000,
                headers: userAgentHeader(),
            });
            // Stryker disable next-line ConditionalExpression: Node's answer is never below 200 (1xx are interim)
            if (res.status >= 200 && res.status < 300) return endpoints;
        } catch {
            // no answer in time, or none at all: tried again below
        }
        if (attempt < 3) await pause(300);
    }
    return undefined;
}
