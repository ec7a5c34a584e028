// The Admin Console's checks on Provisioning > Integration > SCIM Connection, as a pure function.
import type { ScimConnectionSettings } from "./state";

export const SUPPORTED_ACTIONS = [
    "importNewUsers",
    "importProfileUpdates",
    "pushNewUsers",
    "pushProfileUpdates",
    "pushGroups",
    "importGroups",
];

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

/** https anywhere; plain http only on loopback (the sandbox's own servers). */
export function urlProblem(field: string, v: unknown): string | null {
    if (typeof v !== "string" || v.trim() === "") return `${field}: is required`;
    let u: URL;
    try {
        u = new URL(v);
    } catch {
        return `${field}: is not a valid URL`;
    }
    if (u.protocol === "https:") return null;
    if (u.protocol === "http:" && LOOPBACK.has(u.hostname)) return null;
    return `${field}: must be an https URL`;
}

export interface ConsoleInput {
    settings?: ScimConnectionSettings;
    problems: string[];
}

/**
 * `stored` is what the console already holds: an empty client secret keeps the saved one, as the
 * console's masked secret field does.
 */
export function validateScimForm(
    body: unknown,
    stored: ScimConnectionSettings | null,
): ConsoleInput {
    const b = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
    const problems: string[] = [];
    for (const [f, v] of [
        ["scimBaseUrl", b.scimBaseUrl],
        ["tokenEndpoint", b.tokenEndpoint],
        ["authorizeEndpoint", b.authorizeEndpoint],
    ] as const) {
        const p = urlProblem(f, v);
        if (p) problems.push(p);
    }
    if (typeof b.uniqueIdentifierField !== "string" || !b.uniqueIdentifierField.trim()) {
        problems.push("uniqueIdentifierField: is required");
    }
    const actions = b.supportedActions;
    if (
        !Array.isArray(actions) ||
        actions.some((a) => typeof a !== "string" || !SUPPORTED_ACTIONS.includes(a))
    ) {
        problems.push(`supportedActions: must be a list of ${SUPPORTED_ACTIONS.join(", ")}`);
    }
    if (b.authMode !== "oauth2") {
        // The console also offers Basic Auth and HTTP Header; the CXone integration uses OAuth 2,
        // the only mode the sandbox emulates.
        problems.push("authMode: must be oauth2 (OAuth 2)");
    }
    if (typeof b.clientId !== "string" || !b.clientId.trim())
        problems.push("clientId: is required");
    const secretGiven = typeof b.clientSecret === "string" && b.clientSecret !== "";
    if (!secretGiven && !stored) problems.push("clientSecret: is required");
    if (b.clientSecret !== undefined && typeof b.clientSecret !== "string")
        problems.push("clientSecret: must be a string");
    if (problems.length) return { problems };
    return {
        problems,
        settings: {
            scimBaseUrl: String(b.scimBaseUrl).replace(/\/+$/, ""),
            uniqueIdentifierField: String(b.uniqueIdentifierField).trim(),
            supportedActions: [...new Set(actions as string[])],
            authMode: "oauth2",
            tokenEndpoint: String(b.tokenEndpoint),
            authorizeEndpoint: String(b.authorizeEndpoint),
            clientId: String(b.clientId).trim(),
            clientSecret: secretGiven ? String(b.clientSecret) : stored!.clientSecret,
        },
    };
}

/** Whether new settings invalidate the current authentication (anything the OAuth client uses). */
export function authSettingsChanged(
    a: ScimConnectionSettings | null,
    b: ScimConnectionSettings,
): boolean {
    if (!a) return true;
    return (
        a.tokenEndpoint !== b.tokenEndpoint ||
        a.authorizeEndpoint !== b.authorizeEndpoint ||
        a.clientId !== b.clientId ||
        a.clientSecret !== b.clientSecret ||
        a.scimBaseUrl !== b.scimBaseUrl
    );
}
