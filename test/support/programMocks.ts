// Pulumi's mocks for running the root program (or the component) in-process: every registration
// is recorded, and each kind of child answers with the outputs its provider would set, so the
// stack outputs and the component's warnings can be checked without an engine.
import * as pulumi from "@pulumi/pulumi";
import type { Declared } from "./pulumiMocks";

/** The outputs the mock providers answer with, per child kind. */
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

const kindOf = (type: string): keyof ProviderAnswers | undefined =>
    type.endsWith("cxone:AccessKey")
        ? "accessKey"
        : type.endsWith("okta:ScimConnection")
          ? "scimConnection"
          : type.endsWith("okta:GroupAssignment")
            ? "groupAssignment"
            : type.endsWith("okta:ProvisioningActions")
              ? "provisioningActions"
              : undefined;

/** Installs mocks that record into `declared` and answer with `answers` (read at each call). */
export function mockProviders(
    declared: Declared[],
    answers: () => ProviderAnswers,
    project = "cxone-okta-scim",
    stack = "dev",
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
                const kind = kindOf(args.type);
                const extra = kind ? answers()[kind] : {};
                return { id: `${args.name}-id`, state: { ...args.inputs, ...extra } };
            },
            call: (args) => args.inputs,
        },
        project,
        stack,
        false,
    );
}

/** The value of an output (mocks, not a preview: every output resolves). */
export const valueOf = <T>(o: pulumi.Input<T>): Promise<T> =>
    new Promise((resolve) => pulumi.output(o).apply((v) => resolve(v as T)));

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
