// Okta's other worlds: each variant makes one unconfirmed Okta fact false in its most plausible
// other way (the rows of docs/vendor-facts/unconfirmed.md), answering in Okta's error shapes.
import type { SandboxVariant } from "./index";

export const OKTA_VARIANTS: readonly SandboxVariant[] = [];
