// The Okta app, its group assignments and its provisioning actions, declared either with this
// package's dynamic resources (builtin) or with @pulumi/okta (okta.app.AutoLogin, GroupAssignment,
// Features). Both make the same public Okta API calls; the builtin ones run where the Okta
// provider plugin is not available (it cannot be built on this project's CI machines).
import * as pulumi from "@pulumi/pulumi";
import { AutoLoginApp } from "./autoLoginApp";
import { toCapabilities, ProvisioningSwitches } from "./capabilities";
import { GroupAssignment } from "./groupAssignment";
import { ProvisioningActions } from "./provisioningActions";

export interface OktaAppOptions {
    kind: "builtin" | "pulumi-okta";
    provider?: pulumi.ProviderResource;
    orgUrl: pulumi.Input<string>;
    label: pulumi.Input<string>;
    loginUrl: pulumi.Input<string>;
    groupIds: pulumi.Input<string>[];
    adoptExisting: boolean;
}

type Switches = { [K in keyof ProvisioningSwitches]: pulumi.Input<boolean> };

export interface OktaAppResources {
    appId: pulumi.Output<string>;
    /** Declares the "To App" switches, applied once `connectionStatus` is "authorized". */
    provisioningActions(connectionStatus: pulumi.Output<string>, switches: Switches, dependsOn: pulumi.Resource[]): { applied: pulumi.Output<boolean> };
}

export function oktaAppResources(name: string, o: OktaAppOptions, parent: pulumi.Resource): OktaAppResources {
    return o.kind === "pulumi-okta" ? withPulumiOkta(name, o, parent) : builtin(name, o, parent);
}

function builtin(name: string, o: OktaAppOptions, parent: pulumi.Resource): OktaAppResources {
    const app = new AutoLoginApp(`${name}-app`, { orgUrl: o.orgUrl, label: o.label, loginUrl: o.loginUrl, adoptExisting: o.adoptExisting }, { parent });
    o.groupIds.forEach((groupId, i) => new GroupAssignment(`${name}-group-${i}`, { orgUrl: o.orgUrl, appId: app.id, groupId }, { parent }));
    return {
        appId: app.id,
        provisioningActions(connectionStatus, switches, dependsOn) {
            const actions = new ProvisioningActions(`${name}-provisioning`, { orgUrl: o.orgUrl, appId: app.id, connectionStatus, ...switches }, { parent, dependsOn });
            return { applied: actions.applied };
        },
    };
}

function withPulumiOkta(name: string, o: OktaAppOptions, parent: pulumi.Resource): OktaAppResources {
    // Loaded only on this path, so stacks using the builtin resources never need the Okta plugin.
    const okta: typeof import("@pulumi/okta") = require("@pulumi/okta");
    const opts = { parent, provider: o.provider };
    const app = new okta.app.AutoLogin(`${name}-app`, { label: o.label, signOnUrl: o.loginUrl }, opts);
    o.groupIds.forEach((groupId, i) => new okta.app.GroupAssignment(`${name}-group-${i}`, { appId: app.id, groupId }, opts));
    return {
        appId: app.id,
        provisioningActions(connectionStatus, switches, dependsOn) {
            // Okta refuses the feature until the connection is authorized, so it is declared only then
            // (it appears in previews from the run after the console steps are done).
            const applied = pulumi.all([connectionStatus, switches.createUsers, switches.updateUserAttributes, switches.deactivateUsers])
                .apply(([status, createUsers, updateUserAttributes, deactivateUsers]) => {
                    if (status !== "authorized") return false;
                    new okta.app.Features(`${name}-provisioning`, {
                        appId: app.id,
                        name: "USER_PROVISIONING",
                        capabilities: toCapabilities({ createUsers, updateUserAttributes, deactivateUsers }),
                    }, { ...opts, dependsOn });
                    return true;
                });
            return { applied };
        },
    };
}
