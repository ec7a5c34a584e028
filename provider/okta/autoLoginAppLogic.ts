// AutoLoginApp: validation, diffing and state mapping. Pure: no I/O, tested without servers.
import { DEFAULT_ACTIVE, DEFAULT_ADOPT_EXISTING } from "../integration/defaults";
import { allOf } from "../framework/checks";
import { pinnedTo } from "../cxone/discovery/endpointPolicy";
import { adoptionRefusal, ownerIn, ownerMarker } from "../framework/ownership";
import { compact, withDefaults } from "../framework/props";
import type { AutoLoginAppSpec, OktaApp } from "./client";
import {
    check,
    Checked,
    CheckFailure,
    httpsUrl,
    optionalBoolean,
    optionalString,
    requiredString,
    Unchecked,
} from "./validation";

/** Longest app label this package accepts. */
export const APP_LABEL_MAX = 100;

/** AutoLoginApp inputs after check(): defaults applied. */
export type AutoLoginAppState = {
    orgUrl: string;
    label: string;
    loginUrl: string;
    redirectUrl?: string;
    active: boolean;
    adoptExisting: boolean;
    /** this stack (`project/stack`): written into the app's admin notes as its mark */
    owner?: string;
    /** adopt the existing app with exactly this id (one that carries no stack's mark) */
    adoptAppId?: string;
};

/** AutoLoginApp outputs: the inputs plus what Okta assigned. */
export type AutoLoginAppOutputs = AutoLoginAppState & {
    /** Okta's generated unique app name */
    name: string;
    status: string;
};

/** check(): validates every input (no API call) and applies defaults. */
export function checkAutoLoginApp(news: Unchecked<AutoLoginAppState>): Checked<AutoLoginAppState> {
    const failures: CheckFailure[] = [];
    check(failures, "orgUrl", news.orgUrl, httpsUrl());
    check(failures, "label", news.label, requiredString(APP_LABEL_MAX));
    // users follow this link from Okta to sign in to CXone: CXone's hosts only (or the sandbox)
    check(failures, "loginUrl", news.loginUrl, allOf(httpsUrl(), pinnedTo("regionHost")));
    check(failures, "redirectUrl", news.redirectUrl, httpsUrl({ optional: true }));
    check(failures, "active", news.active, optionalBoolean);
    check(failures, "adoptExisting", news.adoptExisting, optionalBoolean);
    check(failures, "owner", news.owner, optionalString(200));
    check(failures, "adoptAppId", news.adoptAppId, optionalString(100));
    const defaults = { active: DEFAULT_ACTIVE, adoptExisting: DEFAULT_ADOPT_EXISTING };
    // typed by the checks above (the engine ignores the inputs when there are failures)
    return { inputs: withDefaults(defaults, news) as AutoLoginAppState, failures };
}

const FIELDS = ["orgUrl", "label", "loginUrl", "redirectUrl", "active"] as const;

/** diff(): another org is another app (replace); label, URLs and status change in place. */
export function diffAutoLoginApp(
    olds: Partial<AutoLoginAppState>,
    news: Partial<AutoLoginAppState>,
): { changes: boolean; replaces: string[] } {
    const replaces = olds.orgUrl !== news.orgUrl ? ["orgUrl"] : [];
    const changed = FIELDS.filter((k) => (olds[k] ?? undefined) !== (news[k] ?? undefined));
    return { changes: changed.length > 0, replaces };
}

/** What the app's settings are made of: the label and its sign-on URLs. */
export function appSpec(s: AutoLoginAppState): AutoLoginAppSpec {
    return {
        label: s.label,
        loginUrl: s.loginUrl,
        redirectUrl: s.redirectUrl,
        adminNote: s.owner ? ownerMarker(s.owner) : undefined,
    };
}

/** Outputs for state from the desired inputs and the live app. */
export function appOutputs(s: AutoLoginAppState, app: OktaApp): AutoLoginAppOutputs {
    return compact({ ...s, name: app.name, status: app.status });
}

/** read(): the live app as outputs and as inputs, so the next diff shows out-of-band changes. */
export function appFromLive(
    old: AutoLoginAppState,
    app: OktaApp,
): { props: AutoLoginAppOutputs; inputs: AutoLoginAppState } {
    const inputs: AutoLoginAppState = compact({
        orgUrl: old.orgUrl,
        label: app.label,
        loginUrl: app.settings.signOn?.loginUrl ?? "",
        redirectUrl: app.settings.signOn?.redirectUrl || undefined,
        active: app.status === "ACTIVE",
        adoptExisting: old.adoptExisting,
        // settings that matter only at create: carried over, like adoptExisting
        owner: old.owner,
        adoptAppId: old.adoptAppId,
    });
    return { props: appOutputs(inputs, app), inputs };
}

/** Whether the live app's label or sign-on URLs differ from the desired ones (a PUT is needed). */
export function appSettingsDiffer(s: AutoLoginAppState, app: OktaApp): boolean {
    const signOn = app.settings.signOn ?? {};
    return (
        app.label !== s.label ||
        signOn.loginUrl !== s.loginUrl ||
        (signOn.redirectUrl || undefined) !== (s.redirectUrl || undefined)
    );
}

const adminNoteOf = (a: OktaApp): unknown =>
    (a.settings.notes as { admin?: unknown } | undefined)?.admin;

/**
 * The app of this label to adopt, or why none may be: only an AUTO_LOGIN app whose admin notes
 * carry this stack's mark, or the one named by adoptAppId. Okta allows duplicate labels, so with
 * no candidate at all a new app is made.
 */
export function adoptable(
    s: Pick<AutoLoginAppState, "owner" | "adoptAppId">,
    apps: OktaApp[],
): { app?: OktaApp; refusal?: string } {
    const swa = apps.filter((a) => a.signOnMode === "AUTO_LOGIN");
    const mine = swa.find((a) =>
        s.adoptAppId ? a.id === s.adoptAppId : s.owner && ownerIn(adminNoteOf(a)) === s.owner,
    );
    // with no app of ours, the first one of the label is why a new one may not be made
    const candidate = mine ?? swa[0];
    if (!candidate) return {};
    const refusal = adoptionRefusal(
        {
            what: `Okta app "${candidate.label}"`,
            id: candidate.id,
            markedBy: ownerIn(adminNoteOf(candidate)),
        },
        {
            owner: s.owner,
            explicitId: s.adoptAppId,
            idInput: "adoptAppId",
            renameInput: "appLabel",
        },
    );
    return refusal ? { refusal } : { app: candidate };
}

/** Okta may have made the app although its answer was lost (2 min of clock skew allowed). */
export const LOST_ANSWER_WINDOW_MS = 120_000;

/**
 * After a create whose answer was lost: the apps that may be the one it made (AUTO_LOGIN, same
 * login URL, created since the call started). Okta allows duplicate labels, so only a single
 * match is adopted.
 */
export function appsMadeBy(s: AutoLoginAppState, apps: OktaApp[], startedMs: number): OktaApp[] {
    return apps.filter(
        (a) =>
            a.signOnMode === "AUTO_LOGIN" &&
            a.settings.signOn?.loginUrl === s.loginUrl &&
            Date.parse(String(a.created)) >= startedMs - LOST_ANSWER_WINDOW_MS,
    );
}

/** Whether a failed create may nevertheless have made the app (no answer, or a gateway error). */
export function mayHaveCreated(status: number | undefined): boolean {
    return status === undefined || status === 502 || status === 504;
}
