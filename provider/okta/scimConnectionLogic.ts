// ScimConnection: validation, diffing and state mapping. Pure: no I/O, tested without servers.
import {
    DEFAULT_AUTH_MODE,
    DEFAULT_POLL_INTERVAL_SECONDS,
    DEFAULT_SECRET_REFERENCE,
    DEFAULT_SUPPORTED_ACTIONS,
    DEFAULT_UNIQUE_IDENTIFIER_FIELD,
    DEFAULT_WAIT_FOR_AUTHORIZATION_SECONDS,
} from "../integration/defaults";
import { allOf } from "../framework/checks";
import { pinnedTo } from "../cxone/discovery/endpointPolicy";
import { compact, withDefaults } from "../framework/props";
import type { CxoneEndpoint } from "../cxone/discovery/regions";
import {
    ConnectionEvidence,
    connectionStatus,
    ConnectionStatus,
    remainingSteps,
    ScimSettings,
    supportedActionLabels,
} from "./connectionSteps";
import {
    check,
    CheckFailure,
    Checked,
    checkOrgAndIds,
    httpsUrl,
    isUnknown,
    optionalBoolean,
    optionalNumber,
    optionalString,
    requiredString,
    Unchecked,
} from "./validation";

/** ScimConnection inputs after check(): defaults applied. */
export type ScimConnectionState = ScimSettings & {
    orgUrl: string;
    appId: string;
    /** the app's label for the steps; absent or "" when it is a secret (the steps name the app's id) */
    appLabel?: string;
    clientSecret: string;
    cxoneEndpoint: CxoneEndpoint;
    secretReference: string;
    cxoneSignInHint?: string;
    waitForAuthorizationSeconds: number;
    /** fail while not authorized (something downstream needs the authorized connection) */
    requireAuthorization: boolean;
    pollIntervalSeconds: number;
    /** during a key rotation: the previous key, still active until Okta uses the new one ("" none) */
    previousClientId?: string;
};

/** ScimConnection outputs: the inputs plus the judged status and the console steps left. */
export type ScimConnectionOutputs = ScimConnectionState & {
    status: ConnectionStatus;
    oktaConnectionStatus?: string;
    keyLastUsedDate?: string;
    /** Okta has reported ENABLED or DISABLED for this app (so its UNKNOWN means switched off) */
    oktaReportedStatus?: boolean;
    remainingSteps: string[];
};

/** Okta's supported provisioning actions this integration knows. */
export const KNOWN_ACTIONS = Object.keys(supportedActionLabels);

/** The settings Okta holds: a change means Okta must be told (and authorized) again. */
export const SETTING_KEYS = [
    "scimBaseUrl",
    "uniqueIdentifierField",
    "authMode",
    "tokenEndpoint",
    "authorizeEndpoint",
    "clientId",
    "clientSecret",
] as const;

/** The defaults check() applies. */
export const SCIM_CONNECTION_DEFAULTS = {
    uniqueIdentifierField: DEFAULT_UNIQUE_IDENTIFIER_FIELD,
    supportedActions: [...DEFAULT_SUPPORTED_ACTIONS],
    authMode: DEFAULT_AUTH_MODE,
    secretReference: DEFAULT_SECRET_REFERENCE,
    waitForAuthorizationSeconds: DEFAULT_WAIT_FOR_AUTHORIZATION_SECONDS,
    requireAuthorization: false,
    pollIntervalSeconds: DEFAULT_POLL_INTERVAL_SECONDS,
};

/** check(): validates every input (no API call) and applies defaults. Never echoes the secret. */
export function checkScimConnection(
    raw: Unchecked<ScimConnectionState>,
): Checked<ScimConnectionState> {
    const failures: CheckFailure[] = [];
    const news = withDefaults(SCIM_CONNECTION_DEFAULTS, raw);
    checkOrgAndIds(failures, news, ["appId", "clientId"]);
    check(failures, "appLabel", news.appLabel, optionalString(1000));
    // the operator types these into Okta, which then sends the client secret there: CXone's
    // region hosts only (or loopback, the sandbox)
    for (const k of ["scimBaseUrl", "tokenEndpoint", "authorizeEndpoint"] as const) {
        check(failures, k, news[k], allOf(httpsUrl(), pinnedTo("regionHost")));
    }
    check(failures, "clientSecret", news.clientSecret, (v, p) =>
        typeof v === "string" && v !== ""
            ? undefined
            : `${p} is required (the CXone secret access key)`,
    );
    check(failures, "uniqueIdentifierField", news.uniqueIdentifierField, (v, p) =>
        v === DEFAULT_UNIQUE_IDENTIFIER_FIELD
            ? undefined
            : `${p} must be "${DEFAULT_UNIQUE_IDENTIFIER_FIELD}" (CXone's SCIM server matches users on userName)`,
    );
    check(failures, "authMode", news.authMode, (v, p) =>
        v === DEFAULT_AUTH_MODE
            ? undefined
            : `${p} must be "${DEFAULT_AUTH_MODE}" (the method NICE documents for Okta)`,
    );
    check(failures, "supportedActions", news.supportedActions, (v, p) =>
        Array.isArray(v) &&
        v.length > 0 &&
        v.every((x) => isUnknown(x) || KNOWN_ACTIONS.includes(x))
            ? undefined
            : `${p} must be a non-empty list of ${KNOWN_ACTIONS.join(", ")}`,
    );
    check(failures, "cxoneEndpoint", news.cxoneEndpoint, (v, p) =>
        v && typeof v === "object" && "issuerUrl" in v && v.issuerUrl
            ? undefined
            : `${p} must be the CXone endpoint (issuerUrl, areaUrl)`,
    );
    // the key is checked against CXone through these URLs: CXone's own hosts only
    if (news.cxoneEndpoint && typeof news.cxoneEndpoint === "object") {
        const e: Record<string, unknown> = { ...news.cxoneEndpoint };
        for (const k of ["issuerUrl", "areaUrl", "apiUrl"]) {
            check(failures, `cxoneEndpoint.${k}`, e[k], pinnedTo("cxoneDomain"));
        }
    }
    check(failures, "secretReference", news.secretReference, requiredString(1000));
    check(
        failures,
        "waitForAuthorizationSeconds",
        news.waitForAuthorizationSeconds,
        optionalNumber(0, 86_400),
    );
    check(failures, "requireAuthorization", news.requireAuthorization, optionalBoolean);
    check(failures, "pollIntervalSeconds", news.pollIntervalSeconds, optionalNumber(1, 3_600));
    check(failures, "previousClientId", news.previousClientId, (v, p) =>
        v === undefined || v === null || typeof v === "string"
            ? undefined
            : `${p} must be a string`,
    );
    // typed by the checks above. With failures the engine stops: the answer then carries no secret.
    const inputs = news as ScimConnectionState;
    return { inputs: failures.length ? { ...inputs, clientSecret: "" } : inputs, failures };
}

/** Whether Okta's settings are the same: otherwise an earlier authorization does not count. */
export const sameSettings = (
    a: Partial<ScimConnectionState>,
    b: Partial<ScimConnectionState>,
): boolean => SETTING_KEYS.every((k) => a[k] === b[k]);

/**
 * diff(): another app or org replaces; settings change in place. The status itself needs no
 * update: read() judges it from live evidence on every refresh, so a preview reports it as it is
 * (an update would hide it: a dynamic resource's outputs are unknown in a preview of an update).
 * An update is still planned where it can act: re-activating a disabled connection, or waiting
 * for (or requiring) the console steps.
 */
export function diffScimConnection(
    olds: Partial<ScimConnectionOutputs>,
    news: ScimConnectionState,
): { changes: boolean; replaces: string[] } {
    const replaces = olds.appId !== news.appId || olds.orgUrl !== news.orgUrl ? ["appId"] : [];
    const changed =
        !sameSettings(olds, news) ||
        JSON.stringify(olds.supportedActions) !== JSON.stringify(news.supportedActions) ||
        olds.appLabel !== news.appLabel ||
        olds.secretReference !== news.secretReference ||
        (olds.previousClientId || undefined) !== (news.previousClientId || undefined) ||
        olds.waitForAuthorizationSeconds !== news.waitForAuthorizationSeconds ||
        olds.requireAuthorization !== news.requireAuthorization;
    const waits = news.waitForAuthorizationSeconds > 0 || news.requireAuthorization;
    // Okta reports the connection deactivated (perhaps behind a key that was also switched off):
    // update re-activates it once the rest allows
    const deactivated =
        olds.oktaConnectionStatus === "DISABLED" &&
        olds.status !== "pending" &&
        olds.status !== "rotating";
    // The key Okta holds was switched off in CXone: the same `up` switches it on again (AccessKey),
    // so the status is judged again after it; a key that stays off keeps showing this update.
    const keyRepairable = olds.status === "key-revoked";
    const actionable =
        olds.status === "disabled" ||
        deactivated ||
        keyRepairable ||
        (olds.status !== "authorized" && olds.status !== "rotating" && waits);
    return { changes: replaces.length > 0 || changed || actionable, replaces };
}

/** The resource id: one SCIM connection per app. */
export const scimConnectionId = (s: ScimConnectionState): string => `${s.appId}/scim`;

/** Outputs from the inputs and the evidence: the status and the console steps left. */
export function describeConnection(
    s: ScimConnectionState,
    e: ConnectionEvidence,
): ScimConnectionOutputs {
    const status = connectionStatus(e);
    const reported =
        e.oktaReportedBefore === true ||
        e.oktaConnectionStatus === "ENABLED" ||
        e.oktaConnectionStatus === "DISABLED";
    const steps = remainingSteps(status, {
        appLabel: s.appLabel,
        appId: s.appId,
        settings: s,
        secretReference: s.secretReference,
        cxoneSignInHint: s.cxoneSignInHint,
        rotation: e.rotation,
    });
    return compact({
        ...s,
        status,
        oktaConnectionStatus: e.oktaConnectionStatus,
        keyLastUsedDate: e.keyLastUsedDate ?? undefined,
        oktaReportedStatus: reported || undefined,
        remainingSteps: steps,
    });
}

/** The inputs part of stored outputs (read() reports them as the live inputs). */
export function connectionInputs(o: ScimConnectionOutputs): ScimConnectionState {
    const {
        status: _s,
        oktaConnectionStatus: _o,
        keyLastUsedDate: _k,
        oktaReportedStatus: _p,
        remainingSteps: _r,
        ...inputs
    } = o;
    return inputs;
}

/** Whether an `up` must fail: the connection is not authorized although it was required. */
export const mustFail = (s: ScimConnectionState, o: ScimConnectionOutputs): boolean =>
    !provisioningWorks(o.status) && (s.waitForAuthorizationSeconds > 0 || s.requireAuthorization);

/** Okta can provision: authorized, or rotating (Okta holds one of two working keys). */
export const provisioningWorks = (status: ConnectionStatus): boolean =>
    status === "authorized" || status === "rotating";

/** The error of an `up` that waited for the console steps in vain, or that needs them done. */
export function stillWaitingMessage(s: ScimConnectionState, o: ScimConnectionOutputs): string {
    const app = `the SCIM connection of Okta app ${s.appLabel ? `"${s.appLabel}"` : s.appId}`;
    const head =
        s.waitForAuthorizationSeconds > 0
            ? `${app} is still ${o.status} after waiting ${s.waitForAuthorizationSeconds}s.`
            : `${app} is ${o.status}: the provisioning actions need it authorized first.`;
    return `${head} Remaining steps:\n${o.remainingSteps.join("\n")}`;
}
