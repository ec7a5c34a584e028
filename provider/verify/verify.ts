// The connection test: does this access key, in this region, reach CXone's SCIM server the way
// Okta will? Step 1 obtains a token with the key; step 2 makes the SCIM request Okta makes
// first (a userName lookup); step 3 reports which host answers UserHub, the one host choice the
// evidence disagrees on (USER_HUB_HOST in regions.ts). Each step passes or fails with the reason
// in the operator's words.
// The secret and the token are held in local variables only: never returned, printed or thrown.
// The SCIM step (scimStep.ts) is shared with the variant that spares the key (verifySparingKey.ts).
import { accessKeyToken, accessKeyTokenUrl } from "../cxone/accessKeyToken";
import type { CxoneRequestError } from "../cxone/scim";
import { probeUserHub, type HostAnswer, type UserHubProbe } from "../cxone/hostProbe";
import { USER_HUB_HOST, inferredFields, type ResolvedRegion } from "../cxone/discovery/regions";
import { asRequestError, hostOf, regionHint, said, transportReason } from "./failures";
import { scimStep } from "./scimStep";
import { startResult } from "./startResult";
import {
    DEFAULT_PROBE_USER_NAME,
    KEY_USE_NOTE,
    STEP_SCIM,
    STEP_TOKEN,
    STEP_USERHUB,
    type VerifyResult,
    type VerifyStep,
} from "./steps";

export * from "./steps";

/** What to test. */
export interface VerifyInput {
    /** From {@link resolveRegion} or {@link sandboxRegion}. */
    region: ResolvedRegion;
    /** Access key ID (shown in results). */
    accessKeyId: string;
    /** Secret access key (never shown). */
    accessKeySecret: string;
    /** userName the SCIM lookup asks for; it need not exist. */
    probeUserName?: string;
    /** per-request timeout; default 15 s */
    timeoutMs?: number;
}

function tokenFailure(e: CxoneRequestError, input: VerifyInput, timeoutMs: number): string {
    const transport = transportReason(e, input.region.region, timeoutMs);
    if (transport) return transport;
    const id = input.accessKeyId;
    if (e.kind === "bad-response")
        return `${e.host} answered HTTP ${e.status} without a token: this is not CXone's access-key endpoint; ${regionHint(input.region.region)}`;
    switch (e.status) {
        case 400:
            return `CXone rejected the sign-in request (HTTP 400)${said(e)}: check that the access key ID and secret are both set`;
        case 401:
            return `access key ${id} was rejected (HTTP 401): the secret is wrong, or the key is deactivated or revoked, or its employee is deactivated; if the secret is lost, create a new key (it is shown only once)${said(e)}`;
        case 403:
            return `access key ${id} may not sign in (HTTP 403): its employee may be inactive (invite and activate it) or the key disabled${said(e)}`;
        case 404:
            return `${e.host} has no access-key sign-in endpoint (HTTP 404): ${regionHint(input.region.region)}`;
        case 429:
            return `CXone is rate limiting sign-ins (HTTP 429): wait a minute and try again`;
        default:
            return (e.status ?? 0) >= 500
                ? `CXone's sign-in service failed (HTTP ${e.status}): try again later${said(e)}`
                : `sign-in failed with HTTP ${e.status}${said(e)}`;
    }
}

/**
 * Runs the connection test: a token with the access key, then the SCIM userName lookup Okta
 * makes. Never throws for a failed step; the result never contains the secret or the token.
 * Side effect: the sign-in sets the key's lastUsedDate in CXone (see {@link KEY_USE_NOTE}).
 */
export async function verifyConnection(input: VerifyInput): Promise<VerifyResult> {
    const timeoutMs = input.timeoutMs ?? 15_000;
    const r = input.region;
    // Signing in with the key sets its lastUsedDate, which ScimConnection reads as evidence that
    // Okta authenticated: say so, so nobody mistakes this test for Okta's "Authenticate with CXone".
    const notes = [...r.notes, KEY_USE_NOTE];
    const inferred = inferredFields(r);
    if (inferred.length > 0)
        notes.unshift(`not documented by NICE, inferred: ${inferred.join(", ")}`);
    const result = startResult(r, input.accessKeyId, notes);

    if (!input.accessKeyId || !input.accessKeySecret) {
        result.steps.push({
            name: STEP_TOKEN,
            ok: false,
            detail: `the access key ${!input.accessKeyId ? "ID" : "secret"} is missing`,
        });
        result.steps.push({
            name: STEP_SCIM,
            ok: false,
            skipped: true,
            detail: "skipped: no token",
        });
        return result;
    }

    let token: string;
    let who: { tenantId?: string; userId?: string } = {};
    try {
        const t = await accessKeyToken(
            r.areaUrl,
            { accessKeyId: input.accessKeyId, accessKeySecret: input.accessKeySecret },
            { timeoutMs },
        );
        token = t.accessToken;
        who = { tenantId: t.tenantId, userId: t.userId };
        result.steps.push({
            name: STEP_TOKEN,
            ok: true,
            detail: `access key ${input.accessKeyId} accepted by ${hostOf(r.areaUrl)}; token valid for ${Math.round(t.expiresIn / 60)} min${t.tenantId ? ` (tenant ${t.tenantId})` : ""}`,
        });
    } catch (err) {
        const e = asRequestError(err, "obtain a token", accessKeyTokenUrl(r.areaUrl));
        result.steps.push({
            name: STEP_TOKEN,
            ok: false,
            detail: tokenFailure(e, input, timeoutMs),
        });
        result.steps.push({
            name: STEP_SCIM,
            ok: false,
            skipped: true,
            detail: "skipped: no token",
        });
        result.steps.push({
            name: STEP_USERHUB,
            ok: false,
            skipped: true,
            detail: "skipped: no token",
        });
        return result;
    }

    const userName = input.probeUserName ?? DEFAULT_PROBE_USER_NAME;
    const scim = await scimStep(r, input.accessKeyId, token, userName, timeoutMs);
    result.steps.push(scim);
    if (!scim.ok) {
        result.steps.push({
            name: STEP_USERHUB,
            ok: false,
            skipped: true,
            detail: "skipped: SCIM failed",
        });
        return result;
    }

    const hosts = await userHubStep(r, who, token, timeoutMs);
    result.steps.push(hosts.step);
    if (hosts.userHubUrl) result.userHubUrl = hosts.userHubUrl;
    if (hosts.note) result.notes.push(hosts.note);
    result.ok = hosts.step.ok || hosts.step.skipped === true;
    return result;
}

function answerText(a: HostAnswer): string {
    const how =
        a.choice === "derived" ? "api-{area}.{domain} [sdk:userhub-host]" : "api_endpoint [spec]";
    if (!a.base) return `${how} ${a.failure}`;
    const said = a.status !== undefined ? `answered HTTP ${a.status}` : `unreachable: ${a.failure}`;
    return `${hostOf(a.base)} (${how}) ${said}`;
}

/** Step 3: which discovered host answers UserHub for this tenant, and is it the stack's choice. */
async function userHubStep(
    r: ResolvedRegion,
    who: { tenantId?: string; userId?: string },
    token: string,
    timeoutMs: number,
): Promise<{ step: VerifyStep; userHubUrl?: string; note?: string }> {
    const step = (ok: boolean, detail: string, skipped?: true): VerifyStep => ({
        name: STEP_USERHUB,
        ok,
        detail,
        ...(skipped ? { skipped } : {}),
    });
    if (!who.tenantId || !who.userId) {
        return {
            step: step(
                false,
                "skipped: the token names no tenant or user, so discovery cannot be asked",
                true,
            ),
        };
    }
    let probe: UserHubProbe;
    try {
        probe = await probeUserHub(r.issuerUrl, who.tenantId, who.userId, token, timeoutMs);
    } catch (err) {
        const e = asRequestError(err, "discover the tenant's hosts", r.issuerUrl);
        const why = transportReason(e, r.region, timeoutMs) ?? e.message;
        return { step: step(false, `discovery at ${hostOf(r.issuerUrl)} failed: ${why}`) };
    }
    const areaHost = probe.hosts.areaUrl ? hostOf(probe.hosts.areaUrl) : undefined;
    // the sandbox's region may name its issuer as the area host (it serves both), so no hint there
    const note =
        r.region !== "sandbox" && areaHost !== undefined && areaHost !== hostOf(r.areaUrl)
            ? `discovery names the area host ${areaHost}, the region table ${hostOf(r.areaUrl)}: ` +
              "the region table may need a correction"
            : undefined;
    const answers = probe.answers.map(answerText).join("; ");
    const chosen = probe.answers[0];
    if (probe.answered === chosen) {
        const detail = `UserHub answered at the host the stack uses: ${answers}`;
        return { step: step(true, detail), userHubUrl: chosen.base, note };
    }
    const fix = probe.answered
        ? `only the other candidate answered: set USER_HUB_HOST in provider/cxone/discovery/regions.ts to "${probe.answered.choice}"`
        : `neither candidate answered the key's own user (its role needs "Employees: View")`;
    return {
        step: step(false, `${fix}; ${answers} (the stack uses ${USER_HUB_HOST.choice})`),
        ...(probe.answered ? { userHubUrl: probe.answered.base } : {}),
        note,
    };
}

/** The result as terminal lines: one line per step, then notes. Contains no secret or token. */
export function formatVerifyResult(result: VerifyResult): string {
    const lines = [
        `CXone connection test: region ${result.region}, access key ${result.accessKeyId}`,
        `  SCIM base URL: ${result.scimBaseUrl}`,
    ];
    if (result.userHubUrl) lines.push(`  UserHub answered at: ${result.userHubUrl}`);
    for (const s of result.steps) {
        const mark = s.skipped ? "SKIP" : s.ok ? "PASS" : "FAIL";
        lines.push(`  [${mark}] ${s.name}: ${s.detail}`);
    }
    for (const n of result.notes) lines.push(`  note: ${n}`);
    lines.push(result.ok ? "Connection test passed." : "Connection test FAILED.");
    return lines.join("\n");
}
