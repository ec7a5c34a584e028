// Public API of the CXone side: the three resources, their argument types and the tenant endpoint.
export { Role, RoleArgs } from "./role";
export { Employee, EmployeeArgs } from "./employee";
export { AccessKey, AccessKeyArgs } from "./accessKey";
export { Permissions, SCIM_ROLE_PERMISSIONS } from "./roleLogic";
export type { CxoneEndpoint } from "./session";
export { CxoneError, CxoneCredentialsError } from "./errors";
export { ACCESS_KEY_ID_ENV, ACCESS_KEY_SECRET_ENV } from "./credentials";
