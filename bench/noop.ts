// No-op dynamic resources: the engine floor's building blocks. Importing this file declares
// nothing; the program entries (floorProgram.ts, scaleFloorProgram.ts) do.
import * as pulumi from "@pulumi/pulumi";

// Kept tiny: it is serialized into every resource like the product's forwarder is.
const noop: pulumi.dynamic.ResourceProvider = {
    async create(inputs) {
        const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
        return { id, outs: { ...inputs, status: "pending", secret: "s" } };
    },
};

export class Noop extends pulumi.dynamic.Resource {
    declare readonly status: pulumi.Output<string>;
    declare readonly secret: pulumi.Output<string>;
    constructor(
        type: string,
        name: string,
        props: Record<string, pulumi.Input<unknown>>,
        opts?: pulumi.CustomResourceOptions,
    ) {
        super(noop, name, { ...props, status: undefined, secret: undefined }, opts, "bench", type);
    }
}

/** The integration stack's shape: one component, six resources, the same edges and dependsOn. */
export class NoopIntegration extends pulumi.ComponentResource {
    readonly outputs: Record<string, pulumi.Output<unknown>>;
    constructor(name: string) {
        super("bench:index:NoopIntegration", name, {});
        const parent = { parent: this };
        const role = new Noop("Role", `${name}-role`, { name: "SCIM Access Key" }, parent);
        const employee = new Noop(
            "Employee",
            `${name}-employee`,
            { roleId: role.id, email: "x@sandbox.example" },
            parent,
        );
        const key = new Noop(
            "AccessKey",
            `${name}-key`,
            { employeeId: employee.id },
            { ...parent, additionalSecretOutputs: ["secret"] },
        );
        const app = new Noop("AutoLoginApp", `${name}-app`, { label: "NICE CXone" }, parent);
        const connection = new Noop(
            "ScimConnection",
            `${name}-scim`,
            { appId: app.id, clientId: key.id, clientSecret: key.secret },
            parent,
        );
        const actions = new Noop(
            "ProvisioningActions",
            `${name}-provisioning`,
            { appId: app.id, connectionStatus: connection.status },
            { ...parent, dependsOn: [connection] },
        );
        this.outputs = {
            appId: app.id,
            roleId: role.id,
            employeeId: employee.id,
            accessKeyId: key.id,
            accessKeySecret: key.secret,
            connectionStatus: connection.status,
            applied: actions.status,
        };
        this.registerOutputs(this.outputs);
    }
}
