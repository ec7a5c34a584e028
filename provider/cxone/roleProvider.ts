// The role provider, loaded at call time by the serialized forwarder (see provider/framework/forwarder.ts).
// CXone never deletes roles nor reuses their names: destroy deactivates; create adopts an existing
// role only when the operator asked for it (docs/design.md, "CXone roles").
import { defineProvider, type ReadResult } from "../framework/defineProvider";
import { readResult } from "../framework/forwarder";
import { CxoneClient, RoleRecord } from "./client";
import { mayHaveHappened } from "./errors";
import { refusedOutright } from "../core/errors";
import { rememberRoleName } from "./roleNames";
import {
    checkRole,
    diffRole,
    roleChange,
    roleAdoptionProblem,
    roleFromLive,
    RoleOutputs,
    roleOutputs,
    RoleState,
    SCIM_ROLE_PERMISSIONS,
} from "./roleLogic";

async function create(s: RoleState): Promise<{ id: string; outs: RoleOutputs }> {
    const client = new CxoneClient(s.endpoint);
    const existing = (await client.findRolesByName(s.name))[0];
    if (existing) {
        const refusal = roleAdoptionProblem(s, existing);
        if (refusal) throw new Error(refusal);
        return { id: existing.roleId, outs: await converge(client, s, existing, true) };
    }
    if (s.adoptRoleId) throw new Error(await adoptRoleIdProblem(client, s.name, s.adoptRoleId));
    let failed: unknown;
    try {
        const { name, description, status } = s;
        const permissions = s.permissions ?? [...SCIM_ROLE_PERMISSIONS];
        await client.createRole({ name, description, permissions, status });
    } catch (e) {
        // A reset or gateway error may hide a success: the role is ours if it exists now (it did not a moment ago).
        if (!mayHaveHappened(e)) throw e;
        failed = e;
    }
    const created = (await client.findRolesByName(s.name))[0];
    // not there after a failed call: it did not happen, and CXone's answer (or its absence) says why
    if (!created && failed) throw failed;
    if (!created)
        throw new Error(
            `CXone accepted role "${s.name}" but does not list it; run pulumi up again`,
        );
    return { id: created.roleId, outs: await converge(client, s, created, false) };
}

/**
 * Why adoptRoleId cannot be honoured when no role of the name exists: nothing is created instead
 * of the role the operator named (read only).
 */
async function adoptRoleIdProblem(client: CxoneClient, name: string, id: string): Promise<string> {
    const byId = await client.getRole(id);
    return byId
        ? `adoptRoleId "${id}" is the CXone role "${byId.displayName}", not "${name}": set roleName to "${byId.displayName}" to adopt it, or remove adoptRoleId`
        : `adoptRoleId "${id}": CXone has no role with this id and none named "${name}"; nothing was created`;
}

/** Brings a live role to the desired description, permissions and status. */
async function converge(
    client: CxoneClient,
    s: RoleState,
    live: RoleRecord,
    adopted: boolean,
): Promise<RoleOutputs> {
    const change = roleChange(s, live);
    if (change) await client.updateRole(live.roleId, change, s.name);
    // the employee created next in this process takes the role by this name: no look-up of its own
    rememberRoleName(client.endpoint, live);
    return roleOutputs(s, { ...live, ...change }, adopted);
}

/** Refresh: the live role; a role CXone no longer lists is gone (empty id). */
async function read(id: string, old: RoleOutputs): Promise<ReadResult<RoleOutputs>> {
    const client = new CxoneClient(old.endpoint);
    const live = await client.getRole(id);
    if (!live) return { id: "" };
    rememberRoleName(client.endpoint, live);
    const r = roleFromLive(old, live);
    return readResult(id, r.props, r.inputs);
}

async function update(id: string, old: RoleOutputs, s: RoleState): Promise<{ outs: RoleOutputs }> {
    // olds repeat the last known live values (refreshed by read), so no extra GET is needed
    const before = {
        roleId: id,
        roleName: old.roleName,
        displayName: old.name,
        description: old.description,
        permissions: old.permissions ?? [],
        status: old.status,
    };
    const change = roleChange(s, before);
    if (change) await new CxoneClient(s.endpoint).updateRole(id, change, s.name);
    return { outs: { ...s, roleId: id, roleName: old.roleName, adopted: old.adopted ?? false } };
}

/** A role in one of these states needs no deactivation. */
const DONE: readonly string[] = ["INACTIVE", "DELETED"];

/**
 * Destroy deactivates: CXone cannot delete roles. It acts on the state the refresh just read; where
 * that state was stale (the role deactivated or gone since), CXone's refusal is followed by one
 * read, and a role already inactive or gone counts as done [guess:deactivate-repeated].
 */
async function destroy(id: string, old: RoleOutputs): Promise<void> {
    if (DONE.includes(old.status)) return;
    const client = new CxoneClient(old.endpoint);
    try {
        await client.updateRole(id, { status: "INACTIVE" }, old.name, "pulumi destroy");
    } catch (e) {
        if (!refusedOutright(e)) throw e;
        const live = await client.getRole(id);
        if (live && !DONE.includes(live.status)) throw e;
    }
}
export = defineProvider<RoleState, RoleOutputs>({
    noun: "role",
    check: checkRole,
    diff: diffRole,
    create,
    read,
    update,
    delete: destroy,
});
