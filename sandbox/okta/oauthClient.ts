// Okta's side of the OAuth 2 client it acts as for a SCIM connection: exchanges the
// authorization code, refreshes the access token. Client authentication is HTTP Basic with the
// client id and secret entered in the console (CXone's token endpoint advertises
// client_secret_basic; values sent as entered, as most clients do). Error messages carry the server's error/description, never a secret.
import axios from "axios";
import type { OAuthTokens, ScimConnectionSettings } from "./state";

export type TokenResult = { ok: true; tokens: OAuthTokens } | { ok: false; message: string };

async function tokenRequest(
    scim: ScimConnectionSettings,
    form: Record<string, string>,
    keepRefresh: string | null,
): Promise<TokenResult> {
    const basic = Buffer.from(`${scim.clientId}:${scim.clientSecret}`).toString("base64");
    try {
        const res = await axios.post(scim.tokenEndpoint, new URLSearchParams(form).toString(), {
            headers: {
                "Content-Type": "application/x-www-form-urlencoded",
                Accept: "application/json",
                Authorization: `Basic ${basic}`,
            },
            proxy: false, // the sandbox is loopback-only; ignore any HTTP(S)_PROXY in the environment
            timeout: 15000,
            validateStatus: () => true,
            maxRedirects: 0,
        });
        const body = (res.data && typeof res.data === "object" ? res.data : {}) as Record<
            string,
            unknown
        >;
        if (res.status >= 200 && res.status < 300 && typeof body.access_token === "string") {
            const ttl =
                typeof body.expires_in === "number"
                    ? body.expires_in
                    : Number(body.expires_in) || 3600;
            return {
                ok: true,
                tokens: {
                    accessToken: body.access_token,
                    refreshToken:
                        typeof body.refresh_token === "string" ? body.refresh_token : keepRefresh,
                    expiresAt: Date.now() + ttl * 1000,
                },
            };
        }
        const err = typeof body.error === "string" ? body.error : `HTTP ${res.status}`;
        const desc = body.errorDescription ?? body.error_description ?? body.message;
        return {
            ok: false,
            message: `The token endpoint refused the request: ${err}${typeof desc === "string" ? ` (${desc})` : ""}`,
        };
    } catch (e) {
        const code = (e as { code?: string }).code ?? "network error";
        return {
            ok: false,
            message: `Could not reach the token endpoint ${scim.tokenEndpoint}: ${code}`,
        };
    }
}

export function exchangeCode(
    scim: ScimConnectionSettings,
    code: string,
    redirectUri: string,
): Promise<TokenResult> {
    return tokenRequest(
        scim,
        { grant_type: "authorization_code", code, redirect_uri: redirectUri },
        null,
    );
}

export function refreshTokens(
    scim: ScimConnectionSettings,
    refreshToken: string,
): Promise<TokenResult> {
    return tokenRequest(
        scim,
        { grant_type: "refresh_token", refresh_token: refreshToken },
        refreshToken,
    );
}
