// The sandbox Okta's Management API as the org's API token calls it: one request, its status,
// headers and JSON body (null when there is none), read loosely as the tests read Okta's answers.
import { strict as assert } from "assert";
import type { RunningSandbox } from "../../sandbox/index";

export interface OktaAnswer {
    status: number;
    headers: Headers;
    body: any; // Okta's JSON, read loosely
}

/** `okta(method, path, body?)` against this sandbox's Okta, with its SSWS token. */
export function sandboxOktaApi(sb: () => RunningSandbox) {
    return async (method: string, p: string, body?: unknown): Promise<OktaAnswer> => {
        const r = await fetch(sb().urls.okta + p, {
            method,
            headers: {
                Authorization: `SSWS ${sb().endpoints.okta.apiToken}`,
                "Content-Type": "application/json",
                Accept: "application/json",
            },
            body: body === undefined ? undefined : JSON.stringify(body),
        });
        return { status: r.status, headers: r.headers, body: await r.json().catch(() => null) };
    };
}

/** An Okta error answer: its HTTP status, `errorCode` and `errorSummary`, each exactly. */
export function assertOktaError(
    r: Pick<OktaAnswer, "status" | "body">,
    status: number,
    code: string,
    summary: string,
): void {
    assert.equal(r.status, status, JSON.stringify(r.body));
    assert.equal(r.body.errorCode, code);
    assert.equal(r.body.errorSummary, summary);
}
