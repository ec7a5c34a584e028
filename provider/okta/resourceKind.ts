// Which resources declare the Okta app and its provisioning actions. Its own module, importing
// nothing, because the package schema is derived from it (see provider/integration/integrationInputs.ts).

/**
 * Which resources declare the Okta app and its provisioning actions: `builtin` (this package's
 * dynamic resources) or `pulumi-okta` (@pulumi/okta). An object `as const`, not a bare union, so
 * that the package schema names it as an enum for other languages.
 */
export const OktaResourceKind = { builtin: "builtin", pulumiOkta: "pulumi-okta" } as const;
export type OktaResourceKind = (typeof OktaResourceKind)[keyof typeof OktaResourceKind];

/** The kinds {@link OktaResourceKind} allows, for checks and messages. */
export const OKTA_RESOURCE_KINDS: readonly OktaResourceKind[] = Object.values(OktaResourceKind);
