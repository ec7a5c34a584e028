// The same end-to-end suites with the sandbox's Okta reporting a custom SCIM app's connection
// UNKNOWN for ever, as Okta may for apps outside the few it documents connections for
// (docs/vendor-facts/okta.md). Status, provisioning actions, drift and repair must all still work:
// the product then judges authorization from CXone's key evidence alone.
import { useOktaConnection } from "../support/integrationStack";

describe("with Okta reporting the SCIM connection UNKNOWN", function () {
    let restore: () => void = () => {};
    before(() => {
        restore = useOktaConnection("unknown");
    });
    after(() => restore());
    // Load the suites again inside this block: mocha registers their tests under it, so the hooks
    // above set the mode for them (the first load, in the reported mode, stays as it was).
    // Forget them again afterwards, so a later load of the same files registers them in the
    // reported mode too.
    for (const suite of ["./integration.engine.test", "./drift.engine.test"]) {
        delete require.cache[require.resolve(suite)];
        require(suite);
        delete require.cache[require.resolve(suite)];
    }
});
