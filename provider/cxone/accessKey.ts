// The AccessKey resource: the key Okta uses as OAuth client id/secret (procedure step 3).
import * as pulumi from "@pulumi/pulumi";
import { forwarder } from "../forwarder";
import type { CxoneEndpoint } from "./session";

/** Inputs of {@link AccessKey}. */
export interface AccessKeyArgs {
    /** The CXone tenant (see provider/regions.ts). Stored in state so refresh and destroy reach it. */
    endpoint: pulumi.Input<CxoneEndpoint>;
    /** The employee the key belongs to, usually `employee.employeeId`. Changing it replaces the key. */
    employeeId: pulumi.Input<string>;
    /** Whether the key works; a key switched off in CXone is switched back on by `up`. @default true */
    active?: pulumi.Input<boolean>;
    /**
     * Any new value rotates the key: the new key is created first, then the old one is revoked
     * (create-before-delete), so consumers can switch without downtime.
     */
    rotation?: pulumi.Input<string>;
}

const provider = forwarder("cxone-okta-scim/provider/cxone/accessKeyProvider");

/**
 * A CXone access key. The secret is shown by CXone once, at creation: it is kept in state as a
 * Pulumi secret (`pulumi stack output --show-secrets`). Destroy revokes the key.
 */
export class AccessKey extends pulumi.dynamic.Resource {
    declare readonly endpoint: pulumi.Output<CxoneEndpoint>;
    declare readonly employeeId: pulumi.Output<string>;
    declare readonly active: pulumi.Output<boolean>;
    declare readonly rotation: pulumi.Output<string | undefined>;
    /** The access key id: Okta's OAuth client id. It is the resource id, so previews keep it known. */
    readonly accessKeyId: pulumi.Output<string>;
    /** The secret access key: Okta's OAuth client secret. Always a Pulumi secret. */
    declare readonly secret: pulumi.Output<string>;
    /** Whether CXone reports the key as active. */
    declare readonly isActive: pulumi.Output<boolean>;
    /** When the key was last used (set once Okta exchanged it); refreshed by `pulumi refresh`. */
    declare readonly lastUsedDate: pulumi.Output<string | undefined>;

    constructor(name: string, args: AccessKeyArgs, opts?: pulumi.CustomResourceOptions) {
        super(
            provider,
            name,
            {
                rotation: undefined,
                ...args,
                secret: undefined,
                isActive: undefined,
                lastUsedDate: undefined,
            },
            {
                ...opts,
                additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), "secret"],
            },
            "cxone",
            "AccessKey",
        );
        this.accessKeyId = this.id;
    }
}
