// RemovalGuard provider methods, loaded at call time by the serialized forwarder. No vendor call:
// the guard only refuses a deletion nobody asked for.
import { defineProvider } from "../framework/defineProvider";
import { DEFAULT_DEACTIVATION_THRESHOLD } from "../integration/defaults";
import { removalReport } from "../people/probe";
import { asPart } from "../core/userAgent";
import { runningPulumiCommand } from "./pulumiCommand";
import {
    checkRemovalGuard,
    diffRemovalGuard,
    removalAllowed,
    removalRefusal,
    RemovalGuardState,
} from "./removalGuardLogic";

async function create(s: RemovalGuardState): Promise<{ id: string; outs: RemovalGuardState }> {
    return { id: `${s.integration}-guard`, outs: s };
}

/**
 * The engine deletes the guard first (it depends on every part of the integration), so a refusal
 * here stops the update before anything of the integration is deleted.
 */
async function destroy(_id: string, s: Partial<RemovalGuardState>): Promise<void> {
    // Stryker disable next-line ConditionalExpression: removalAllowed lets allowRemoval through too; this only spares reading the processes
    if (s.allowRemoval !== true) {
        const command = runningPulumiCommand();
        if (!removalAllowed(s, command)) throw new Error(removalRefusal(s, command));
    }
    // asked for: still not over the people safeguard (the app's people, read now)
    const { orgUrl, appId } = s;
    if (!orgUrl || !appId) return;
    const people = await asPart("removal-guard", () =>
        removalReport(orgUrl, appId, {
            threshold: s.deactivationThreshold ?? DEFAULT_DEACTIVATION_THRESHOLD,
            allowDeactivations: s.allowDeactivations,
        }),
    );
    if (people.refusal) throw new Error(people.refusal);
}
export = defineProvider<RemovalGuardState, RemovalGuardState>({
    noun: "removal guard",
    check: checkRemovalGuard,
    diff: diffRemovalGuard,
    create,
    // update: the inputs are the outputs (defineProvider's default)
    delete: destroy,
});
