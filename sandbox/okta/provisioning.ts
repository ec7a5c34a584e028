// The provisioning engine Okta runs for an app whose SCIM connection is authenticated and enabled:
// for every user assigned to the app (directly or through a group), following the To App settings
// (Create Users / Update User Attributes / Deactivate Users), it pushes to the SCIM connector.
//   create     = GET ?filter=userName eq "..." then POST; a match or a 409 links the existing user
//   update     = PUT of the whole resource when the pushed profile changed
//   deactivate = PATCH active=false on unassignment or Okta deactivation (active=true to reactivate)
// Runs are serialized on one queue: after every relevant change (hooks.changed) and on demand
// (POST /sandbox/console/apps/{id}/sync, which waits for the queue and returns per-user results).
// Failures are kept per user and action, like Okta's provisioning tasks, and cleared on success.
import { createHash } from "crypto";
import type { SandboxContext } from "../core/context";
import { oktaId } from "./ids";
import { appAssignees, nowIso } from "./lookup";
import { recordTerminations } from "./terminations";
import { refreshTokens } from "./oauthClient";
import { connectionEnabled } from "./routes/provisioning";
import { mappedScimUser } from "./scimBody";
import { ScimClient, scimErrorText, type ScimResponse } from "./scimClient";
import type { OktaApp, OktaUser, ProvisioningError } from "./state";

export type SyncAction =
    | "created"
    | "linked"
    | "updated"
    | "deactivated"
    | "reactivated"
    | "unchanged"
    | "skipped"
    | "failed";

export interface SyncResult {
    userId: string;
    login: string;
    action: SyncAction;
    externalId?: string;
    message?: string;
}

const EXPIRY_MARGIN_MS = 60_000;

function profileHash(body: Record<string, unknown>): string {
    // Stryker disable next-line MethodExpression: an opaque fingerprint, only ever compared with another
    return createHash("sha256")
        .update(JSON.stringify({ ...body, active: undefined }))
        .digest("hex")
        .slice(0, 16);
}

/** The app username: the assignment's own userName, else the app's userNameTemplate. */
function appUserName(app: OktaApp, u: OktaUser): string {
    const own = app.users[u.id]?.credentials?.userName;
    if (own) return own;
    const t = app.credentials.userNameTemplate;
    const m = /^\$\{source\.(\w+)\}$/.exec(t.template);
    const v = m ? u.profile[m[1]] : undefined;
    return typeof v === "string" && v ? v + (t.suffix ?? "") : u.profile.login;
}

function firstResource(r: ScimResponse): Record<string, unknown> | undefined {
    const list = r.body.Resources;
    return Array.isArray(list) && list.length ? (list[0] as Record<string, unknown>) : undefined;
}

export class ProvisioningEngine {
    private queue: Promise<unknown> = Promise.resolve();
    private scheduled = false;

    constructor(private readonly ctx: SandboxContext) {}

    /** Called after a change: one run of every enabled app, soon, after the current response. */
    schedule(): void {
        if (this.scheduled) return;
        this.scheduled = true;
        setImmediate(() => {
            this.scheduled = false;
            this.enqueue(() => this.syncAll()).catch(() => {
                /* failures are recorded per user */
            });
        });
    }

    /** Resolves once every queued run has finished. */
    async idle(): Promise<void> {
        for (;;) {
            const q = this.queue;
            await q.catch(() => undefined);
            if (q === this.queue && !this.scheduled) return;
            // Stryker disable next-line ConditionalExpression: one more turn of the loop only waits longer
            if (this.scheduled) await new Promise((r) => setImmediate(r));
        }
    }

    syncApp(appId: string): Promise<SyncResult[]> {
        return this.enqueue(() => this.runApp(appId));
    }

    private enqueue<T>(job: () => Promise<T>): Promise<T> {
        const run = this.queue.catch(() => undefined).then(job);
        this.queue = run;
        return run;
    }

    private async syncAll(): Promise<void> {
        for (const id of Object.keys(this.ctx.state.okta.apps)) await this.runApp(id);
    }

    private async runApp(appId: string): Promise<SyncResult[]> {
        const state = this.ctx.state.okta;
        const app = state.apps[appId];
        if (!app || !connectionEnabled(app) || !app.provisioning.scim) return [];
        recordTerminations(state);
        const p = app.provisioning;
        const scim = p.scim!;
        const caps = p.capabilities;
        const on = {
            create: caps.create.lifecycleCreate.status === "ENABLED",
            profile: caps.update.profile.status === "ENABLED",
            deactivate: caps.update.lifecycleDeactivate.status === "ENABLED",
        };
        const owed = Object.entries(p.pushed).filter(([, x]) => x.deprovision);
        const active = app.status === "ACTIVE";
        if (!owed.length && (!active || (!on.create && !on.profile && !on.deactivate))) return [];

        const tokenProblem = await this.ensureToken(app);
        // Stryker disable next-line OptionalChaining,StringLiteral: no call is made without tokens (tokenProblem)
        const client = new ScimClient(scim.scimBaseUrl, () => p.tokens?.accessToken ?? "");
        // One retry after a 401: the token may have been revoked or expired early.
        const call = async (f: () => Promise<ScimResponse>): Promise<ScimResponse> => {
            const r = await f();
            // Stryker disable next-line OptionalChaining: a call was made, so there are tokens
            if (r.status !== 401 || !p.tokens?.refreshToken) return r;
            if (await this.refresh(app)) return f();
            return r;
        };

        const results: SyncResult[] = [];
        // Deactivations owed for ended assignments, also by an inactive app whose connection still
        // works [doc: support article "Deprovisioning behavior when an app is inactive"].
        for (const [uid, pushed] of owed) {
            const login = state.users[uid]?.profile.login ?? pushed.userName;
            if (tokenProblem) {
                results.push(this.failById(app, uid, login, "deactivate", tokenProblem));
                continue;
            }
            const r = await call(() => client.setActive(pushed.externalId, false));
            // Stryker disable next-line ConditionalExpression: Node's HTTP client gives no 1xx answer as final
            if (r.status >= 200 && r.status < 300) {
                // the assignment is gone: Okta forgets the account once it is deactivated
                delete p.pushed[uid];
                this.clearErrors(app, uid);
                results.push({
                    userId: uid,
                    login,
                    action: "deactivated",
                    externalId: pushed.externalId,
                });
            } else {
                results.push(
                    this.failById(
                        app,
                        uid,
                        login,
                        "deactivate",
                        `Error while deactivating user ${login}: ${scimErrorText(r)}`,
                    ),
                );
            }
        }
        if (active && (on.create || on.profile || on.deactivate)) {
            for (const row of appAssignees(state, app)) {
                const u = state.users[row.userId];
                if (tokenProblem) {
                    results.push(this.fail(app, u, "create", tokenProblem));
                    continue;
                }
                results.push(await this.syncUser(app, u, client, call, on));
            }
        }
        this.ctx.save();
        return results;
    }

    private async syncUser(
        app: OktaApp,
        u: OktaUser,
        client: ScimClient,
        call: (f: () => Promise<ScimResponse>) => Promise<ScimResponse>,
        on: { create: boolean; profile: boolean; deactivate: boolean },
    ): Promise<SyncResult> {
        const p = app.provisioning;
        const login = u.profile.login;
        const userName = appUserName(app, u);
        // a deactivated Okta user is no assignee of an active app (lookup.ts): always pushed active
        const body = mappedScimUser(app, userName, u, true);
        const hash = profileHash(body);
        const pushed = p.pushed[u.id];
        const ok = (action: SyncAction, externalId: string): SyncResult => {
            this.clearErrors(app, u.id);
            return { userId: u.id, login, action, externalId };
        };
        const skipped = (message: string, externalId?: string): SyncResult => ({
            userId: u.id,
            login,
            action: "skipped",
            // Stryker disable next-line ConditionalExpression: JSON drops an undefined externalId
            ...(externalId !== undefined ? { externalId } : {}),
            message,
        });
        // Okta's words for a SCIM call that failed: "Error while <doing> user <login>: <why>"
        const failed = (action: ProvisioningError["action"], doing: string, why: string) =>
            this.fail(app, u, action, `Error while ${doing} user ${login}: ${why}`);
        // Stryker disable next-line ConditionalExpression: Node's HTTP client gives no 1xx answer as final
        const refused = (r: ScimResponse) => r.status < 200 || r.status >= 300;

        if (!pushed) {
            if (u.status === "STAGED") return skipped("The user is not activated in Okta");
            if (!on.create) return skipped("Create Users is disabled");
            // Look for an existing account first (unique identifier field = userName).
            let found = await call(() => client.findByUserName(userName));
            if (found.status !== 200)
                return this.fail(
                    app,
                    u,
                    "create",
                    `Error while checking whether user ${login} exists: ${scimErrorText(found)}`,
                );
            let existing = firstResource(found);
            let action: SyncAction = "linked";
            if (!existing) {
                const created = await call(() => client.create(body));
                if (created.status === 201 || created.status === 200) {
                    existing = created.body;
                    action = "created";
                } else if (created.status === 409) {
                    found = await call(() => client.findByUserName(userName));
                    // Stryker disable next-line ConditionalExpression: a refusal's body (RFC 7644 §3.12) has no Resources
                    existing = found.status === 200 ? firstResource(found) : undefined;
                    if (!existing) return failed("create", "creating", scimErrorText(created));
                } else {
                    return failed("create", "creating", scimErrorText(created));
                }
            }
            const externalId = String(existing.id ?? "");
            if (!externalId) return failed("create", "creating", "the response carries no id");
            p.pushed[u.id] = {
                externalId,
                userName,
                active: existing.active !== false,
                lastSync: nowIso(),
                // Stryker disable next-line StringLiteral: any text but the hash makes the update below
                profileHash: action === "created" ? hash : "",
            };
            if (action === "linked") {
                // A linked account gets Okta's profile (when updates are on) and its active state.
                const linked = await this.syncUser(app, u, client, call, on);
                return linked.action === "failed" ? linked : ok("linked", externalId);
            }
            return ok(action, externalId);
        }

        const id = pushed.externalId;
        let action: SyncAction = "unchanged";
        if (!pushed.active) {
            if (!on.deactivate) return skipped("Deactivate Users is disabled", id);
            const r = await call(() => client.setActive(id, true));
            if (refused(r)) return failed("reactivate", "reactivating", scimErrorText(r));
            pushed.active = true;
            pushed.lastSync = nowIso();
            action = "reactivated";
        }
        if (on.profile && pushed.profileHash !== hash) {
            const r = await call(() => client.replace(id, { ...body, id }));
            if (refused(r)) return failed("update", "updating", scimErrorText(r));
            pushed.profileHash = hash;
            pushed.userName = userName;
            pushed.lastSync = nowIso();
            if (action === "unchanged") action = "updated";
        }
        return ok(action, id);
    }

    /** A valid access token, refreshed when (nearly) expired; returns a problem text or null. */
    private async ensureToken(app: OktaApp): Promise<string | null> {
        const t = app.provisioning.tokens;
        // Stryker disable next-line StringLiteral: unreachable over HTTP: the console drops the tokens with the authorization
        if (!t) return "Authentication with the app failed: no access token; authenticate again.";
        if (t.expiresAt - EXPIRY_MARGIN_MS > Date.now()) return null;
        if (!t.refreshToken)
            return "Authentication with the app failed: the access token expired and there is no refresh token; authenticate again.";
        return (await this.refresh(app))
            ? null
            : // Stryker disable next-line StringLiteral: a refused refresh always sets lastAuthError
              `Authentication with the app failed: ${app.provisioning.lastAuthError ?? "refresh refused"}`;
    }

    private async refresh(app: OktaApp): Promise<boolean> {
        const p = app.provisioning;
        // Stryker disable next-line all: both callers have checked the connection and the refresh token
        if (!p.scim || !p.tokens?.refreshToken) return false;
        const r = await refreshTokens(p.scim, p.tokens.refreshToken);
        if (r.ok) {
            p.tokens = r.tokens;
            p.lastAuthError = null;
        } else {
            p.lastAuthError = r.message;
        }
        // Stryker disable next-line CallExpression: the run that refreshed saves at its end
        this.ctx.save();
        return r.ok;
    }

    private clearErrors(app: OktaApp, userId: string): void {
        app.provisioning.errors = app.provisioning.errors.filter((e) => e.userId !== userId);
    }

    private fail(
        app: OktaApp,
        u: OktaUser,
        action: ProvisioningError["action"],
        message: string,
    ): SyncResult {
        return this.failById(app, u.id, u.profile.login, action, message);
    }

    private failById(
        app: OktaApp,
        userId: string,
        login: string,
        action: ProvisioningError["action"],
        message: string,
    ): SyncResult {
        const full = `Automatic provisioning of user ${login} to app ${app.label} failed: ${message}`;
        app.provisioning.errors = app.provisioning.errors.filter(
            (e) => !(e.userId === userId && e.action === action),
        );
        app.provisioning.errors.push({
            id: oktaId("tsk"),
            userId,
            login,
            action,
            message: full,
            at: nowIso(),
        });
        return { userId, login, action: "failed", message: full };
    }
}
