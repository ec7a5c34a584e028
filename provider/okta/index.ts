// Public API of the Okta side: the resources the component declares (usable alone), their argument
// types, the attribute mappings' vocabulary and Okta's error.
export { AutoLoginApp, AutoLoginAppArgs } from "./autoLoginApp";
export { GroupAssignment, GroupAssignmentArgs } from "./groupAssignment";
export { ProvisioningActions, ProvisioningActionsArgs } from "./provisioningActions";
export { ScimConnection, ScimConnectionArgs } from "./scimConnection";
export { AppUserSchemaProperties, AppUserSchemaPropertiesArgs } from "./appUserSchemaProperties";
export { ProfileMapping, ProfileMappingArgs } from "./profileMapping";
export {
    CXONE_ATTRIBUTES,
    DEFAULT_MAPPINGS,
    CxoneAttribute,
    SchemaProperty,
} from "./attributeMappingsLogic";
export { ConnectionStatus } from "./connectionSteps";
export { OktaResourceKind } from "./appResources";
export { OktaError } from "./errors";
