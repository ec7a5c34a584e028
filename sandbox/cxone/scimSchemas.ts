// The schema documents served at GET /scim/v2/Schemas (RFC 7643 section 7), trimmed to the
// attributes this server supports.
import { CORE_USER, NICE_USER } from "./scimMapping";

const attr = (name: string, extra: Record<string, unknown> = {}) => ({
    name,
    type: "string",
    multiValued: false,
    required: false,
    caseExact: false,
    mutability: "readWrite",
    returned: "default",
    uniqueness: "none",
    ...extra,
});

export function scimSchemas(base: string) {
    return [
        {
            schemas: ["urn:ietf:params:scim:schemas:core:2.0:Schema"],
            id: CORE_USER,
            name: "User",
            description: "CXone employee",
            attributes: [
                attr("userName", { required: true, uniqueness: "server" }),
                attr("externalId"),
                {
                    ...attr("name", { type: "complex", required: true }),
                    subAttributes: [
                        attr("givenName", { required: true }),
                        attr("familyName", { required: true }),
                        attr("formatted", { mutability: "readOnly" }),
                    ],
                },
                attr("displayName"),
                {
                    ...attr("emails", { type: "complex", multiValued: true, required: true }),
                    subAttributes: [
                        attr("value"),
                        attr("type"),
                        attr("primary", { type: "boolean" }),
                    ],
                },
                attr("active", { type: "boolean" }),
                attr("timezone"),
                {
                    ...attr("phoneNumbers", { type: "complex", multiValued: true }),
                    subAttributes: [
                        attr("value"),
                        attr("type"),
                        attr("primary", { type: "boolean" }),
                    ],
                },
                {
                    ...attr("roles", {
                        type: "complex",
                        multiValued: true,
                        mutability: "readOnly",
                    }),
                    subAttributes: [
                        attr("value"),
                        attr("display"),
                        attr("primary", { type: "boolean" }),
                    ],
                },
            ],
            meta: { resourceType: "Schema", location: `${base}/scim/v2/Schemas/${CORE_USER}` },
        },
        {
            schemas: ["urn:ietf:params:scim:schemas:core:2.0:Schema"],
            id: NICE_USER,
            name: "NiceUser",
            description: "NICE CXone extension",
            attributes: [attr("team"), attr("loginAuthenticator")],
            meta: { resourceType: "Schema", location: `${base}/scim/v2/Schemas/${NICE_USER}` },
        },
    ];
}
