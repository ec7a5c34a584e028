// The AccessKey's pure rules, exactly: check() messages, limits and defaults, when a rotation is
// asked for or due, each kind of change diff() reports (during a rotation too), and every output
// field create and read() compute (schedule, previous key, secret kept from state).
import { strict as assert } from "assert";
import {
    accessKeyFromLive,
    AccessKeyOutputs,
    accessKeyOutputs,
    checkAccessKey,
    currentKeyUse,
    diffAccessKey,
    previousFromLive,
    rotationRequested,
    rotationStarts,
    withSchedule,
} from "../../provider/cxone/accessKeyLogic";
import { UNKNOWN } from "../../provider/cxone/validation";
import { assertRefusals, reasonsFor, tooLong, type CheckRow } from "../support/cxoneChecks";
import { NA1_ENDPOINT as endpoint } from "../support/cxoneEndpoint";
import { assertDiffRows, kinds, UNCHANGED, type DiffRow } from "../support/cxoneDiffs";

const T0 = Date.parse("2026-06-01T00:00:00.000Z");
const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString();
const reasons = reasonsFor(checkAccessKey, { endpoint, employeeId: "u-1" });

const key: AccessKeyOutputs = {
    endpoint,
    employeeId: "u-1",
    active: true,
    accessKeyId: "K1",
    secret: "S3CRET-VALUE",
    isActive: true,
    createdDate: iso(T0),
    keyRotation: "r1",
    rotation: "r1",
};

describe("AccessKey rules (pure)", () => {
    describe("check()", () => {
        it("applies the default: active; nothing else is added", () => {
            assert.deepEqual(checkAccessKey({ endpoint, employeeId: "u-1" }), {
                inputs: { endpoint, employeeId: "u-1", active: true },
                failures: [],
            });
            const all = {
                endpoint,
                employeeId: "u-1",
                active: false,
                rotation: "2026-06",
                rotateAfterDays: 90,
                maxOverlapDays: 7,
            };
            assert.deepEqual(checkAccessKey(all), { inputs: all, failures: [] });
        });

        it("each bad input is one failure with its own message", () => {
            const rows: CheckRow[] = [
                [{ employeeId: "" }, "employeeId", "employeeId is required and must not be empty"],
                tooLong("employeeId", 100),
                [{ active: "true" }, "active", "active must be true or false"],
                tooLong("rotation", 200),
                [{ rotation: 2 }, "rotation", "rotation must be a string"],
                [
                    { rotateAfterDays: 0 },
                    "rotateAfterDays",
                    "rotateAfterDays must be a number from 1 to 3650",
                ],
                [
                    { rotateAfterDays: 3651 },
                    "rotateAfterDays",
                    "rotateAfterDays must be a number from 1 to 3650",
                ],
                [
                    { maxOverlapDays: -1 },
                    "maxOverlapDays",
                    "maxOverlapDays must be a number from 0 to 3650",
                ],
                [
                    { maxOverlapDays: 3651 },
                    "maxOverlapDays",
                    "maxOverlapDays must be a number from 0 to 3650",
                ],
                [
                    { endpoint: "https://na1.nice-incontact.com" },
                    "endpoint",
                    "endpoint is required: an object with issuerUrl and areaUrl (see provider/cxone/discovery/regions.ts)",
                ],
            ];
            assertRefusals(reasons, rows);
            for (const ok of [
                { rotateAfterDays: 1 },
                { rotateAfterDays: 3650 },
                { maxOverlapDays: 0 },
                { maxOverlapDays: 3650 },
            ])
                assert.deepEqual(reasons(ok), [], JSON.stringify(ok));
        });

        it("the key's outputs given as inputs are refused by name, never echoing the value", () => {
            for (const k of ["secret", "accessKeySecret", "accessKeyId"]) {
                const r = reasons({ [k]: "s3cr3t-value" });
                assert.deepEqual(r, [
                    [k, `${k} is an output of AccessKey, not an input: CXone generates the key`],
                ]);
            }
            assert.deepEqual(
                reasons({ secret: "a", accessKeyId: "b" }).map(([p]) => p),
                ["secret", "accessKeyId"],
            );
        });
    });

    describe("rotation asked for or due", () => {
        it("currentKeyUse: the state's key, else the resource id; active unless CXone said otherwise", () => {
            assert.deepEqual(currentKeyUse({}, "ID"), {
                accessKeyId: "ID",
                isActive: true,
                createdDate: undefined,
                lastUsedDate: undefined,
            });
            assert.deepEqual(currentKeyUse({}), {
                accessKeyId: "",
                isActive: true,
                createdDate: undefined,
                lastUsedDate: undefined,
            });
            assert.deepEqual(
                currentKeyUse(
                    { accessKeyId: "K2", isActive: false, createdDate: "c", lastUsedDate: "l" },
                    "ID",
                ),
                { accessKeyId: "K2", isActive: false, createdDate: "c", lastUsedDate: "l" },
            );
        });

        it("rotationRequested: a value other than the one the key was made for", () => {
            assert.equal(rotationRequested({}, {}), false);
            assert.equal(rotationRequested({}, { rotation: null }), false, "null is no value");
            assert.equal(rotationRequested({ keyRotation: "a" }, { rotation: "a" }), false);
            assert.equal(rotationRequested({ keyRotation: "a" }, { rotation: "b" }), true);
            assert.equal(rotationRequested({ keyRotation: "a" }, {}), true, "removed is new too");
            assert.equal(rotationRequested({}, { rotation: "a" }), true);
            // the value the current key was made for wins over the last input
            assert.equal(
                rotationRequested({ keyRotation: "a", rotation: "b" }, { rotation: "a" }),
                false,
            );
            assert.equal(rotationRequested({ rotation: "b" }, { rotation: "b" }), false);
            assert.equal(rotationRequested({ rotation: "b" }, { rotation: "c" }), true);
            assert.equal(rotationRequested({ keyRotation: "a" }, { rotation: UNKNOWN }), true);
        });

        it("rotationStarts: asked for, or the key reached rotateAfterDays (a number only)", () => {
            const olds = { keyRotation: "a", createdDate: iso(T0) };
            assert.equal(rotationStarts(olds, { rotation: "a" }, T0 + 10 * DAY), false);
            assert.equal(rotationStarts(olds, { rotation: "b" }, T0), true);
            assert.equal(
                rotationStarts(olds, { rotation: "a", rotateAfterDays: 10 }, T0 + 10 * DAY),
                true,
            );
            assert.equal(
                rotationStarts(olds, { rotation: "a", rotateAfterDays: 10 }, T0 + 10 * DAY - 1),
                false,
            );
            assert.equal(
                rotationStarts(olds, { rotation: "a", rotateAfterDays: "10" }, T0 + 99 * DAY),
                false,
            );
        });
    });

    describe("diff()", () => {
        const news = { endpoint, employeeId: "u-1", active: true, rotation: "r1" };
        const d = (o: Record<string, unknown>, n: Record<string, unknown>, now = T0 + DAY) =>
            kinds(diffAccessKey(o, n, now));

        it("no change; each field alone is its own kind of change", () => {
            assert.deepEqual(d(key, news), UNCHANGED);
            const rows: DiffRow[] = [
                [{ employeeId: "u-2" }, ["employeeId"], ["employeeId"]],
                [{ rotateAfterDays: 30 }, ["rotateAfterDays"], []],
                [{ maxOverlapDays: 3 }, ["maxOverlapDays"], []],
                [{ rotation: "r2" }, ["rotation"], []],
                [{ active: false }, ["active"], []],
                [{ active: UNKNOWN }, ["active"], []],
                [{ endpoint: { ...endpoint, tenantId: "t2" } }, ["endpoint"], ["endpoint"]],
            ];
            assertDiffRows((change) => d(key, { ...news, ...change }), rows);
        });

        it("active defaults to true and is compared with what CXone reports, else the last input", () => {
            assert.deepEqual(d(key, { ...news, active: undefined }), UNCHANGED);
            assert.deepEqual(
                d({ ...key, isActive: false }, { ...news, active: undefined }).changed,
                ["active"],
            );
            assert.deepEqual(d({ ...key, isActive: undefined, active: false }, news).changed, [
                "active",
            ]);
            assert.deepEqual(
                d({ ...key, isActive: undefined, active: false }, { ...news, active: false }),
                UNCHANGED,
            );
        });

        it("a key due by age is a rotation", () => {
            assert.deepEqual(d(key, { ...news, rotateAfterDays: 1 }, T0 + DAY - 1).changed, [
                "rotateAfterDays",
            ]);
            assert.deepEqual(
                d({ ...key, rotateAfterDays: 1 }, { ...news, rotateAfterDays: 1 }, T0 + DAY),
                { changes: true, changed: ["rotation"], replaces: [] },
            );
        });

        const previousKey = {
            accessKeyId: "K0",
            rotationStartedAt: iso(T0),
            isActive: true,
            lastUsedDate: iso(T0 - DAY),
        };
        it("during a rotation: nothing to do until evidence, a new rotation waits", () => {
            const rotating = { ...key, previousKey };
            assert.deepEqual(d(rotating, news), UNCHANGED);
            assert.deepEqual(
                d(rotating, { ...news, rotation: "r2" }),
                UNCHANGED,
                "waits for the first",
            );
        });
        it("during a rotation: evidence, the overlap limit or the old key gone is a change", () => {
            const rotating = { ...key, previousKey };
            const used = { ...rotating, lastUsedDate: iso(T0 + 60_000) };
            assert.deepEqual(d(used, news), {
                changes: true,
                changed: ["previousKey"],
                replaces: [],
            });
            assert.deepEqual(d(rotating, { ...news, maxOverlapDays: 1 }, T0 + DAY), {
                changes: true,
                changed: ["maxOverlapDays", "previousKey"],
                replaces: [],
            });
            assert.deepEqual(
                d({ ...rotating, maxOverlapDays: 2 }, { ...news, maxOverlapDays: 2 }, T0 + DAY),
                UNCHANGED,
            );
            assert.deepEqual(
                d({ ...rotating, maxOverlapDays: 1 }, { ...news, maxOverlapDays: "1" }, T0 + DAY)
                    .changed,
                ["maxOverlapDays"],
                "only a number is a limit",
            );
            assert.deepEqual(
                d({ ...rotating, previousKey: { ...previousKey, isActive: false } }, news).changed,
                ["previousKey"],
            );
        });
    });

    describe("outputs", () => {
        it("withSchedule: age, next date, due flag; previousAccessKeyId and rotationNote never absent", () => {
            const o = withSchedule({ ...key, rotateAfterDays: 30 }, T0 + 3 * DAY + 5);
            assert.deepEqual(o, {
                ...key,
                rotateAfterDays: 30,
                keyAgeDays: 3,
                nextRotationDate: iso(T0 + 30 * DAY),
                rotationDue: false,
                previousAccessKeyId: "",
                rotationNote: "",
            });
            const bare = withSchedule(
                { ...key, createdDate: undefined, lastUsedDate: undefined },
                T0,
            );
            assert.ok(!("createdDate" in bare) && !("lastUsedDate" in bare), "no undefined keys");
            assert.ok(!("keyAgeDays" in bare));
            assert.equal(bare.nextRotationDate, "");
            assert.equal(bare.rotationDue, false);
        });
        it("withSchedule: the previous key's id while it is active; a note is kept", () => {
            const prev = { accessKeyId: "K0", rotationStartedAt: iso(T0), isActive: true };
            assert.equal(withSchedule({ ...key, previousKey: prev }, T0).previousAccessKeyId, "K0");
            assert.equal(
                withSchedule({ ...key, previousKey: { ...prev, isActive: false } }, T0)
                    .previousAccessKeyId,
                "",
            );
            assert.equal(withSchedule({ ...key, rotationNote: "n" }, T0).rotationNote, "n");
        });

        it("accessKeyOutputs: the created key, its secret, the rotation it was made for", () => {
            const s = { endpoint, employeeId: "u-1", active: true, rotation: "r9" };
            const live = { accessKeyId: "K9", userId: "u-1", isActive: true, createdDate: iso(T0) };
            assert.deepEqual(accessKeyOutputs(s, live, "SECRET", T0 + DAY), {
                ...s,
                accessKeyId: "K9",
                secret: "SECRET",
                isActive: true,
                createdDate: iso(T0),
                keyRotation: "r9",
                keyAgeDays: 1,
                nextRotationDate: "",
                rotationDue: false,
                previousAccessKeyId: "",
                rotationNote: "",
            });
            const noDate = accessKeyOutputs(
                s,
                { accessKeyId: "K9", userId: "u-1", isActive: false, lastUsedDate: iso(T0) },
                "SECRET",
                T0 + 5,
            );
            assert.equal(noDate.createdDate, iso(T0 + 5), "CXone gave none: now");
            assert.equal(noDate.lastUsedDate, iso(T0));
            assert.equal(noDate.isActive, false);
        });

        it("previousFromLive: what CXone says now; gone means inactive", () => {
            const p = { accessKeyId: "K0", rotationStartedAt: iso(T0), isActive: true };
            assert.deepEqual(previousFromLive(p, undefined), { ...p, isActive: false });
            assert.deepEqual(
                previousFromLive(
                    { ...p, lastUsedDate: "stale" },
                    { accessKeyId: "K0", userId: "u", isActive: true, lastUsedDate: iso(T0) },
                ),
                { ...p, isActive: true, lastUsedDate: iso(T0) },
            );
            assert.deepEqual(
                previousFromLive(p, { accessKeyId: "K0", userId: "u", isActive: false }),
                { ...p, isActive: false },
            );
        });
    });

    describe("read()", () => {
        const old: AccessKeyOutputs = {
            ...key,
            rotateAfterDays: 30,
            maxOverlapDays: 2,
            lastUsedDate: iso(T0),
            rotationNote: "revoked without evidence",
        };
        it("maps the live key; the secret, active input and rotation come from state", () => {
            const r = accessKeyFromLive(
                old,
                {
                    accessKeyId: "K1",
                    userId: "u-1",
                    isActive: false,
                    lastUsedDate: iso(T0 + DAY),
                    createdDate: iso(T0 - DAY),
                },
                undefined,
                T0 + 2 * DAY,
            );
            const inputs = {
                endpoint,
                employeeId: "u-1",
                active: false,
                rotation: "r1",
                rotateAfterDays: 30,
                maxOverlapDays: 2,
            };
            assert.deepEqual(r.inputs, inputs);
            assert.deepEqual(r.props, {
                ...old,
                active: true,
                isActive: false,
                lastUsedDate: iso(T0 + DAY),
                createdDate: iso(T0 - DAY),
                keyAgeDays: 3,
                nextRotationDate: iso(T0 + 29 * DAY),
                rotationDue: false,
                previousAccessKeyId: "",
                rotationNote: "",
            });
            assert.ok(!JSON.stringify(r.inputs).includes("S3CRET-VALUE"));
        });
        it("absent options stay absent; a missing user id or date keeps the state's", () => {
            const bare: AccessKeyOutputs = {
                endpoint,
                employeeId: "u-1",
                active: true,
                accessKeyId: "K1",
                secret: "s",
                isActive: true,
                createdDate: iso(T0),
                rotation: "r0",
            };
            const r = accessKeyFromLive(
                bare,
                { accessKeyId: "K1", userId: "", isActive: true },
                undefined,
                T0,
            );
            assert.deepEqual(r.inputs, {
                endpoint,
                employeeId: "u-1",
                active: true,
                rotation: "r0",
            });
            assert.equal(r.props.createdDate, iso(T0));
            assert.equal(r.props.keyRotation, "r0", "made for the last rotation input");
            assert.ok(!("lastUsedDate" in r.props));
            const none = accessKeyFromLive(
                { ...bare, rotation: undefined },
                { accessKeyId: "K1", userId: "u-2", isActive: true },
                undefined,
                T0,
            );
            assert.deepEqual(none.inputs, { endpoint, employeeId: "u-2", active: true });
        });
        it("during a rotation the previous key is refreshed from its own read", () => {
            const previousKey = { accessKeyId: "K0", rotationStartedAt: iso(T0), isActive: true };
            const live = { accessKeyId: "K1", userId: "u-1", isActive: true };
            const on = accessKeyFromLive(
                { ...old, previousKey },
                live,
                { accessKeyId: "K0", userId: "u-1", isActive: true, lastUsedDate: iso(T0 + 9) },
                T0,
            );
            assert.deepEqual(on.props.previousKey, { ...previousKey, lastUsedDate: iso(T0 + 9) });
            assert.equal(on.props.previousAccessKeyId, "K0");
            const gone = accessKeyFromLive({ ...old, previousKey }, live, undefined, T0);
            assert.deepEqual(gone.props.previousKey, { ...previousKey, isActive: false });
            assert.equal(gone.props.previousAccessKeyId, "");
            assert.ok(!("previousKey" in accessKeyFromLive(old, live, undefined, T0).props));
        });
    });
});
