// Sample data for the demo: put one seeded Okta user in scope of the integration's app, let Okta's
// provisioning run, and show what CXone now holds for that person.
// Like operator.ts it is a scripted person, independent of the product code: Okta's public API
// (SSWS token), the sandbox-only console sync, and CXone's SCIM server with an access-key token.
// The API token, the admin secret and the CXone token stay in local variables: never returned.
import axios, { type AxiosResponse } from "axios";

/** What it needs of a running sandbox: `RunningSandbox.endpoints` or `.sandbox/endpoints.json`. */
export interface SampleSandbox {
    cxone: { baseUrl: string; adminAccessKeyId: string; adminAccessKeySecret: string };
    okta: { orgUrl: string; apiToken: string };
}

/** The Okta side of the sample user. */
export interface SampleOktaUser {
    id: string;
    login: string;
    firstName: string;
    lastName: string;
    email: string;
    status: string;
}

/** The CXone side: the SCIM user CXone returns (only the fields the demo prints are typed). */
export interface SampleCxoneUser {
    id: string;
    userName: string;
    name?: { givenName?: string; familyName?: string };
    emails?: { value: string; primary?: boolean }[];
    active?: boolean;
    roles?: { value: string; display?: string; primary?: boolean }[];
    [attribute: string]: unknown;
}

export interface SampleResult {
    oktaUser: SampleOktaUser;
    cxoneUser: SampleCxoneUser;
    /** how the user came in scope: the group, or a direct assignment (or already in scope) */
    assignedVia: "group" | "direct" | "already-assigned";
    /** what the sync did to the user: created, linked, updated, reactivated, or unchanged when
     *  Okta's automatic run (triggered by the assignment) had already done it */
    syncAction: string;
}

export interface SampleOptions {
    /** Assign through this Okta group (it should be assigned to the app) instead of directly. */
    groupId?: string;
    /** Which seeded user; default the first one, by login, that is not in scope yet (else the first). */
    login?: string;
}

/** A failure of the sample, with the step and what the server said; never a secret. */
export class SampleError extends Error {
    override readonly name = "SampleError";
}

const enc = encodeURIComponent;

function expectOk(res: AxiosResponse, what: string, ok: number[] = [200]): void {
    if (ok.includes(res.status)) return;
    const d = res.data as Record<string, unknown> | undefined;
    // Okta errorSummary, CXone error/errorDescription, console message: all secret-free by design.
    const said =
        // Stryker disable next-line ConditionalExpression,LogicalOperator: axios gives an object or text, never null or undefined
        d && typeof d === "object"
            ? (d.errorSummary ?? d.errorDescription ?? d.message ?? d.error ?? d.detail)
            : undefined;
    throw new SampleError(
        `${what}: HTTP ${res.status}${typeof said === "string" ? ` (${said})` : ""}`,
    );
}

function toOktaUser(u: Record<string, unknown>): SampleOktaUser {
    const p = (u.profile ?? {}) as Record<string, unknown>;
    const s = (v: unknown) => (typeof v === "string" ? v : "");
    return {
        id: s(u.id),
        login: s(p.login),
        firstName: s(p.firstName),
        lastName: s(p.lastName),
        email: s(p.email),
        status: s(u.status),
    };
}

/**
 * Puts a seeded Okta user in scope of the app (through a group id, given as the third argument or
 * `groupId`, else by direct assignment), runs Okta's provisioning for the app and returns the Okta
 * user and the user CXone now has.
 * Needs the console steps done (connection authenticated, Create Users on): otherwise it throws a
 * {@link SampleError} carrying Okta's per-user provisioning result.
 */
export async function provisionSampleUser(
    sandbox: SampleSandbox,
    appId: string,
    groupIdOrOptions: string | SampleOptions = {},
): Promise<SampleResult> {
    const opts: SampleOptions =
        typeof groupIdOrOptions === "string" ? { groupId: groupIdOrOptions } : groupIdOrOptions;
    const okta = sandbox.okta.orgUrl.replace(/\/+$/, "");
    const cxone = sandbox.cxone.baseUrl.replace(/\/+$/, "");
    const http = axios.create({ validateStatus: () => true, maxRedirects: 0, timeout: 30_000 });
    const oktaHeaders = {
        Authorization: `SSWS ${sandbox.okta.apiToken}`,
        Accept: "application/json",
    };

    // Candidates: active people other than the API token's owner (the org admin).
    const me = await http.get(`${okta}/api/v1/users/me`, { headers: oktaHeaders });
    expectOk(me, "Okta: read the API token's owner");
    const list = await http.get(`${okta}/api/v1/users`, {
        headers: oktaHeaders,
        params: { limit: 200 },
    });
    expectOk(list, "Okta: list users");
    const people = (list.data as Record<string, unknown>[])
        .map(toOktaUser)
        .filter((u) => u.status === "ACTIVE" && u.id !== (me.data as { id?: string }).id)
        .sort((a, b) => a.login.localeCompare(b.login));
    const inScope = async (u: SampleOktaUser) =>
        (
            await http.get(`${okta}/api/v1/apps/${enc(appId)}/users/${enc(u.id)}`, {
                headers: oktaHeaders,
            })
        ).status === 200;

    let user: SampleOktaUser | undefined;
    if (opts.login) {
        user = people.find((u) => u.login.toLowerCase() === opts.login!.toLowerCase());
        if (!user)
            throw new SampleError(`Okta: no active user ${opts.login} (other than the admin)`);
    } else {
        for (const u of people)
            if (!(await inScope(u))) {
                user = u;
                break;
            }
        user ??= people[0];
        if (!user) throw new SampleError("Okta: no active seeded user to provision");
    }

    let assignedVia: SampleResult["assignedVia"] = "already-assigned";
    if (opts.groupId) {
        // PUT is idempotent in Okta: 204 whether or not the user was a member.
        const put = await http.put(
            `${okta}/api/v1/groups/${enc(opts.groupId)}/users/${enc(user.id)}`,
            undefined,
            { headers: oktaHeaders },
        );
        expectOk(put, `Okta: add ${user.login} to group ${opts.groupId}`, [204]);
        assignedVia = "group";
    } else if (!(await inScope(user))) {
        const post = await http.post(
            `${okta}/api/v1/apps/${enc(appId)}/users`,
            { id: user.id, scope: "USER", credentials: { userName: user.login } },
            { headers: oktaHeaders },
        );
        expectOk(post, `Okta: assign ${user.login} to app ${appId}`);
        assignedVia = "direct";
    }

    // Run Okta's provisioning now (the console's sync), and read Okta's verdict for this user.
    const sync = await http.post(`${okta}/sandbox/console/apps/${enc(appId)}/sync`, {});
    expectOk(sync, `Okta: provisioning sync of app ${appId}`);
    const data = sync.data as {
        results?: { userId: string; action: string; externalId?: string; message?: string }[];
        view?: { pushedUsers?: { userId: string; externalId: string }[] };
    };
    const result = data.results?.find((r) => r.userId === user!.id);
    if (!result)
        throw new SampleError(
            `Okta: ${user.login} is not in scope of app ${appId} after assignment (is the group assigned to the app?)`,
        );
    if (result.action === "failed" || result.action === "skipped") {
        throw new SampleError(
            `Okta did not provision ${user.login} (${result.action}): ${result.message ?? "no reason given"}`,
        );
    }
    const externalId =
        // Stryker disable next-line OptionalChaining: the console's sync names a pushed user's externalId in its result
        result.externalId ?? data.view?.pushedUsers?.find((p) => p.userId === user!.id)?.externalId;
    if (!externalId) throw new SampleError(`Okta: ${user.login} has no CXone id after the sync`);

    // What CXone has: its SCIM server, with a token from the sandbox admin's access key.
    const tok = await http.post(`${cxone}/authentication/v1/token/access-key`, {
        accessKeyId: sandbox.cxone.adminAccessKeyId,
        accessKeySecret: sandbox.cxone.adminAccessKeySecret,
    });
    expectOk(tok, "CXone: access-key sign-in");
    const token = (tok.data as { access_token?: string }).access_token;
    if (!token) throw new SampleError("CXone: access-key sign-in returned no token");
    const got = await http.get(`${cxone}/scim/v2/Users/${enc(externalId)}`, {
        headers: { Authorization: `Bearer ${token}`, Accept: "application/scim+json" },
    });
    expectOk(got, `CXone: read SCIM user ${externalId}`);
    return {
        oktaUser: user,
        cxoneUser: got.data as SampleCxoneUser,
        assignedVia,
        syncAction: result.action,
    };
}

/** The sample as a few lines for a terminal. */
export function formatSample(s: SampleResult): string {
    const c = s.cxoneUser;
    const email = c.emails?.find((e) => e.primary)?.value ?? c.emails?.[0]?.value ?? "";
    return [
        `Okta user  ${s.oktaUser.login} (${s.oktaUser.firstName} ${s.oktaUser.lastName}), in scope: ${s.assignedVia}; provisioning: ${s.syncAction}`,
        `CXone user ${c.userName} id ${c.id}: ${c.name?.givenName ?? ""} ${c.name?.familyName ?? ""} <${email}>, ` +
            `${c.active === false ? "inactive" : "active"}, role ${c.roles?.map((r) => r.value).join(", ") || "(none)"}`,
    ].join("\n");
}
