// The three "To App" switches <-> Okta's USER_PROVISIONING capabilities object. Pure.
import type { FeatureStatus, ProvisioningCapabilities } from "./client";

/** The three "To App" switches of procedure step 14. */
export type ProvisioningSwitches = {
    createUsers: boolean;
    updateUserAttributes: boolean;
    deactivateUsers: boolean;
};

const status = (on: boolean): FeatureStatus => (on ? "ENABLED" : "DISABLED");

/** The USER_PROVISIONING capabilities object for the switches (Okta's PUT body). */
export function toCapabilities(s: ProvisioningSwitches): ProvisioningCapabilities {
    return {
        create: { lifecycleCreate: { status: status(s.createUsers) } },
        update: {
            profile: { status: status(s.updateUserAttributes) },
            lifecycleDeactivate: { status: status(s.deactivateUsers) },
        },
    };
}

/** The switches a capabilities object sets (absent = off). */
export function fromCapabilities(c: ProvisioningCapabilities | undefined): ProvisioningSwitches {
    return {
        createUsers: c?.create?.lifecycleCreate?.status === "ENABLED",
        updateUserAttributes: c?.update?.profile?.status === "ENABLED",
        deactivateUsers: c?.update?.lifecycleDeactivate?.status === "ENABLED",
    };
}
