// Which CXone host answers UserHub for a tenant: the connection test's check of the one host
// choice the evidence disagrees on (USER_HUB_HOST in provider/cxone/discovery/regions.ts). One discovery, then
// the same user read on each candidate host; uncached, not retried, no secret or token kept. Each
// call goes once through the core's send path (the host's shared rate gate, no redirect).
import {
    DiscoveryError,
    hostsFromDiscovery,
    userHubBase,
    USER_HUB_HOST,
} from "./discovery/regions";
import type { DiscoveredHosts, UserHubHost } from "./discovery/regions";
import { CxoneRequestError, cxoneOnce } from "./scim";

/** How one candidate host answered the user read. */
export interface HostAnswer {
    choice: UserHubHost;
    /** the candidate's base URL; "" when discovery does not name it (`failure` says why) */
    base: string;
    /** HTTP status, when the host answered */
    status?: number;
    /** transport failure, when it did not */
    failure?: string;
}

/** What the probe found. */
export interface UserHubProbe {
    hosts: DiscoveredHosts;
    /** the stack's choice first, then the other candidate */
    answers: HostAnswer[];
    /** the candidate whose user read succeeded first in that order, if any */
    answered?: HostAnswer;
}

async function readUser(
    base: string,
    userId: string,
    token: string,
    timeoutMs: number,
): Promise<Omit<HostAnswer, "choice" | "base">> {
    // [spec] GET /user-management/v1/users/{id}: the key's own user
    const url = `${base}/user-management/v1/users/${encodeURIComponent(userId)}`;
    try {
        // any answer is the host's answer (the probe compares them); of a failure to answer only
        // kind and errno are kept: operation and secrets are never shown
        const res = await cxoneOnce(
            // Stryker disable next-line StringLiteral: equivalent (see above)
            "read the key's user",
            {
                method: "GET",
                url,
                headers: { Authorization: `Bearer ${token}`, Accept: "application/json" },
                accept: "all",
                timeoutMs,
            },
            // Stryker disable next-line ArrayDeclaration: equivalent (see above)
            [token],
        );
        return { status: res.status };
    } catch (err) {
        if (!(err instanceof CxoneRequestError)) throw err;
        return { failure: `${err.kind}${err.errno ? ` ${err.errno}` : ""}` };
    }
}

/**
 * Discovers the tenant's hosts and asks each UserHub candidate for the key's own user.
 * @throws CxoneRequestError when discovery itself fails (no secret or token inside)
 */
export async function probeUserHub(
    issuerUrl: string,
    tenantId: string,
    userId: string,
    token: string,
    timeoutMs: number,
): Promise<UserHubProbe> {
    const url = `${issuerUrl.replace(/\/+$/, "")}/.well-known/cxone-configuration`;
    const operation = "discover the tenant's hosts";
    const { data, status } = await cxoneOnce(
        operation,
        {
            method: "GET",
            url,
            params: { tenantId },
            headers: { Accept: "application/json" },
            timeoutMs,
        },
        [token],
    );
    let hosts: DiscoveredHosts;
    try {
        hosts = hostsFromDiscovery(data, issuerUrl);
    } catch (e) {
        throw CxoneRequestError.badResponse(
            operation,
            url,
            status,
            e instanceof DiscoveryError ? e.message : "unusable discovery document",
        );
    }
    const order: UserHubHost[] =
        USER_HUB_HOST.choice === "derived"
            ? ["derived", "api_endpoint"]
            : ["api_endpoint", "derived"];
    const answers: HostAnswer[] = [];
    for (const choice of order) {
        let base: string;
        try {
            base = userHubBase(hosts, choice);
        } catch {
            // discovery lacks a field this candidate is built from: no host to ask
            const lacking = hosts.lacking[choice === "derived" ? "userHubUrl" : "apiEndpoint"];
            answers.push({ choice, base: "", failure: `not named: discovery ${lacking}` });
            continue;
        }
        answers.push({ choice, base, ...(await readUser(base, userId, token, timeoutMs)) });
    }
    const answered = answers.find(
        (a) => a.status !== undefined && a.status >= 200 && a.status < 300,
    );
    return { hosts, answers, ...(answered ? { answered } : {}) };
}
