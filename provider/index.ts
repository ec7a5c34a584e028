// Public API of cxone-okta-scim: what a Pulumi program imports.
export {
    ArgumentProblem,
    ChildTransform,
    CxoneTarget,
    ScimIntegration,
    ScimIntegrationArgs,
    ScimIntegrationArgsError,
    ScimIntegrationTransforms,
} from "./integration/index";
export * from "./cxone/index";
export * from "./okta/index";
export * from "./integration/defaults";
export {
    resolveRegion,
    sandboxRegion,
    REGION_NAMES,
    ResolvedRegion,
    RegionError,
} from "./cxone/discovery/regions";
export { verifyConnection } from "./verify/verify";
export {
    preflight,
    formatPreflight,
    PREFLIGHT_ROWS,
    PreflightFinding,
    PreflightInput,
    PreflightResult,
    FactStatus,
} from "./preflight/preflight";
export { UnconfirmedFactError, UnconfirmedFact } from "./core/unconfirmed";
