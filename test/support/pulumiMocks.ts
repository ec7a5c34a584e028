// The tests' one set-up of Pulumi's mocks: no engine, no servers, only the program's own logic runs.
// Every registration is recorded (type, name, inputs, provider reference), each child answers with
// the outputs its provider would set, and invokes answer as the test says. Presets below serve the
// component's wiring (`recordRegistrations`) and the root program (`mockProviders`).
import * as pulumi from "@pulumi/pulumi";

/** One registered resource as the mock monitor saw it. */
export interface Declared {
    type: string;
    name: string;
    inputs: Record<string, unknown>;
    provider?: string;
}

export interface MockOptions {
    /** each registration is pushed here */
    declared?: Declared[];
    /** also called with each registration, as the monitor received it */
    onRegister?: (args: pulumi.runtime.MockResourceArgs) => void;
    /** outputs a provider adds: by the type's last segment ("AccessKey"), or computed per resource */
    outputs?:
        | Record<string, Record<string, unknown>>
        | ((args: pulumi.runtime.MockResourceArgs) => Record<string, unknown>);
    /** answers an invoke; default: its inputs */
    call?: (args: pulumi.runtime.MockCallArgs) => Record<string, unknown>;
    project?: string;
    stack?: string;
    /** mirrors `pulumi preview`: outputs not known yet stay unknown */
    preview?: boolean;
}

/** Installs Pulumi's mocks as `o` says. */
export function installMocks(o: MockOptions = {}): void {
    pulumi.runtime.setMocks(
        {
            newResource(args) {
                o.declared?.push({
                    type: args.type,
                    name: args.name,
                    inputs: args.inputs,
                    provider: args.provider,
                });
                o.onRegister?.(args);
                const extra =
                    typeof o.outputs === "function"
                        ? o.outputs(args)
                        : (o.outputs?.[args.type.split(":").pop() ?? ""] ?? {});
                return { id: `${args.name}-id`, state: { ...args.inputs, ...extra } };
            },
            call: (args) => (o.call ? o.call(args) : args.inputs),
        },
        o.project ?? "project",
        o.stack ?? "stack",
        o.preview ?? false,
    );
}

/** How the mock answers a ScimConnection: its status, or the unknown value of a first preview. */
export interface MockWorld {
    connectionStatus: string;
}

/** The component's wiring: registrations into `declared`; `preview` mirrors `pulumi preview`. */
export function recordRegistrations(
    declared: Declared[],
    world: MockWorld,
    preview: boolean,
): void {
    installMocks({
        declared,
        preview,
        // outputs a provider adds: the connection's status; the key's id (= resource id on create)
        outputs: (args) =>
            args.type.endsWith("okta:ScimConnection")
                ? { status: world.connectionStatus, remainingSteps: [] }
                : args.type.endsWith("cxone:AccessKey")
                  ? { accessKeyId: `${args.name}-id`, previousAccessKeyId: "" }
                  : {},
    });
}

/** The outputs the mock providers answer with, per child kind (the root program's tests). */
export interface ProviderAnswers {
    accessKey: Record<string, unknown>;
    scimConnection: Record<string, unknown>;
    groupAssignment: Record<string, unknown>;
    provisioningActions: Record<string, unknown>;
}

export const defaultAnswers = (): ProviderAnswers => ({
    accessKey: {
        accessKeyId: "AKID-1",
        secret: "s3cret-value-1",
        keyAgeDays: 3,
        nextRotationDate: "",
        rotationDue: false,
        previousAccessKeyId: "",
    },
    scimConnection: { status: "authorized", remainingSteps: [] },
    groupAssignment: {},
    provisioningActions: { applied: true },
});

const KINDS: Record<string, keyof ProviderAnswers> = {
    AccessKey: "accessKey",
    ScimConnection: "scimConnection",
    GroupAssignment: "groupAssignment",
    ProvisioningActions: "provisioningActions",
};

/** The root program's children answer with `answers` (read at each registration). */
export function mockProviders(
    declared: Declared[],
    answers: () => ProviderAnswers,
    project = "cxone-okta-scim",
    stack = "dev",
): void {
    installMocks({
        declared,
        project,
        stack,
        outputs: (args) => {
            const kind = KINDS[args.type.split(":").pop() ?? ""];
            return kind ? answers()[kind] : {};
        },
    });
}

/** The value of an output (mocks, not a preview: every output resolves). */
export const valueOf = <T>(o: pulumi.Input<T>): Promise<T> =>
    new Promise((resolve) => pulumi.output(o).apply((v) => resolve(v as T)));

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

/** Every warning the SDK prints while `body` runs and `settleMs` after (no engine: console). */
export async function warningsDuring(body: () => Promise<void>, settleMs = 100): Promise<string[]> {
    const seen: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => {
        seen.push(args.map(String).join(" "));
    };
    try {
        await body();
        await new Promise((r) => setTimeout(r, settleMs));
    } finally {
        console.warn = original;
    }
    return seen.map((w) => w.replace(/^warning: \[runtime\] /, ""));
}
