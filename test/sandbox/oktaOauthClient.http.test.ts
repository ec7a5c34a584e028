// The OAuth client the emulated Okta is for a SCIM connection (sandbox/okta/oauthClient.ts), against
// a scripted token endpoint: an expires_in sent as text is still seconds, and a refusal that names
// no error is named by its HTTP status.
import * as assert from "assert";
import { startLocalServer, type Answer, type LocalServer } from "../support/loopbackServer";
import { oktaConnect, oktaConsoleAppForEach, oktaToAppSwitches } from "../support/oktaConsoleApp";

describe("sandbox Okta: the SCIM connection's token refresh (oauthClient.ts)", function () {
    this.timeout(15000);
    const t = oktaConsoleAppForEach();

    /** Connected with short tokens, then refreshing at a scripted token endpoint; no assignee. */
    async function refreshingAt(answer: () => Answer, act: (local: LocalServer) => Promise<void>) {
        const local = await startLocalServer();
        local.answer = answer;
        try {
            t.cx.shortTokens = true; // the first run after the switch must refresh
            await oktaConnect(t);
            const put = await t.h.api(
                "PUT",
                `/api/v1/apps/${t.appId}/features/USER_PROVISIONING`,
                oktaToAppSwitches(),
            );
            assert.strictEqual(put.status, 200);
            await t.h.locals.provisioning.idle();
            t.h.ctx.state.okta.apps[t.appId].provisioning.scim!.tokenEndpoint =
                `${local.url}/token`;
            await act(local);
        } finally {
            await t.h.locals.provisioning.idle();
            await local.stop();
        }
    }
    const sync = async () => {
        const r = await t.h.api("POST", `/sandbox/console/apps/${t.appId}/sync`, {});
        assert.strictEqual(r.status, 200, JSON.stringify(r.body));
        return r.body.view as { lastAuthError: string | null };
    };

    it("an expires_in sent as text is read as seconds: no refresh until it nears", async () => {
        await refreshingAt(
            () => ({
                status: 200,
                body: { access_token: "at-text", refresh_token: "rt-text", expires_in: "7200" },
            }),
            async (local) => {
                const before = Date.now();
                assert.strictEqual((await sync()).lastAuthError, null);
                assert.strictEqual(local.seen.length, 1, "refreshed once");
                assert.match(
                    String(local.seen[0].body),
                    /^grant_type=refresh_token&refresh_token=/,
                );
                const tokens = t.h.ctx.state.okta.apps[t.appId].provisioning.tokens!;
                assert.strictEqual(tokens.accessToken, "at-text");
                assert.ok(
                    tokens.expiresAt >= before + 7_200_000,
                    String(tokens.expiresAt - before),
                );
                await sync();
                assert.strictEqual(local.seen.length, 1, "not refreshed again");
            },
        );
    });

    it("a refusal without an error code is named by its status, kept as the last authentication error", async () => {
        await refreshingAt(
            () => ({ status: 502, body: {} }),
            async () => {
                assert.strictEqual(
                    (await sync()).lastAuthError,
                    "The token endpoint refused the request: HTTP 502",
                );
            },
        );
    });
});
