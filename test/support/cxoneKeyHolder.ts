// The employee a CXone access key belongs to (Okta's SCIM service account), on a role of its own or
// the one given, made through the providers as a stack makes them, for the suites that act on keys
// rather than on their holder; and whether a key signs in.
import type { CxoneEndpoint } from "../../provider/cxone/session";
import { newAccessKey, newEmployee, newRole } from "./cxoneObjects";

interface Holder {
    /** the holder's role (default: a new one) */
    roleId?: string;
    /** invited as usual (default), or not: UNREGISTERED */
    invite?: boolean;
}

/** A new key holder; the employee's id. */
export async function newKeyHolder(
    endpoint: CxoneEndpoint,
    { roleId, invite }: Holder = {},
): Promise<string> {
    roleId ??= (await newRole(endpoint, "SCIM Key")).id;
    const person = { roleId, email: "scim", firstName: "SCIM", lastName: "AccessKey", invite };
    return (await newEmployee(endpoint, person)).id;
}

/** A new key holder with one active key: the employee's id (CXone's userId), the key's id and secret. */
export async function newHeldKey(endpoint: CxoneEndpoint, holder: Holder = {}) {
    const userId = await newKeyHolder(endpoint, holder);
    const k = await newAccessKey(endpoint, userId);
    return { userId, keyId: k.id, secret: k.outs.secret };
}

export type HeldKey = Awaited<ReturnType<typeof newHeldKey>>;

/** The HTTP status CXone at `cxoneUrl` answers a sign-in with the key: 200 when the key works. */
export async function keySignInStatus(cxoneUrl: string, id: string, secret: string) {
    const res = await fetch(`${cxoneUrl}/authentication/v1/token/access-key`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ accessKeyId: id, accessKeySecret: secret }),
    });
    return res.status;
}
