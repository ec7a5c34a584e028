// The whole-life suite again with the sandbox's Okta reporting a custom SCIM app's connection
// UNKNOWN for ever, as Okta may for apps outside the few it documents connections for
// (docs/vendor-facts/okta.md). Status, provisioning actions, and Okta-side drift and its repair
// must all still work: the product then judges authorization from CXone's key evidence alone.
// The drift matrix is not run again here: Okta-side drift and repair are in the suite below, and how
// UNKNOWN is judged for a key switched off, revoked or new is asserted case by case in
// test/okta/connectionSteps.unit, from CXone's key evidence (test/okta/keyEvidence.http). This
// saves about 45 s of engine time per run.
import { useOktaConnection } from "../support/integrationStack";

describe("with Okta reporting the SCIM connection UNKNOWN", function () {
    let restore: () => void = () => {};
    before(() => {
        restore = useOktaConnection("unknown");
    });
    after(() => restore());
    // Load the suite again inside this block: mocha registers its tests under it, so the hooks
    // above set the mode for them (the first load, in the reported mode, stays as it was).
    // Forget it again afterwards, so a later load of the same file registers it in the
    // reported mode too.
    const suite = "./integration.engine.test";
    delete require.cache[require.resolve(suite)];
    require(suite);
    delete require.cache[require.resolve(suite)];
});
