// Okta's other worlds: each variant makes one unconfirmed Okta fact false in its most plausible
// other way (the rows of docs/vendor-facts/unconfirmed.md), answering in Okta's error shapes.
import type { SandboxVariant } from "./index";

export const OKTA_VARIANTS: readonly SandboxVariant[] = [
    {
        name: "app-user-base-seed",
        fact: "app-user-base-set",
        world: "a SCIM app's user profile has only the four base properties of NICE's procedure (userName, givenName, familyName, email): the phones must be added as custom properties",
        okta: { options: { appUserBaseSet: "seed" } },
    },
];
