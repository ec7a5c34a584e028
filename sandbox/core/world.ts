// A fresh sandbox world, and wiping a live one in place (the services keep their references
// to ctx.state.cxone / ctx.state.okta, so those objects are refilled, not replaced).
import { seedCxone } from "../cxone/state";
import { seedOkta } from "../okta/state";
import type { SandboxState } from "./context";

export function freshWorld(): SandboxState {
    return { cxone: seedCxone(), okta: seedOkta() };
}

export function resetInPlace(state: SandboxState): void {
    const fresh = freshWorld();
    for (const part of ["cxone", "okta"] as const) {
        const target = state[part] as unknown as Record<string, unknown>;
        for (const k of Object.keys(target)) delete target[k];
        Object.assign(target, fresh[part]);
    }
}
