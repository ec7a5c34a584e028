// Secretness follows the values. The engine marks an output secret only when the input OF THE
// SAME NAME was secret, so an output built from another input (CXone's `roleName` from the role's
// `name`, the employee's `userName` from its `email`, Okta's app `name` from its label) would be
// stored in plain text. A value given as an Output may be a secret (secret config reaches the
// component as one), and whether it is can only be known later, so such outputs are listed in
// `additionalSecretOutputs` whenever their input is an Output; plain values are never secret.
import * as pulumi from "@pulumi/pulumi";

/** `opts` with `outputs` added to additionalSecretOutputs when `input` is an Output. */
export function secretLike<O extends pulumi.CustomResourceOptions>(
    opts: O | undefined,
    input: unknown,
    outputs: string[],
): O | undefined {
    if (!pulumi.Output.isInstance(input)) return opts;
    const own = opts?.additionalSecretOutputs ?? [];
    return {
        ...(opts ?? {}),
        additionalSecretOutputs: [...own, ...outputs.filter((o) => !own.includes(o))],
    } as O;
}
