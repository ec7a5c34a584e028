// The SCIM 2.0 calls Okta makes to an app's SCIM connector (RFC 7644, Okta's SCIM guide):
// filter by userName, create, replace (PUT), and PATCH active. Bearer = the OAuth access token.
import axios from "axios";

export interface ScimResponse {
    status: number;
    body: Record<string, unknown>;
}

export class ScimClient {
    constructor(
        private readonly baseUrl: string,
        private readonly token: () => string,
    ) {}

    private async call(method: string, path: string, data?: unknown): Promise<ScimResponse> {
        const res = await axios.request({
            method,
            url: `${this.baseUrl}${path}`,
            data,
            headers: {
                Accept: "application/scim+json, application/json",
                "Content-Type": "application/scim+json; charset=utf-8",
                Authorization: `Bearer ${this.token()}`,
                "User-Agent": "Okta SCIM Client 1.0.0",
            },
            proxy: false,
            timeout: 15000,
            validateStatus: () => true,
            maxRedirects: 0,
        });
        const body =
            res.data && typeof res.data === "object" ? (res.data as Record<string, unknown>) : {};
        return { status: res.status, body };
    }

    findByUserName(userName: string): Promise<ScimResponse> {
        const filter = encodeURIComponent(`userName eq "${userName.replace(/"/g, '\\"')}"`);
        return this.call("GET", `/Users?filter=${filter}&startIndex=1&count=100`);
    }

    create(user: Record<string, unknown>): Promise<ScimResponse> {
        return this.call("POST", "/Users", user);
    }

    replace(id: string, user: Record<string, unknown>): Promise<ScimResponse> {
        return this.call("PUT", `/Users/${encodeURIComponent(id)}`, user);
    }

    setActive(id: string, active: boolean): Promise<ScimResponse> {
        return this.call("PATCH", `/Users/${encodeURIComponent(id)}`, {
            schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
            Operations: [{ op: "replace", value: { active } }],
        });
    }
}

/** A short, secret-free description of a failed SCIM answer (SCIM error `detail` when given). */
export function scimErrorText(r: ScimResponse): string {
    const detail = r.body.detail ?? r.body.message ?? r.body.errorDescription ?? r.body.error;
    return `HTTP ${r.status}${typeof detail === "string" ? `: ${detail}` : ""}`;
}
