// One resource of any kind with the given (possibly invalid) inputs (test/integration/badInput.engine.test.ts).
import * as pulumi from "@pulumi/pulumi";
import { AccessKey, Employee, Role } from "../../provider/cxone";
import { AutoLoginApp } from "../../provider/okta/autoLoginApp";
import { GroupAssignment } from "../../provider/okta/groupAssignment";
import { ProvisioningActions } from "../../provider/okta/provisioningActions";
import { ScimConnection } from "../../provider/okta/scimConnection";
import { params } from "./params";

export type Kind = "role" | "employee" | "accessKey" | "app" | "group" | "actions" | "scim";
type Props = Record<string, unknown>;
const s = (v: unknown) => v as never; // deliberately ill-typed inputs

const constructors: Record<Kind, (name: string, props: Props) => pulumi.Resource> = {
    role: (n, p) => new Role(n, s(p)),
    employee: (n, p) => new Employee(n, s(p)),
    accessKey: (n, p) => new AccessKey(n, s(p)),
    app: (n, p) => new AutoLoginApp(n, s(p)),
    group: (n, p) => new GroupAssignment(n, s(p)),
    actions: (n, p) => new ProvisioningActions(n, s(p)),
    scim: (n, p) => new ScimConnection(n, s(p)),
};

const p = params<{ kind: Kind; name: string; props: Props }>();
constructors[p.kind](p.name, p.props);
