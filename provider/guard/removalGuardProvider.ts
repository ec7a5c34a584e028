// RemovalGuard provider methods, loaded at call time by the serialized forwarder. No vendor call:
// the guard only refuses a deletion nobody asked for.
import "../providerProcess";
import type * as pulumi from "@pulumi/pulumi";
import type { Checked, Unchecked } from "../checks";
import type { Props } from "../props";
import { DEFAULT_DEACTIVATION_THRESHOLD } from "../defaults";
import { removalReport } from "../people/probe";
import { runningPulumiCommand } from "./pulumiCommand";
import {
    checkRemovalGuard,
    diffRemovalGuard,
    removalAllowed,
    removalRefusal,
    RemovalGuardState,
} from "./removalGuardLogic";

export async function check(
    _olds: Unchecked<RemovalGuardState>,
    news: Unchecked<RemovalGuardState>,
): Promise<Checked<RemovalGuardState>> {
    return checkRemovalGuard(news);
}

export async function diff(
    _id: string,
    olds: Props,
    news: RemovalGuardState,
): Promise<pulumi.dynamic.DiffResult> {
    return diffRemovalGuard(olds, news);
}

export async function create(
    s: RemovalGuardState,
): Promise<{ id: string; outs: RemovalGuardState }> {
    return { id: `${s.integration}-guard`, outs: s };
}

export async function update(
    _id: string,
    _olds: Props,
    s: RemovalGuardState,
): Promise<{ outs: RemovalGuardState }> {
    return { outs: s };
}

/**
 * The engine deletes the guard first (it depends on every part of the integration), so a refusal
 * here stops the update before anything of the integration is deleted.
 */
export async function destroy(_id: string, props: Props): Promise<void> {
    const s = props as Partial<RemovalGuardState>;
    if (s.allowRemoval !== true) {
        const command = runningPulumiCommand();
        if (!removalAllowed(s, command)) throw new Error(removalRefusal(s, command));
    }
    // asked for: still not over the people safeguard (the app's people, read now)
    if (!s.orgUrl || !s.appId) return;
    const people = await removalReport(s.orgUrl, s.appId, {
        threshold: s.deactivationThreshold ?? DEFAULT_DEACTIVATION_THRESHOLD,
        allowDeactivations: s.allowDeactivations,
    });
    if (people.refusal) throw new Error(people.refusal);
}
export { destroy as delete };

/** This module as the SDK's provider type: the compiler checks every signature above. */
export const provider: pulumi.dynamic.ResourceProvider<RemovalGuardState, RemovalGuardState> = {
    check,
    diff,
    create,
    update,
    delete: destroy,
};
