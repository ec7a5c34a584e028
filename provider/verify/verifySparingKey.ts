// The connection test without signing in with the key under test. A sign-in with the key sets its
// lastUsedDate in CXone, which is the evidence the stack reads to tell that Okta uses the key
// (pending -> authorized, and the end of a rotation). This variant avoids that: with the admin
// credentials the stack uses, it checks that the key exists and is active, then signs in as the
// key's employee with a temporary key (revoked at once) and makes Okta's SCIM lookup. It proves
// what the key's sign-in proves (tenant, region, employee active, role permission, SCIM server)
// except the secret itself, which the stack holds exactly as CXone issued it.
import { accessKeyToken } from "../cxone/accessKeyToken";
import { CxoneClient } from "../cxone/client";
import { CxoneRequestError } from "../cxone/scim";
import { cxoneEndpointFor, type ResolvedRegion } from "../cxone/discovery/regions";
import { scimStep } from "./scimStep";
import { DEFAULT_PROBE_USER_NAME, STEP_SCIM, STEP_TOKEN, type VerifyResult } from "./steps";
import { startResult } from "./startResult";

/** Step name of the key check. */
export const STEP_KEY = "Check the access key in CXone";

/** Always in the result's notes: what this variant does not touch, and what it does not test. */
export const SPARED_KEY_NOTE =
    "the key itself did not sign in: its lastUsedDate, the stack's evidence that Okta uses it, is " +
    "untouched; a temporary key of the same employee signed in instead and was revoked";

export interface SparingVerifyInput {
    region: ResolvedRegion;
    /** the key under test (Okta's client id); its secret is not needed */
    accessKeyId: string;
    probeUserName?: string;
    timeoutMs?: number;
    /** the CXone admin client; default: admin credentials from env (or the sandbox) */
    admin?: CxoneClient;
}

const why = (e: unknown): string =>
    e instanceof CxoneRequestError
        ? [e.kind, e.status && `HTTP ${e.status}`, e.code, e.detail].filter(Boolean).join(", ")
        : e instanceof Error
          ? e.message
          : "unknown error";

export async function verifySparingKey(input: SparingVerifyInput): Promise<VerifyResult> {
    const r = input.region;
    const timeoutMs = input.timeoutMs ?? 15_000;
    const result = startResult(r, input.accessKeyId, [...r.notes, SPARED_KEY_NOTE]);
    const skip = (name: string, detail: string) =>
        result.steps.push({ name, ok: false, skipped: true, detail });
    let admin: CxoneClient;
    let userId: string;
    try {
        admin = input.admin ?? new CxoneClient(cxoneEndpointFor(r));
        const key = await admin.getAccessKey(input.accessKeyId);
        const problem = !key
            ? `access key ${input.accessKeyId} does not exist in this tenant (revoked, or another region)`
            : !key.isActive
              ? `access key ${input.accessKeyId} is switched off in CXone: Okta cannot sign in with it`
              : undefined;
        if (problem || !key) {
            result.steps.push({ name: STEP_KEY, ok: false, detail: problem ?? "" });
            skip(STEP_TOKEN, "skipped: the key does not work");
            skip(STEP_SCIM, "skipped: no token");
            return result;
        }
        userId = key.userId;
        const used = key.lastUsedDate ? `last used ${key.lastUsedDate}` : "never used yet";
        result.steps.push({
            name: STEP_KEY,
            ok: true,
            detail: `access key ${input.accessKeyId} is active, employee ${userId}, ${used}`,
        });
    } catch (e) {
        result.steps.push({
            name: STEP_KEY,
            ok: false,
            detail: `could not read the key: ${why(e)}`,
        });
        skip(STEP_TOKEN, "skipped: the key could not be checked");
        skip(STEP_SCIM, "skipped: no token");
        return result;
    }

    let token: string;
    let temporary: string | undefined;
    try {
        const tmp = await admin.createAccessKey(userId);
        temporary = tmp.accessKeyId;
        token = (await accessKeyToken(r.areaUrl, tmp, { timeoutMs })).accessToken;
        result.steps.push({
            name: STEP_TOKEN,
            ok: true,
            detail: `employee ${userId} signed in with temporary key ${temporary}`,
        });
    } catch (e) {
        result.steps.push({
            name: STEP_TOKEN,
            ok: false,
            detail: `employee ${userId} could not sign in: ${why(e)} (is the employee activated?)`,
        });
        skip(STEP_SCIM, "skipped: no token");
        await revoke(admin, temporary, result);
        return result;
    }
    const userName = input.probeUserName ?? DEFAULT_PROBE_USER_NAME;
    const scim = await scimStep(r, input.accessKeyId, token, userName, timeoutMs);
    result.steps.push(scim);
    result.ok = scim.ok;
    await revoke(admin, temporary, result);
    return result;
}

/** Revokes the temporary key; a failure fails the test, naming the key to revoke by hand. */
async function revoke(admin: CxoneClient, id: string | undefined, result: VerifyResult) {
    if (!id) return;
    try {
        await admin.revokeAccessKey(id);
    } catch (e) {
        result.ok = false;
        result.notes.push(
            `could not revoke the temporary key ${id}: revoke it in CXone (${why(e)})`,
        );
    }
}
