// Pulumi's mocks for the component's wiring: records every resource the program registers, with
// its inputs and provider reference. No engine, no servers: only the program's own logic runs.
import * as pulumi from "@pulumi/pulumi";

/** One registered resource as the mock monitor saw it. */
export interface Declared {
    type: string;
    name: string;
    inputs: Record<string, unknown>;
    provider?: string;
}

/** How the mock answers a ScimConnection: its status, or the unknown value of a first preview. */
export interface MockWorld {
    connectionStatus: string;
}

/** Installs mocks that record registrations into `declared`; `preview` mirrors `pulumi preview`. */
export function recordRegistrations(
    declared: Declared[],
    world: MockWorld,
    preview: boolean,
): void {
    pulumi.runtime.setMocks(
        {
            newResource(args) {
                declared.push({
                    type: args.type,
                    name: args.name,
                    inputs: args.inputs,
                    provider: args.provider,
                });
                // outputs a provider adds: the connection's status; the key's id (= resource id on create)
                const extra: Record<string, unknown> = args.type.endsWith("okta:ScimConnection")
                    ? { status: world.connectionStatus, remainingSteps: [] }
                    : args.type.endsWith("cxone:AccessKey")
                      ? { accessKeyId: `${args.name}-id`, previousAccessKeyId: "" }
                      : {};
                return { id: `${args.name}-id`, state: { ...args.inputs, ...extra } };
            },
            call: (args) => args.inputs,
        },
        "project",
        "stack",
        preview,
    );
}

/** Resolves once every output of `o` settled and the mock monitor had time to record them. */
export function settled<T>(o: pulumi.Output<T>): Promise<T | undefined> {
    return new Promise((resolve) => {
        let done = false;
        o.apply((v) => {
            done = true;
            setTimeout(() => resolve(v), 50);
            return v;
        });
        // an unknown output (preview) never runs the apply: give registrations time instead
        setTimeout(() => {
            if (!done) resolve(undefined);
        }, 300);
    });
}
