// The module paths of the files that moved when provider/ was split by concern stay loadable until
// the next major version: existing stacks store, in every dynamic resource, a provider that loads
// its module by package path at call time, and programs may import `cxone-okta-scim/provider/<file>`.
// Each old path is loaded here the way they load it (the package's name, through package.json
// `exports`) and must expose what it exposed before the move, as the very same values as its new
// module: deleting or repointing a forwarder fails this file.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { repoRoot } from "../../scripts/lib/engine";

/** Old path (under provider/) -> new module (under provider/), and its run-time exports then. */
const OLD_PATHS: Record<string, { moved: string; exports: string[] }> = {
    checks: {
        moved: "framework/checks",
        exports: [
            "UNKNOWN",
            "allOf",
            "check",
            "containsUnknown",
            "dotSegments",
            "httpsUrl",
            "isUnknown",
            "oneOf",
            "optionalBoolean",
            "optionalNumber",
            "optionalString",
            "requiredString",
        ],
    },
    ownership: {
        moved: "framework/ownership",
        exports: ["adoptionRefusal", "ownerIn", "ownerMarker", "withMarker"],
    },
    props: { moved: "framework/props", exports: ["compact", "stored", "withDefaults"] },
    providerProcess: { moved: "framework/providerProcess", exports: ["isOurStackPrint"] },
    secretness: { moved: "framework/secretness", exports: ["secretLike"] },
    forwarder: { moved: "framework/forwarder", exports: ["forwarder", "readResult"] },
    regions: {
        moved: "cxone/discovery/regions",
        exports: [
            "DiscoveryError",
            "REGION_NAMES",
            "RegionError",
            "USER_HUB_HOST",
            "allRegions",
            "cxoneEndpointFor",
            "discoveredHost",
            "hostsFromDiscovery",
            "inferredFields",
            "isLocalhostName",
            "resolveRegion",
            "sandboxRegion",
            "userHubBase",
        ],
    },
    endpointPolicy: {
        moved: "cxone/discovery/endpointPolicy",
        exports: ["cxoneDomains", "cxoneHosts", "endpointProblem", "pinnedTo"],
    },
    integration: {
        moved: "integration/index",
        exports: [
            "ScimIntegration",
            "ScimIntegrationArgsError",
            "checkScimIntegrationArgs",
            "declareIntegration",
            "gateInputsOf",
            "startIntegration",
        ],
    },
    integrationWarnings: {
        moved: "integration/integrationWarnings",
        exports: [
            "ALL_OFF_WARNING",
            "NO_GROUP_WARNING",
            "anySwitchOn",
            "broadGroupWarning",
            "notAnIdWarning",
            "warnAboutSettings",
        ],
    },
    componentChecks: {
        moved: "integration/componentChecks",
        exports: ["childChecks", "childProblems"],
    },
    // types only: nothing at run time, but the path must still load
    integrationInputs: { moved: "integration/integrationInputs", exports: [] },
    defaults: {
        moved: "integration/defaults",
        exports: [
            "DEFAULT_ACTIVE",
            "DEFAULT_ADOPT_EXISTING",
            "DEFAULT_APP_LABEL",
            "DEFAULT_AUTH_MODE",
            "DEFAULT_BILLABLE",
            "DEFAULT_DEACTIVATION_THRESHOLD",
            "DEFAULT_EMPLOYEE_FIRST_NAME",
            "DEFAULT_EMPLOYEE_LAST_NAME",
            "DEFAULT_INVITE",
            "DEFAULT_MAX_ROTATION_OVERLAP_DAYS",
            "DEFAULT_OKTA_RESOURCES",
            "DEFAULT_POLL_INTERVAL_SECONDS",
            "DEFAULT_PROVISIONING_SWITCHES",
            "DEFAULT_ROLE_DESCRIPTION",
            "DEFAULT_ROLE_NAME",
            "DEFAULT_ROLE_STATUS",
            "DEFAULT_ROTATE_AFTER_DAYS",
            "DEFAULT_SECRET_REFERENCE",
            "DEFAULT_SUPPORTED_ACTIONS",
            "DEFAULT_UNIQUE_IDENTIFIER_FIELD",
            "DEFAULT_WAIT_FOR_AUTHORIZATION_SECONDS",
        ],
    },
    componentPackage: {
        moved: "integration/componentPackage",
        exports: ["BAD_ARGUMENTS_MESSAGE", "ScimIntegration", "argumentsError"],
    },
    verify: {
        moved: "verify/verify",
        exports: [
            "DEFAULT_PROBE_USER_NAME",
            "KEY_USE_NOTE",
            "STEP_SCIM",
            "STEP_TOKEN",
            "STEP_USERHUB",
            "formatVerifyResult",
            "verifyConnection",
        ],
    },
    verifySparingKey: {
        moved: "verify/verifySparingKey",
        exports: ["SPARED_KEY_NOTE", "STEP_KEY", "verifySparingKey"],
    },
    preflight: {
        moved: "preflight/preflight",
        exports: ["PREFLIGHT_ROWS", "formatPreflight", "preflight"],
    },
};

/** A module as a stored stack or a program loads it: by the package's name. */
const load = (modulePath: string): Record<string, unknown> =>
    require(`cxone-okta-scim/provider/${modulePath}`);

describe("old module paths (kept until the next major version)", () => {
    for (const [old, { moved, exports }] of Object.entries(OLD_PATHS)) {
        it(`cxone-okta-scim/provider/${old} still loads, exposing provider/${moved}`, () => {
            const source = path.join(repoRoot, "provider", `${old}.ts`);
            assert.ok(fs.existsSync(source), `provider/${old}.ts (the forwarder) is gone`);
            const before = load(old);
            const after = load(moved);
            assert.deepEqual(Object.keys(before).sort(), Object.keys(after).sort());
            for (const name of exports) {
                assert.ok(name in before, `provider/${old} no longer exports ${name}`);
                assert.equal(before[name], after[name], `${name} is not the moved module's own`);
            }
        });
    }

    it("the map covers every forwarder at provider/'s root", () => {
        const forwarders = fs
            .readdirSync(path.join(repoRoot, "provider"))
            .filter((f) => f.endsWith(".ts") && f !== "index.ts")
            .map((f) => f.replace(/\.ts$/, ""))
            .sort();
        assert.deepEqual(forwarders, Object.keys(OLD_PATHS).sort());
    });
});
