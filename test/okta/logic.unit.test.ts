// Pure logic of the Okta side: input checks (which must never call an API), defaults, state
// mapping and the connection gate. The connection's status and steps: connectionSteps.unit.
import { strict as assert } from "assert";
import { OKTA_TEST_SECRET, oktaConnectionInputs } from "../support/oktaConnectionInputs";
import { toCapabilities } from "../../provider/okta/capabilities";
import app from "../../provider/okta/autoLoginAppProvider";
import actions from "../../provider/okta/provisioningActionsProvider";
import scim from "../../provider/okta/scimConnectionProvider";
import * as pulumi from "@pulumi/pulumi";
import * as defaults from "../../provider/integration/defaults";
import { appFromLive, appsMadeBy, checkAutoLoginApp } from "../../provider/okta/autoLoginAppLogic";
import type { OktaApp } from "../../provider/okta/client";
import {
    checkGroupAssignment,
    diffGroupAssignment,
} from "../../provider/okta/groupAssignmentLogic";
import {
    actionsFromLive,
    checkProvisioningActions,
} from "../../provider/okta/provisioningActionsLogic";
import {
    checkScimConnection,
    describeConnection,
    diffScimConnection,
    mustFail,
    stillWaitingMessage,
} from "../../provider/okta/scimConnectionLogic";

const UNKNOWN = pulumi.runtime.unknownValue;

describe("Okta: input checks name the property and tolerate unknowns", () => {
    const props = async (r: { failures?: { property: string }[] }) =>
        (r.failures ?? []).map((f) => f.property).sort();
    it("AutoLoginApp", async () => {
        const base = {
            orgUrl: "https://dev-1.okta.com",
            label: "NICE CXone",
            loginUrl: "https://cxone.niceincontact.com/login",
            active: true,
            adoptExisting: false,
        };
        assert.deepEqual(await props(await app.check(base, base)), []);
        assert.deepEqual(
            await props(
                await app.check(base, { ...base, loginUrl: "http://cxone.example.com/login" }),
            ),
            ["loginUrl"],
        );
        assert.deepEqual(await props(await app.check(base, { ...base, label: "" })), ["label"]);
        assert.deepEqual(await props(await app.check(base, { ...base, orgUrl: "not a url" })), [
            "orgUrl",
        ]);
        assert.deepEqual(
            await props(await app.check(base, { ...base, label: UNKNOWN, loginUrl: UNKNOWN })),
            [],
        );
    });
    it("ProvisioningActions", async () => {
        const base = {
            orgUrl: "https://dev-1.okta.com",
            appId: "0oa1",
            connectionStatus: "pending",
            createUsers: true,
            updateUserAttributes: true,
            deactivateUsers: true,
        };
        assert.deepEqual(
            await props(
                await actions.check(base, { ...base, createUsers: "yes" as unknown as boolean }),
            ),
            ["createUsers"],
        );
        assert.deepEqual(
            await props(
                await actions.check(base, { ...base, appId: UNKNOWN, connectionStatus: UNKNOWN }),
            ),
            [],
        );
    });
    it("ScimConnection: never echoes the secret", async () => {
        const base = oktaConnectionInputs({
            uniqueIdentifierField: "userName",
            supportedActions: ["pushNewUsers"],
            authMode: "oauth2",
            secretReference: "ref",
            waitForAuthorizationSeconds: 0,
            pollIntervalSeconds: 5,
        });
        assert.deepEqual(await props(await scim.check(base, base)), []);
        const bad = await scim.check(base, {
            ...base,
            uniqueIdentifierField: "email",
            authMode: "basic",
            supportedActions: ["pushGroups"],
            waitForAuthorizationSeconds: -1,
            scimBaseUrl: "ftp://x",
        });
        assert.deepEqual(await props(bad), [
            "authMode",
            "scimBaseUrl",
            "supportedActions",
            "uniqueIdentifierField",
            "waitForAuthorizationSeconds",
        ]);
        assert.ok(!JSON.stringify(bad).includes(OKTA_TEST_SECRET));
        assert.deepEqual(await props(await scim.check(base, { ...base, clientSecret: "" })), [
            "clientSecret",
        ]);
    });
});

describe("Okta logic modules: defaults in check(), state mapping, the connection gate", () => {
    const connection = oktaConnectionInputs({
        authorizeEndpoint: "https://cxone.niceincontact.com/auth/authorize?scope=openid",
    });

    it("check() applies the package defaults, defined once in provider/integration/defaults.ts", () => {
        const c = checkScimConnection(connection);
        assert.deepEqual(c.failures, []);
        assert.equal(c.inputs.secretReference, defaults.DEFAULT_SECRET_REFERENCE);
        assert.equal(c.inputs.uniqueIdentifierField, defaults.DEFAULT_UNIQUE_IDENTIFIER_FIELD);
        assert.deepEqual(c.inputs.supportedActions, [...defaults.DEFAULT_SUPPORTED_ACTIONS]);
        assert.equal(c.inputs.authMode, defaults.DEFAULT_AUTH_MODE);
        assert.equal(
            c.inputs.waitForAuthorizationSeconds,
            defaults.DEFAULT_WAIT_FOR_AUTHORIZATION_SECONDS,
        );
        assert.equal(c.inputs.pollIntervalSeconds, defaults.DEFAULT_POLL_INTERVAL_SECONDS);
        assert.equal(c.inputs.requireAuthorization, false);
        const app = checkAutoLoginApp({
            orgUrl: connection.orgUrl,
            label: "L",
            loginUrl: "https://x/login",
        });
        assert.deepEqual(
            [app.inputs.active, app.inputs.adoptExisting],
            [defaults.DEFAULT_ACTIVE, defaults.DEFAULT_ADOPT_EXISTING],
        );
        const sw = checkProvisioningActions({
            orgUrl: connection.orgUrl,
            appId: "0oa1",
            connectionStatus: "pending",
        }).inputs;
        assert.deepEqual(
            [sw.createUsers, sw.updateUserAttributes, sw.deactivateUsers],
            [true, true, true],
        );
    });

    it("a failing check carries no secret; the group assignment needs every id", () => {
        const bad = checkScimConnection({ ...connection, authMode: "basic" });
        assert.deepEqual(
            bad.failures.map((f) => f.property),
            ["authMode"],
        );
        assert.ok(!JSON.stringify(bad).includes(OKTA_TEST_SECRET));
        const g = checkGroupAssignment({
            orgUrl: "http://127.evil.example",
            appId: "",
            groupId: UNKNOWN,
        });
        assert.deepEqual(
            g.failures.map((f) => f.property),
            ["orgUrl", "appId"],
        );
        assert.deepEqual(
            diffGroupAssignment(
                { orgUrl: "o", appId: "a", groupId: "g" },
                { orgUrl: "o", appId: "a", groupId: "h" },
            ).replaces,
            ["groupId"],
        );
    });

    it("the connection gate: pending fails the up only when required or after a wait, naming the steps", () => {
        const s = checkScimConnection(connection).inputs;
        const pending = describeConnection(s, {
            oktaConnectionStatus: "UNKNOWN",
            keyLastUsedDate: null,
        });
        const authorized = describeConnection(s, {
            oktaConnectionStatus: "UNKNOWN",
            keyLastUsedDate: "2026-01-01",
        });
        assert.equal(mustFail(s, pending), false);
        assert.equal(mustFail({ ...s, requireAuthorization: true }, pending), true);
        assert.equal(mustFail({ ...s, waitForAuthorizationSeconds: 5 }, pending), true);
        assert.equal(mustFail({ ...s, requireAuthorization: true }, authorized), false);
        const message = stillWaitingMessage({ ...s, requireAuthorization: true }, pending);
        assert.match(message, /is pending: the provisioning actions need it authorized first/);
        assert.ok(
            message.includes("Enable SCIM provisioning") && !message.includes(OKTA_TEST_SECRET),
        );
        // not authorized yet: refresh (read) looks again, so a preview shows the live status; an
        // update is planned only where it can act (a wait, a requirement, a disabled connection)
        assert.equal(diffScimConnection(pending, s).changes, false);
        assert.equal(
            diffScimConnection(pending, { ...s, waitForAuthorizationSeconds: 5 }).changes,
            true,
        );
        assert.equal(diffScimConnection({ ...authorized, status: "disabled" }, s).changes, true);
        assert.equal(
            diffScimConnection(authorized, { ...s, previousClientId: "OLD" }).changes,
            true,
        );
        assert.equal(diffScimConnection(authorized, s).changes, false);
        assert.equal(diffScimConnection(authorized, { ...s, clientId: "OTHER" }).changes, true);
    });

    it("state mapping: the live app as inputs; only an app made since the lost call is adopted", () => {
        const live = {
            id: "0oa1",
            name: "x_1",
            label: "Renamed",
            status: "INACTIVE",
            signOnMode: "AUTO_LOGIN",
            created: "2026-11-30T12:00:00.000Z",
            settings: { app: {}, signOn: { loginUrl: "https://x/login" } },
        } as OktaApp;
        const old = {
            orgUrl: connection.orgUrl,
            label: "L",
            loginUrl: "https://x/login",
            active: true,
            adoptExisting: false,
        };
        const r = appFromLive(old, live);
        assert.deepEqual(r.inputs, { ...old, label: "Renamed", active: false });
        assert.deepEqual([r.props.name, r.props.status], ["x_1", "INACTIVE"]);
        const started = Date.parse("2026-11-30T12:01:00.000Z");
        assert.equal(appsMadeBy(old, [live], started).length, 1);
        assert.equal(appsMadeBy(old, [live], started + 10 * 60_000).length, 0);
        const actions = actionsFromLive(
            {
                orgUrl: connection.orgUrl,
                appId: "0oa1",
                connectionStatus: "authorized",
                createUsers: true,
                updateUserAttributes: true,
                deactivateUsers: true,
            },
            {
                status: "ENABLED",
                capabilities: toCapabilities({
                    createUsers: false,
                    updateUserAttributes: true,
                    deactivateUsers: true,
                }),
            },
        );
        assert.equal(actions.inputs.createUsers, false);
        assert.equal(actions.props.applied, true);
    });
});
