// A scripted person at the two admin consoles, for the demo and the tests: it does in the sandbox
// what an operator does by hand on real tenants (procedure steps 7-13). It uses only the
// sandbox-only console operations and the CXone login page, never anything the product calls.
import axios, { AxiosResponse } from "axios";
import type { ScimConnectionSettings as ConsoleSettings } from "./okta/state";

/** Steps 7-12: tick "Enable SCIM provisioning" and save the SCIM connection settings. */
export async function saveScimSettings(
    oktaUrl: string,
    appId: string,
    s: ConsoleSettings,
): Promise<void> {
    const res = await axios.post(
        `${oktaUrl}/sandbox/console/apps/${encodeURIComponent(appId)}/provisioning`,
        s,
        { validateStatus: () => true },
    );
    if (res.status !== 200)
        throw new Error(
            `saving the SCIM settings failed: ${res.status} ${JSON.stringify(res.data?.messages ?? res.data)}`,
        );
}

/** The hidden fields of a form page, as a browser would post them back. */
export const hiddenFields = (html: string): Record<string, string> =>
    Object.fromEntries(
        [...html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)].map((m) => [
            unescape(m[1]),
            unescape(m[2]),
        ]),
    );
const unescape = (s: string) =>
    s
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&amp;/g, "&");
const noRedirect = { maxRedirects: 0, validateStatus: () => true } as const;

function location(res: AxiosResponse, what: string): string {
    const to = res.headers.location;
    if (res.status !== 302 || typeof to !== "string")
        throw new Error(`${what}: expected a redirect, got ${res.status}`);
    return to;
}

/**
 * Step 13: "Authenticate with CXone". Follows the real OAuth authorization-code flow: Okta sends the
 * browser to CXone's login page, the person signs in, CXone redirects back with a code, Okta
 * exchanges it with the client id and secret that were entered. Returns Okta's result page text.
 */
export async function authenticateWithCxone(
    oktaUrl: string,
    appId: string,
    login: { email: string; password: string },
): Promise<{ ok: boolean; page: string }> {
    const start = await axios.get(
        `${oktaUrl}/sandbox/console/apps/${encodeURIComponent(appId)}/authenticate`,
        noRedirect,
    );
    const authorizeUrl = location(start, "Authenticate with CXone");
    const loginPage = await axios.get<string>(authorizeUrl, {
        ...noRedirect,
        responseType: "text",
    });
    if (loginPage.status !== 200) throw new Error(`CXone login page: ${loginPage.status}`);
    const form = new URLSearchParams({
        ...hiddenFields(loginPage.data),
        email: login.email,
        password: login.password,
    });
    const signedIn = await axios.post(
        new URL("/auth/authorize", authorizeUrl).toString(),
        form.toString(),
        {
            ...noRedirect,
            headers: { "Content-Type": "application/x-www-form-urlencoded" },
            responseType: "text",
        },
    );
    if (signedIn.status === 200) return { ok: false, page: String(signedIn.data) }; // the login page again, with an error
    const callback = await axios.get<string>(location(signedIn, "CXone sign-in"), {
        ...noRedirect,
        responseType: "text",
    });
    return { ok: callback.status === 200, page: String(callback.data) };
}

/** Runs Okta's provisioning for the app now; returns the per-user results. */
export async function syncProvisioning(oktaUrl: string, appId: string): Promise<unknown> {
    const res = await axios.post(
        `${oktaUrl}/sandbox/console/apps/${encodeURIComponent(appId)}/sync`,
        {},
        { validateStatus: () => true },
    );
    if (res.status !== 200)
        throw new Error(`provisioning sync failed: ${res.status} ${JSON.stringify(res.data)}`);
    return res.data;
}

/** Stack outputs of the integration that the console steps need. */
export interface IntegrationOutputs {
    appId: string;
    scimBaseUrl: string;
    tokenEndpoint: string;
    authorizeEndpoint: string;
    accessKeyId: string;
    accessKeySecret: string;
}

/** The SCIM connection settings a person types in from the stack's outputs (steps 7-12). */
export function consoleSettings(
    o: Omit<IntegrationOutputs, "appId">,
    overrides: Partial<ConsoleSettings> = {},
): ConsoleSettings {
    return {
        scimBaseUrl: o.scimBaseUrl,
        uniqueIdentifierField: "userName",
        supportedActions: ["pushNewUsers", "pushProfileUpdates"],
        authMode: "oauth2",
        tokenEndpoint: o.tokenEndpoint,
        authorizeEndpoint: o.authorizeEndpoint,
        clientId: o.accessKeyId,
        clientSecret: o.accessKeySecret,
        ...overrides,
    };
}

/** The outputs a stack would give for the CXone at `cxoneUrl` (the sandbox's), with this key. */
export function outputsFor(
    cxoneUrl: string,
    appId: string,
    accessKeyId: string,
    accessKeySecret: string,
): IntegrationOutputs {
    return {
        appId,
        scimBaseUrl: `${cxoneUrl}/scim/v2`,
        tokenEndpoint: `${cxoneUrl}/auth/token`,
        authorizeEndpoint: `${cxoneUrl}/auth/authorize`,
        accessKeyId,
        accessKeySecret,
    };
}

/**
 * Everything the stack asked a person to do (its remainingSteps), done in the sandbox: save the
 * settings with the values from the stack outputs, then sign in at "Authenticate with CXone".
 */
export async function completeConsoleSteps(
    oktaUrl: string,
    o: IntegrationOutputs,
    login: { email: string; password: string },
): Promise<{ ok: boolean; page: string }> {
    await saveScimSettings(oktaUrl, o.appId, consoleSettings(o));
    return authenticateWithCxone(oktaUrl, o.appId, login);
}
