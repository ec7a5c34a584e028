// The Okta-side resource classes with Pulumi's mocks: each registers its own type with the inputs
// given, the client secret marked secret, the outputs its provider adds exposed on the object, and
// a serialized provider that loads the right implementation module (refresh and destroy run that).
import { strict as assert } from "assert";
import { NICE_USER } from "../../provider/okta/attributeMappingsLogic";
import { oktaConnectionInputs } from "../support/oktaConnectionInputs";
import { oktaDeclaredProperty } from "../support/oktaSchemaProperties";
import { installMocks } from "../support/pulumiMocks";
import * as pulumi from "@pulumi/pulumi";
import { AppUserSchemaProperties } from "../../provider/okta/appUserSchemaProperties";
import { AutoLoginApp } from "../../provider/okta/autoLoginApp";
import { GroupAssignment } from "../../provider/okta/groupAssignment";
import { ProfileMapping } from "../../provider/okta/profileMapping";
import { ProvisioningActions } from "../../provider/okta/provisioningActions";
import { ScimConnection } from "../../provider/okta/scimConnection";

interface Registered {
    type: string;
    name: string;
    inputs: Record<string, unknown>;
}

/** Pulumi's marker of a secret value in serialized properties. */
const SECRET_SIG = "4dabf18193072939515e22adb298388d";

/** The value of an output once the mock engine has resolved it. */
const value = <T>(o: pulumi.Output<T>): Promise<T> =>
    new Promise((resolve) =>
        o.apply((v) => {
            resolve(v);
            return v;
        }),
    );

/**
 * The module path the stored provider text names, and what the text gives when Pulumi's dynamic
 * provider host loads it (`require-from-string`, then `handler()`), from this directory.
 */
function providerModule(inputs: Record<string, unknown>): { path: string; exports: object } {
    const text = String(inputs.__provider);
    const m = /\("(cxone-okta-scim\/[^"]+)"\);\n$/.exec(text);
    assert.ok(m, `the provider text names its module: ${text}`);
    const requireFromString = require("require-from-string");
    return { path: m[1], exports: requireFromString(text).handler() as object };
}

describe("Okta resource classes (Pulumi mocks)", function () {
    this.timeout(20_000);
    let registered: Registered[] = [];
    const outputs: Record<string, Record<string, unknown>> = {};

    beforeEach(() => {
        registered = [];
        installMocks({
            onRegister: (args) =>
                registered.push({ type: args.type, name: args.name, inputs: args.inputs }),
            outputs,
        });
    });

    /** Waits until the resource is registered and returns what the engine received. */
    async function registration(r: pulumi.CustomResource): Promise<Registered> {
        const urn = await value(r.urn);
        const name = urn.split("::").pop();
        const found = registered.find((x) => x.name === name);
        assert.ok(found, `registered ${name}`);
        return found;
    }
    /** The output `key` of a resource, which must exist (declared or not in the class). */
    function outputNamed(r: object, key: string): pulumi.Output<unknown> {
        const o: unknown = Reflect.get(r, key);
        assert.ok(pulumi.Output.isInstance(o), `${key} is an output of the resource`);
        return o;
    }
    const withoutProvider = (inputs: Record<string, unknown>) => {
        const { __provider: _p, ...rest } = inputs;
        return rest;
    };

    /**
     * What the engine received for the resource: it must be registered as Okta's `kind`, with a
     * serialized provider that loads provider/okta/<module> (refresh and destroy run that).
     */
    async function registeredAs(
        r: pulumi.CustomResource,
        kind: string,
        module: string,
        /** the inputs it must be registered with (the provider aside), when given */
        args?: object,
    ): Promise<Registered> {
        const reg = await registration(r);
        if (args) assert.deepEqual(withoutProvider(reg.inputs), args);
        assert.equal(reg.type, `pulumi-nodejs:dynamic/okta:${kind}`);
        const m = providerModule(reg.inputs);
        assert.equal(m.path, `cxone-okta-scim/provider/okta/${module}`);
        assert.equal(typeof (m.exports as { create?: unknown }).create, "function");
        return reg;
    }
    const ORG = "https://dev-1.okta.com";

    it("AutoLoginApp: its type and inputs; Okta's name and status as outputs", async () => {
        outputs.AutoLoginApp = { name: "nicecxone_1", status: "ACTIVE" };
        const args = {
            orgUrl: ORG,
            label: "NICE CXone",
            loginUrl: "https://cxone.niceincontact.com/login",
            active: false,
            owner: "p/s",
        };
        const app = new AutoLoginApp("app", args);
        await registeredAs(app, "AutoLoginApp", "autoLoginAppProvider", args);
        assert.equal(await value(app.name), "nicecxone_1");
        assert.equal(await value(app.status), "ACTIVE");
        assert.equal(await value(app.label), "NICE CXone");
    });

    it("AutoLoginApp: the redirect URL output exists even when not given", async () => {
        outputs.AutoLoginApp = { redirectUrl: "https://r" };
        const app = new AutoLoginApp("app-r", {
            orgUrl: ORG,
            label: "L",
            loginUrl: "https://cxone.niceincontact.com/login",
        });
        await registration(app);
        assert.equal(await value(outputNamed(app, "redirectUrl")), "https://r");
    });

    it("ScimConnection: the client secret is registered as a secret; status and steps are outputs", async () => {
        outputs.ScimConnection = {
            status: "pending",
            remainingSteps: ["1. do"],
            oktaConnectionStatus: "UNKNOWN",
        };
        const args = oktaConnectionInputs({
            orgUrl: ORG,
            clientSecret: "PLAIN-SECRET",
            waitForAuthorizationSeconds: 5,
        });
        const c = new ScimConnection("scim", args);
        const r = await registeredAs(c, "ScimConnection", "scimConnectionProvider");
        const secret = r.inputs.clientSecret as Record<string, unknown>;
        assert.equal(typeof secret, "object", "the secret is not sent as plain text");
        assert.equal(secret[SECRET_SIG], "1b47061264138c4ac30d75fd1eb44270");
        assert.equal(secret.value, "PLAIN-SECRET");
        const { clientSecret: _s, ...rest } = withoutProvider(r.inputs);
        const { clientSecret: _given, ...restGiven } = args;
        assert.deepEqual(rest, restGiven);
        assert.equal(await value(c.status), "pending");
        assert.deepEqual(await value(c.remainingSteps), ["1. do"]);
        assert.equal(await value(c.oktaConnectionStatus), "UNKNOWN");
        for (const k of ["keyLastUsedDate", "cxoneSignInHint", "previousClientId"])
            outputNamed(c, k);
        assert.equal(await pulumi.isSecret(outputNamed(c, "clientSecret")), true);
        assert.equal(await pulumi.isSecret(c.status), false);
    });

    it("ProvisioningActions: the switches and status as inputs; applied and featureStatus as outputs", async () => {
        outputs.ProvisioningActions = { applied: true, featureStatus: "ENABLED" };
        const args = {
            orgUrl: ORG,
            appId: "0oa1",
            createUsers: true,
            updateUserAttributes: false,
            connectionStatus: "authorized",
        };
        const a = new ProvisioningActions("actions", args);
        await registeredAs(a, "ProvisioningActions", "provisioningActionsProvider", args);
        assert.equal(await value(a.applied), true);
        assert.equal(await value(a.featureStatus), "ENABLED");
    });

    it("GroupAssignment: the ids as inputs; the group's name and type as outputs", async () => {
        outputs.GroupAssignment = { groupName: "Agents", groupType: "OKTA_GROUP" };
        const args = { orgUrl: ORG, appId: "0oa1", groupId: "00g1" };
        const g = new GroupAssignment("group", args);
        await registeredAs(g, "GroupAssignment", "groupAssignmentProvider", args);
        assert.equal(await value(g.groupName), "Agents");
        assert.equal(await value(g.groupType), "OKTA_GROUP");
        assert.equal(await value(g.groupId), "00g1");
    });

    it("ProfileMapping: the managed properties as input; Okta's mapping id and the record as outputs", async () => {
        outputs.ProfileMapping = { mappingId: "prm1", previous: { niceTeam: {} } };
        const args = { orgUrl: ORG, appId: "0oa1", properties: { niceTeam: "user.department" } };
        const p = new ProfileMapping("mapping", args);
        await registeredAs(p, "ProfileMapping", "profileMappingProvider", args);
        assert.equal(await value(p.mappingId), "prm1");
        assert.deepEqual(await value(outputNamed(p, "previous")), { niceTeam: {} });
    });

    it("AppUserSchemaProperties: the properties as input; the record of what Okta held as output", async () => {
        outputs.AppUserSchemaProperties = { previous: { niceTeam: {} } };
        const property = oktaDeclaredProperty("CXone team", "team", NICE_USER);
        const args = { orgUrl: ORG, appId: "0oa1", properties: { niceTeam: property } };
        const s = new AppUserSchemaProperties("schema", args);
        await registeredAs(s, "AppUserSchemaProperties", "appUserSchemaPropertiesProvider", args);
        assert.deepEqual(await value(s.properties), { niceTeam: property });
        assert.deepEqual(await value(outputNamed(s, "previous")), { niceTeam: {} });
    });
});
