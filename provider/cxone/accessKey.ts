// The AccessKey resource: the key Okta uses as OAuth client id/secret (procedure step 3).
import * as pulumi from "@pulumi/pulumi";
import { DynamicResource } from "../framework/dynamicResource";
import type { CxoneEndpoint } from "./session";

/** Inputs of {@link AccessKey}. */
export interface AccessKeyArgs {
    /** The CXone tenant (see provider/cxone/discovery/regions.ts). Stored in state so refresh and destroy reach it. */
    endpoint: pulumi.Input<CxoneEndpoint>;
    /** The employee the key belongs to, usually `employee.employeeId`. Changing it replaces the key. */
    employeeId: pulumi.Input<string>;
    /** Whether the key works; a key switched off in CXone is switched back on by `up`. @default true */
    active?: pulumi.Input<boolean>;
    /**
     * Any new value starts a phased rotation: the `up` creates a new key and keeps the old one
     * active; the first `up` after evidence that Okta uses the new key (or after
     * `maxOverlapDays`) revokes the old one. Okta keeps provisioning throughout.
     */
    rotation?: pulumi.Input<string>;
    /** Start a rotation once the key is this many days old (CXone's createdDate). @default none */
    rotateAfterDays?: pulumi.Input<number>;
    /**
     * Revoke the previous key this many days after a rotation started even without evidence that
     * Okta uses the new one (a warning says so). @default none: keep it until the evidence
     */
    maxOverlapDays?: pulumi.Input<number>;
}

const implementation = "cxone-okta-scim/provider/cxone/accessKeyProvider";

/**
 * A CXone access key. The secret is shown by CXone once, at creation: it is kept in state as a
 * Pulumi secret (`pulumi stack output --show-secrets`). Destroy revokes the key.
 */
export class AccessKey extends DynamicResource {
    declare readonly endpoint: pulumi.Output<CxoneEndpoint>;
    declare readonly employeeId: pulumi.Output<string>;
    declare readonly active: pulumi.Output<boolean>;
    declare readonly rotation: pulumi.Output<string | undefined>;
    /**
     * The current access key id: Okta's OAuth client id. The resource id stays the first key's
     * id; after a rotation this is the new key.
     */
    declare readonly accessKeyId: pulumi.Output<string>;
    /** The secret access key: Okta's OAuth client secret. Always a Pulumi secret. */
    declare readonly secret: pulumi.Output<string>;
    /** Whether CXone reports the key as active. */
    declare readonly isActive: pulumi.Output<boolean>;
    /** When the key was last used (set once Okta exchanged it); refreshed by `pulumi refresh`. */
    declare readonly lastUsedDate: pulumi.Output<string | undefined>;
    /** When CXone created the current key. */
    declare readonly createdDate: pulumi.Output<string | undefined>;
    /** The key a rotation replaced, while it is still active (Okta may still use it). */
    declare readonly previousAccessKeyId: pulumi.Output<string | undefined>;
    /** Whole days since the current key was created. */
    declare readonly keyAgeDays: pulumi.Output<number | undefined>;
    /** When `rotateAfterDays` makes the next rotation due (ISO date). */
    declare readonly nextRotationDate: pulumi.Output<string | undefined>;
    /** Whether a scheduled rotation is due: the next `up` starts it. */
    declare readonly rotationDue: pulumi.Output<boolean | undefined>;
    /** Set when a rotation ended by `maxOverlapDays` rather than by evidence. */
    declare readonly rotationNote: pulumi.Output<string | undefined>;

    constructor(name: string, args: AccessKeyArgs, opts?: pulumi.CustomResourceOptions) {
        super(
            implementation,
            name,
            {
                rotation: undefined,
                rotateAfterDays: undefined,
                maxOverlapDays: undefined,
                ...args,
                accessKeyId: undefined,
                secret: undefined,
                isActive: undefined,
                lastUsedDate: undefined,
                createdDate: undefined,
                previousAccessKeyId: undefined,
                keyAgeDays: undefined,
                nextRotationDate: undefined,
                rotationDue: undefined,
                rotationNote: undefined,
            },
            {
                ...opts,
                additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), "secret"],
            },
            "cxone",
            "AccessKey",
        );
    }
}
