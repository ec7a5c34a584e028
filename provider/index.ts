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
export { AutoLoginApp, AutoLoginAppArgs } from "./okta/autoLoginApp";
export { GroupAssignment, GroupAssignmentArgs } from "./okta/groupAssignment";
export { ProvisioningActions, ProvisioningActionsArgs } from "./okta/provisioningActions";
export { ScimConnection, ScimConnectionArgs } from "./okta/scimConnection";
export {
    AppUserSchemaProperties,
    AppUserSchemaPropertiesArgs,
} from "./okta/appUserSchemaProperties";
export { ProfileMapping, ProfileMappingArgs } from "./okta/profileMapping";
export {
    CXONE_ATTRIBUTES,
    DEFAULT_MAPPINGS,
    CxoneAttribute,
    SchemaProperty,
} from "./okta/attributeMappingsLogic";
export { ConnectionStatus } from "./okta/connectionSteps";
export { OktaResourceKind } from "./okta/appResources";
export { OktaError } from "./okta/errors";
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
