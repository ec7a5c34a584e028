// Loaded by mocha before every test file (.mocharc.json `require`). Tests that run programs inside
// the test process (Pulumi's mocks) have no CXone or Okta to ask: the integration's reads before
// the first write are switched off there, and each test starts as a new program (no claims of the
// integrations an earlier test declared). Tests of the reads call the probes themselves
// (test/preflight), and programs run by the CLI are separate processes, untouched by this.
import { forgetClaims } from "../../provider/preflight/collisions";
import { useIntegrationProbes } from "../../provider/preflight/probes";

useIntegrationProbes([]);

export const mochaHooks = {
    beforeEach(): void {
        forgetClaims();
    },
};
