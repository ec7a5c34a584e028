// Employee provider methods, loaded at call time by the serialized forwarder. CXone never deletes
// employees: destroy deactivates; an employee deactivated outside Pulumi is revived by update.
import { defineProvider, type ReadResult } from "../framework/defineProvider";
import { readResult } from "../framework/forwarder";
import { CxoneClient, EmployeeRecord, EmployeeStatus } from "./client";
import { refusedOutright } from "../core/errors";
import { memo } from "../core/memo";
import { adminAccessKey } from "./credentials";
import { CxoneError, mayHaveHappened, PartialCreateError } from "./errors";
import {
    checkEmployee,
    createdOutputs,
    DEACTIVATED,
    diffEmployee,
    employeeAdoptionProblem,
    employeeFields,
    employeeFromLive,
    employeeNeedsUpdate,
    EmployeeOutputs,
    employeeOutputs,
    EmployeeState,
    GONE,
} from "./employeeLogic";
import { roleNameOf } from "./roleNames";

// Per provider process: a stack of many employees asks once, not once per employee (and
// concurrent creates share the one request). The default authenticator is keyed by tenant endpoint
// and admin key; role names are shared with the Role's provider (roleNames.ts).
const defaultAuthenticators = new Map<string, Promise<string | undefined>>();

/** The tenant's default authenticator; undefined where CXone cannot name it (it applies it itself). */
function defaultAuthenticatorOf(
    client: CxoneClient,
    endpoint: EmployeeState["endpoint"],
): Promise<string | undefined> {
    const adminKey = adminAccessKey(endpoint.apiUrl ?? endpoint.areaUrl).accessKeyId;
    return memo(defaultAuthenticators, `${JSON.stringify(endpoint)}|${adminKey}`, () =>
        client.defaultLoginAuthenticatorId(),
    );
}

async function mustGet(client: CxoneClient, id: string, label: string): Promise<EmployeeRecord> {
    const live = await client.getEmployee(id);
    if (!live)
        throw new CxoneError({
            operation: `read CXone employee ${label}`,
            status: 404,
            detail: "the employee does not exist",
        });
    return live;
}

async function create(s: EmployeeState): Promise<{ id: string; outs: EmployeeOutputs }> {
    const client = new CxoneClient(s.endpoint);
    // independent look-ups in parallel: one round trip on the critical path
    const [roleName, authenticatorId, existing] = await Promise.all([
        s.roleName ?? roleNameOf(client, s.roleId),
        s.loginAuthenticatorId
            ? Promise.resolve(s.loginAuthenticatorId)
            : defaultAuthenticatorOf(client, s.endpoint),
        client.findEmployeesByEmail(s.email),
    ]);
    const fields = employeeFields(s, roleName, authenticatorId);
    let id: string;
    let adopted = false;
    let recovered = false;
    if (existing[0]) {
        const refusal = employeeAdoptionProblem(s, existing[0]);
        if (refusal) throw new Error(refusal);
        id = existing[0].id;
        adopted = true;
        if (DEACTIVATED.includes(existing[0].status)) await client.reviveEmployee(id, s.email);
        if (employeeNeedsUpdate(s, existing[0], authenticatorId))
            await client.updateEmployee(id, fields);
    } else {
        try {
            id = await client.createEmployee(fields);
        } catch (e) {
            // a reset or gateway error may hide a success: the employee is ours if it exists now
            const found = mayHaveHappened(e)
                ? (await client.findEmployeesByEmail(s.email))[0]
                : undefined;
            if (!found) throw e;
            id = found.id;
            recovered = true;
        }
    }
    let invited = false;
    try {
        if (s.invite && !adopted) {
            await client.inviteEmployee(id, s.email);
            invited = true;
        }
        // a new employee is what was sent: read back only where CXone chose something itself
        // (the tenant's default authenticator it could not name) or held it before (adopted)
        if (!adopted && !recovered && authenticatorId) {
            const sent = {
                id,
                role: client.roleAsSent(fields),
                loginAuthenticatorId: authenticatorId,
            };
            return { id, outs: createdOutputs(s, sent, invited) };
        }
        const live = await mustGet(client, id, s.email);
        return { id, outs: employeeOutputs(s, live, { invited, adopted }) };
    } catch (e) {
        // the employee exists: record it so the next `up` repairs instead of duplicating
        const known: EmployeeOutputs = {
            ...s,
            employeeId: id,
            roleName,
            status: "UNREGISTERED",
            effectiveLoginAuthenticatorId: authenticatorId ?? "",
            userName: s.email,
            invited,
            adopted,
        };
        throw new PartialCreateError(id, known, e as Error);
    }
}

/** Refresh: live values; an employee CXone no longer has (or marks DELETED) is gone (empty id). */
async function read(id: string, old: EmployeeOutputs): Promise<ReadResult<EmployeeOutputs>> {
    const live = await new CxoneClient(old.endpoint).getEmployee(id);
    if (!live || GONE.includes(live.status)) return { id: "" };
    const r = employeeFromLive(old, live);
    return readResult(id, r.props, r.inputs);
}

async function update(
    id: string,
    old: EmployeeOutputs,
    s: EmployeeState,
): Promise<{ outs: EmployeeOutputs }> {
    const client = new CxoneClient(s.endpoint);
    if (DEACTIVATED.includes(old.status)) await client.reviveEmployee(id, s.email);
    const roleName =
        s.roleName ??
        (s.roleId === old.roleId && old.roleName
            ? old.roleName
            : await roleNameOf(client, s.roleId));
    const authenticatorId = s.loginAuthenticatorId ?? old.effectiveLoginAuthenticatorId;
    const before: EmployeeRecord = {
        id,
        userName: old.userName,
        emailAddress: old.email,
        firstName: old.firstName,
        lastName: old.lastName,
        role: old.roleName,
        roleId: old.roleId,
        status: old.status,
        billable: old.billable,
        loginAuthenticatorId: old.effectiveLoginAuthenticatorId,
    };
    if (employeeNeedsUpdate(s, before, authenticatorId))
        await client.updateEmployee(id, employeeFields(s, roleName, authenticatorId));
    const live = await mustGet(client, id, s.email);
    return {
        outs: employeeOutputs(s, live, {
            invited: old.invited ?? false,
            adopted: old.adopted ?? false,
        }),
    };
}

/**
 * Destroy deactivates: CXone keeps employees. It acts on the state the refresh just read; where
 * that state was stale (the employee deactivated or gone since), CXone's refusal is followed by
 * one read, and an employee already deactivated or gone counts as done [guess:deactivate-repeated].
 */
async function destroy(id: string, old: EmployeeOutputs): Promise<void> {
    const done = (status: EmployeeStatus) => DEACTIVATED.includes(status) || GONE.includes(status);
    if (done(old.status)) return;
    const client = new CxoneClient(old.endpoint);
    try {
        await client.deactivateEmployee(id, old.email);
    } catch (e) {
        if (!refusedOutright(e)) throw e;
        const live = await client.getEmployee(id);
        if (live && !done(live.status)) throw e;
    }
}
export = defineProvider<EmployeeState, EmployeeOutputs>({
    noun: "employee",
    check: checkEmployee,
    diff: diffEmployee,
    create,
    read,
    update,
    delete: destroy,
});
