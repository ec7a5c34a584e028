// The RemovalGuard resource: the integration cannot be lost by accident. It depends on every part
// of the integration, so when a program stops declaring the integration (a `main:` pointing at
// the wrong file, a deleted line, a renamed component) the engine deletes the guard first, and the
// guard refuses unless the operator asked: `pulumi destroy`, or `allowRemoval: true` set by an
// earlier `pulumi up`. See docs/safety.md, "Losing the whole integration". A removal that is asked
// for still passes the people safeguard: it reads whom deleting the app cuts off (docs/people.md).
import * as pulumi from "@pulumi/pulumi";
import { DynamicResource } from "../framework/dynamicResource";

/** Inputs of {@link RemovalGuard}. */
export interface RemovalGuardArgs {
    /** The integration's name in the program (for the refusal). */
    integration: pulumi.Input<string>;
    roleId: pulumi.Input<string>;
    employeeId: pulumi.Input<string>;
    accessKeyId: pulumi.Input<string>;
    appId: pulumi.Input<string>;
    /** Let the next `pulumi up` that no longer declares the integration remove it. @default false */
    allowRemoval?: pulumi.Input<boolean>;
    /** The Okta org of the app: its people are read when the integration is removed. */
    orgUrl?: pulumi.Input<string>;
    /** The people safeguard of a removal (docs/people.md). @default 0 */
    deactivationThreshold?: pulumi.Input<number>;
    allowDeactivations?: pulumi.Input<number>;
}

const implementation = "cxone-okta-scim/provider/guard/removalGuardProvider";

/** Refuses the deletion of the integration unless the operator asked for it. No vendor call. */
export class RemovalGuard extends DynamicResource {
    declare readonly allowRemoval: pulumi.Output<boolean>;

    constructor(name: string, args: RemovalGuardArgs, opts?: pulumi.CustomResourceOptions) {
        super(implementation, name, { ...args }, opts, "cxone-okta-scim", "RemovalGuard");
    }
}
