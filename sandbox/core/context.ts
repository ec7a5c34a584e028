// The contract between the sandbox core (runner, persistence, faults, request log) and the two
// emulated services. Each service is an express app built from this context; it never talks to
// the other service's state directly, only over HTTP through `urls`, as the real services do.
import type { CxoneHostUrls } from "../cxone/hosts";
import type { CxoneState } from "../cxone/state";
import type { OktaState } from "../okta/state";

/** The whole persisted world of the sandbox. */
export interface SandboxState {
    cxone: CxoneState;
    okta: OktaState;
}

export interface SandboxContext {
    /** Live, mutable state; call save() after every change so separate runs see the same world. */
    state: SandboxState;
    save(): void;
    /** Public base URLs (no trailing slash) of both servers, e.g. http://127.0.0.1:4610 */
    urls: { cxone: string; okta: string; cxoneHosts?: CxoneHostUrls };
}
