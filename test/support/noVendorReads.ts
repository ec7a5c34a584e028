// Loaded by mocha before every test file (.mocharc.json `require`). Tests that run programs inside
// the test process (Pulumi's mocks) have no CXone or Okta to ask: the integration's reads before
// the first write are switched off there, and each test starts as a new program (no claims of the
// integrations an earlier test declared). Tests of the reads call the probes themselves
// (test/preflight), and programs run by the CLI are separate processes, untouched by this.
// Each test file also starts with no tokens, rate gates or key reads left by an earlier file:
// `mocha --parallel` runs many files in one worker, and a gate left behind would hold calls to a
// server that happens to reuse its port.
import { clearSessionCache } from "../../provider/cxone/session";
import { forgetKeyReads } from "../../provider/cxone/keyReads";
import { forgetClaims } from "../../provider/preflight/collisions";
import { useIntegrationProbes } from "../../provider/preflight/probes";

useIntegrationProbes([]);

export const mochaHooks = {
    // once per file under --parallel, once per run otherwise
    beforeAll(): void {
        clearSessionCache();
        forgetKeyReads();
    },
    beforeEach(): void {
        forgetClaims();
    },
};
