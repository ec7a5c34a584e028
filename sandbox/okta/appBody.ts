// Reading and validating the body of POST/PUT /api/v1/apps for an AUTO_LOGIN app, with Okta's
// defaults for every field the caller leaves out. Read-only fields (id, name, status, features,
// _links, created) are ignored, as Okta ignores them. [doc]+[guess: exact cause texts]
import type { OktaAppSettings } from "./state";

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj =>
    v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {};
const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
const bool = (v: unknown, d: boolean): boolean => (typeof v === "boolean" ? v : d);

const SCHEMES = [
    "EDIT_USERNAME_AND_PASSWORD",
    "ADMIN_SETS_CREDENTIALS",
    "EDIT_PASSWORD_ONLY",
    "EXTERNAL_PASSWORD_SYNC",
    "SHARED_USERNAME_AND_PASSWORD",
];

function isHttpUrl(s: string): boolean {
    try {
        const u = new URL(s);
        return u.protocol === "http:" || u.protocol === "https:";
    } catch {
        return false;
    }
}

export interface ParsedApp {
    settings: OktaAppSettings;
    causes: string[];
}

export function parseAppBody(body: unknown, appName: string): ParsedApp {
    const b = obj(body);
    const causes: string[] = [];
    const signOnMode = b.signOnMode;
    if (signOnMode !== undefined && signOnMode !== "AUTO_LOGIN") {
        // The sandbox models only custom SWA apps; a real org would accept other modes.
        causes.push(
            `signOnMode: The sandbox emulates only AUTO_LOGIN apps, not ${String(signOnMode)}`,
        );
    }
    const label = str(b.label);
    if (!label) causes.push("label: The field cannot be left blank");
    const settings = obj(b.settings);
    const signOn = obj(settings.signOn);
    const loginUrl = str(signOn.loginUrl);
    if (!loginUrl) causes.push("settings.signOn.loginUrl: The field cannot be left blank");
    else if (!isHttpUrl(loginUrl)) causes.push("settings.signOn.loginUrl: The URL is not valid");
    const redirectUrl = str(signOn.redirectUrl);
    if (redirectUrl && !isHttpUrl(redirectUrl))
        causes.push("settings.signOn.redirectUrl: The URL is not valid");
    const notes = obj(settings.notes);
    const admin = str(notes.admin);
    const enduser = str(notes.enduser);
    if (admin && admin.length > 250) causes.push("settings.notes.admin: The field is too long");
    if (enduser && enduser.length > 250)
        causes.push("settings.notes.enduser: The field is too long");

    const creds = obj(b.credentials);
    const scheme = str(creds.scheme) ?? "EDIT_USERNAME_AND_PASSWORD";
    if (!SCHEMES.includes(scheme)) causes.push(`credentials.scheme: Unknown scheme ${scheme}`);
    const unt = obj(creds.userNameTemplate);
    const revealPassword = bool(creds.revealPassword, false);
    if (
        revealPassword &&
        [
            "ADMIN_SETS_CREDENTIALS",
            "SHARED_USERNAME_AND_PASSWORD",
            "EXTERNAL_PASSWORD_SYNC",
        ].includes(scheme)
    ) {
        causes.push(
            "credentials.revealPassword: Cannot reveal password for this credentials scheme",
        );
    }
    const password = obj(creds.password);

    const vis = obj(b.visibility);
    const hide = obj(vis.hide);
    const appLinksIn = obj(vis.appLinks);
    const appLinks: Record<string, boolean> = {};
    for (const [k, v] of Object.entries(appLinksIn)) appLinks[k] = v === true;
    if (Object.keys(appLinks).length === 0) appLinks[`${appName}_link`] = true;

    const acc = obj(b.accessibility);
    const userNameTemplate: OktaAppSettings["credentials"]["userNameTemplate"] = {
        template: str(unt.template) ?? "${source.login}",
        type: str(unt.type) ?? "BUILT_IN",
    };
    if (str(unt.suffix)) userNameTemplate.suffix = str(unt.suffix)!;
    if (str(unt.pushStatus)) userNameTemplate.pushStatus = str(unt.pushStatus)!;

    return {
        causes,
        settings: {
            // Stryker disable next-line StringLiteral: without a label the body is refused (a cause above), so these settings are never kept
            label: label ?? "",
            accessibility: {
                selfService: bool(acc.selfService, false),
                errorRedirectUrl: str(acc.errorRedirectUrl),
                loginRedirectUrl: str(acc.loginRedirectUrl),
            },
            visibility: {
                autoLaunch: bool(vis.autoLaunch, false),
                autoSubmitToolbar: bool(vis.autoSubmitToolbar, false),
                hide: { iOS: bool(hide.iOS, false), web: bool(hide.web, false) },
                appLinks,
            },
            credentials: {
                scheme,
                userNameTemplate,
                revealPassword,
                ...(str(creds.userName) ? { userName: str(creds.userName)! } : {}),
                hasSharedPassword: typeof password.value === "string" && password.value !== "",
            },
            settings: {
                app: { ...obj(settings.app) },
                notes: { admin, enduser },
                signOn: { loginUrl: loginUrl ?? "", redirectUrl },
            },
        },
    };
}

/** Okta names custom SWA apps `<org>_<label as a slug>_<n>`, n counting up. [seen] */
export function generateAppName(orgName: string, label: string, taken: Set<string>): string {
    const org = orgName.replace(/[^a-z0-9]/gi, "").toLowerCase() || "org";
    const slug =
        label
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, "")
            .slice(0, 40) || "app";
    for (let n = 1; ; n++) {
        const name = `${org}_${slug}_${n}`;
        if (!taken.has(name)) return name;
    }
}
