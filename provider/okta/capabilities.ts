// The three "To App" switches <-> Okta's USER_PROVISIONING capabilities object. Pure.
import type { FeatureStatus, ProvisioningCapabilities } from "./client";

export interface ProvisioningSwitches {
    createUsers: boolean;
    updateUserAttributes: boolean;
    deactivateUsers: boolean;
}

const status = (on: boolean): FeatureStatus => (on ? "ENABLED" : "DISABLED");

export function toCapabilities(s: ProvisioningSwitches): ProvisioningCapabilities {
    return {
        create: { lifecycleCreate: { status: status(s.createUsers) } },
        update: { profile: { status: status(s.updateUserAttributes) }, lifecycleDeactivate: { status: status(s.deactivateUsers) } },
    };
}

export function fromCapabilities(c: ProvisioningCapabilities | undefined): ProvisioningSwitches {
    return {
        createUsers: c?.create?.lifecycleCreate?.status === "ENABLED",
        updateUserAttributes: c?.update?.profile?.status === "ENABLED",
        deactivateUsers: c?.update?.lifecycleDeactivate?.status === "ENABLED",
    };
}
