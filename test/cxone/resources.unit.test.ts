// The Role, Employee and AccessKey resource classes with Pulumi's mocks: the type each registers,
// the inputs the engine receives (the program's arguments plus the output slots the provider
// fills), the outputs the class exposes (its id as roleId / employeeId), and the key's secret
// output marked secret in the options sent to the engine, next to any the program marks itself.
import { strict as assert } from "assert";
import { installMocks } from "../support/pulumiMocks";
import * as pulumi from "@pulumi/pulumi";
import { AccessKey, Employee, Role } from "../../provider/cxone/index";
import { NA1_ENDPOINT as endpoint } from "../support/cxoneEndpoint";

type Props = Record<string, unknown>;
interface Registered {
    type: string;
    name: string;
    inputs: Props;
}

// what the provider would add on create, per resource type
const PROVIDER_OUTPUTS: Record<string, Props> = {
    Role: { roleName: "SCIM_ROLE", adopted: false },
    Employee: {
        userName: "scim@example.com",
        roleName: "SCIM_ROLE",
        status: "PENDING",
        effectiveLoginAuthenticatorId: "la-1",
        invited: true,
        adopted: false,
    },
    AccessKey: {
        accessKeyId: "AK1",
        secret: "the-secret",
        isActive: true,
        lastUsedDate: "2026-06-01T00:00:00.000Z",
        createdDate: "2026-05-01T00:00:00.000Z",
        previousAccessKeyId: "",
        keyAgeDays: 31,
        nextRotationDate: "",
        rotationDue: false,
        rotationNote: "",
    },
};

function record(registered: Registered[]): void {
    installMocks({
        onRegister: (args) =>
            registered.push({ type: args.type, name: args.name, inputs: args.inputs }),
        outputs: PROVIDER_OUTPUTS,
    });
}

// the value of an output, or a failure when it never resolves
function value<T>(o: pulumi.Output<T> | undefined): Promise<T> {
    assert.ok(o, "the output exists");
    return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error("output never resolved")), 2000);
        o.apply((v) => {
            clearTimeout(t);
            resolve(v);
            return v;
        });
    });
}

// the program's inputs as the engine got them, without the serialized provider
const programInputs = (r: Registered): Props => {
    const { __provider, ...rest } = r.inputs;
    assert.equal(typeof __provider, "string", "the serialized provider travels with the inputs");
    return rest;
};

describe("CXone resource classes (Pulumi mocks)", () => {
    let registered: Registered[];
    beforeEach(() => {
        registered = [];
        record(registered);
    });

    it("Role: registers cxone:Role with the program's inputs; exposes its id as roleId and CXone's name", async () => {
        const args = {
            endpoint,
            name: "SCIM Access Key",
            description: "d",
            permissions: ["Employees: View"],
            status: "ACTIVE" as const,
            adoptExisting: true,
            adoptRoleId: "r-1",
            allowUnknownPermissions: false,
        };
        const r = new Role("role", args);
        assert.equal(await value(r.roleId), "role-id");
        assert.equal(await value(r.roleName), "SCIM_ROLE");
        assert.equal(await value(r.adopted), false);
        assert.deepEqual(await value(r.permissions), args.permissions);
        assert.equal(registered.length, 1);
        assert.equal(registered[0].type, "pulumi-nodejs:dynamic/cxone:Role");
        assert.equal(registered[0].name, "role");
        assert.deepEqual(programInputs(registered[0]), args);
    });

    it("Employee: registers cxone:Employee with the program's inputs; exposes its id as employeeId and every output", async () => {
        const args = {
            endpoint,
            email: "scim@example.com",
            firstName: "SCIM",
            lastName: "AccessKey",
            roleId: "r-1",
            billable: false,
            loginAuthenticatorId: "la-2",
            invite: true,
            adoptExisting: false,
            adoptEmployeeId: "u-9",
        };
        const e = new Employee("emp", args);
        assert.equal(await value(e.employeeId), "emp-id");
        for (const [k, v] of Object.entries(PROVIDER_OUTPUTS.Employee))
            assert.deepEqual(await value(Reflect.get(e, k)), v, k);
        assert.equal(await value(e.loginAuthenticatorId), "la-2", "the program's value wins");
        assert.equal(registered[0].type, "pulumi-nodejs:dynamic/cxone:Employee");
        assert.deepEqual(programInputs(registered[0]), args);
    });

    it("Employee: with no authenticator the output still exists (the tenant's default)", async () => {
        const e = new Employee("emp", {
            endpoint,
            email: "scim@example.com",
            firstName: "SCIM",
            lastName: "AccessKey",
            roleId: "r-1",
        });
        assert.equal(await value(e.loginAuthenticatorId), undefined);
        assert.equal(await value(e.effectiveLoginAuthenticatorId), "la-1");
    });

    it("AccessKey: registers cxone:AccessKey with the program's inputs and exposes every output", async () => {
        const args = {
            endpoint,
            employeeId: "u-1",
            active: true,
            rotation: "2026-06",
            rotateAfterDays: 90,
            maxOverlapDays: 7,
        };
        const k = new AccessKey("key", args);
        for (const [name, v] of Object.entries(PROVIDER_OUTPUTS.AccessKey))
            assert.deepEqual(await value(Reflect.get(k, name)), v, name);
        assert.equal(await value(k.rotation), "2026-06");
        assert.equal(registered[0].type, "pulumi-nodejs:dynamic/cxone:AccessKey");
        assert.deepEqual(programInputs(registered[0]), args);
    });

    it("AccessKey: without rotation settings the outputs still exist", async () => {
        const k = new AccessKey("key", { endpoint, employeeId: "u-1" });
        assert.equal(await value(k.rotation), undefined);
        assert.equal(await value(k.accessKeyId), "AK1");
    });

    it("Employee: userName is marked secret for the engine when the email is an Output (it may be secret)", () => {
        const seen: (pulumi.CustomResourceOptions | undefined)[] = [];
        const capture: pulumi.ResourceTransformation = (a) => {
            seen.push(a.opts);
            return undefined;
        };
        const person = { endpoint, firstName: "SCIM", lastName: "AccessKey", roleId: "r-1" };
        new Employee(
            "plain",
            { ...person, email: "scim@example.com" },
            { transformations: [capture] },
        );
        new Employee(
            "output",
            { ...person, email: pulumi.secret("scim@example.com") },
            { transformations: [capture] },
        );
        assert.deepEqual(
            seen.map((o) => o?.additionalSecretOutputs),
            [undefined, ["userName"]],
        );
    });

    it("AccessKey: the secret is marked secret for the engine, next to the program's own", async () => {
        const seen: (pulumi.CustomResourceOptions | undefined)[] = [];
        const capture: pulumi.ResourceTransformation = (a) => {
            seen.push(a.opts);
            return undefined;
        };
        new AccessKey("plain", { endpoint, employeeId: "u-1" }, { transformations: [capture] });
        new AccessKey(
            "own",
            { endpoint, employeeId: "u-1" },
            { transformations: [capture], additionalSecretOutputs: ["lastUsedDate"] },
        );
        assert.deepEqual(
            seen.map((o) => o?.additionalSecretOutputs),
            [["secret"], ["lastUsedDate", "secret"]],
        );
    });
});
