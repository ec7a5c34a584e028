// AppUserSchemaProperties' implementation, loaded at call time by the serialized forwarder.
// A declared property that Okta's live base set already has is mapped onto, never written:
// Okta refuses a custom property named like a base one, and its base set differs between apps
// (a SCIM app's is larger than the four fields of NICE's procedure [doc]).
import { defineProvider, type ReadResult } from "../framework/defineProvider";
import { readResult } from "../framework/forwarder";
import {
    diffManaged,
    declaredFields,
    managedLive,
    nextPrevious,
    partialUpdate,
    type Prior,
    type SchemaProperty,
} from "./attributeMappingsLogic";
import { oktaProfileApi, restoreUnlessAppGone } from "./profileClient";
import type { AppUserSchema, AppUserSchemaProperty } from "./profileClient";
import { Checked, isUnknown, Unchecked } from "../framework/checks";
import { checkMappingInputs, type MappingInputs } from "./mappingChecks";

type Inputs = MappingInputs<SchemaProperty>;
type Outputs = Inputs & {
    /** What Okta held at each name before we wrote it (restored on removal and destroy). */
    previous: Record<string, Prior<AppUserSchemaProperty>>;
    /** Declared names Okta's base set already has: mapped onto, never written or removed. */
    onBase?: string[];
};

const NAME = /^[A-Za-z][A-Za-z0-9_]{0,99}$/;

const checkSchemaProperties = (news: Unchecked<Inputs>): Checked<Inputs> =>
    checkMappingInputs(news, "property name -> definition", (name, p, f) => {
        if (!NAME.test(name))
            f.push({
                property: "properties",
                reason: `properties: "${name}" is not a valid Okta property name`,
            });
        if (isUnknown(p)) return;
        const d = (p ?? {}) as Record<string, unknown>;
        for (const k of ["title", "externalName", "externalNamespace"]) {
            if (!isUnknown(d[k]) && (typeof d[k] !== "string" || d[k] === "")) {
                f.push({
                    property: "properties",
                    reason: `properties["${name}"].${k} must be a non-empty string`,
                });
            }
        }
        if (d.type !== "string" && !isUnknown(d.type))
            f.push({
                property: "properties",
                reason: `properties["${name}"].type must be "string"`,
            });
    });

/** Whether Okta's base set of this app has the property (then it is mapped onto, not added). */
const inBase = (s: AppUserSchema, name: string) =>
    Object.hasOwn(s.definitions.base?.properties ?? {}, name);

async function liveSchema(i: Inputs): Promise<AppUserSchema> {
    const s = await oktaProfileApi.getAppUserSchema(i.orgUrl, i.appId);
    if (!s) throw new Error(`Okta has no user schema for app ${i.appId} (is the app deleted?)`);
    return s;
}

/** The full body of a property we declare. */
const body = (p: SchemaProperty): AppUserSchemaProperty => ({
    ...p,
    scope: "NONE",
    master: { type: "PROFILE_MASTER" },
});

async function apply(
    i: Inputs,
    recorded: Record<string, Prior<AppUserSchemaProperty>>,
): Promise<Outputs> {
    const schema = await liveSchema(i);
    const onBase = Object.keys(i.properties).filter((k) => inBase(schema, k));
    const custom = Object.keys(i.properties).filter((k) => !onBase.includes(k));
    const previous = nextPrevious(recorded, custom, schema.definitions.custom.properties);
    const desired = Object.fromEntries(custom.map((k) => [k, body(i.properties[k])]));
    // a base property is never sent, not even to restore it
    const restore = Object.fromEntries(
        Object.entries(recorded).filter(([k]) => !inBase(schema, k)),
    );
    const update = partialUpdate(desired, restore);
    // nothing of ours to write (every declared property is Okta's own): no call at all
    if (Object.keys(update).length)
        await oktaProfileApi.updateAppUserSchema(i.orgUrl, i.appId, update);
    return { ...i, previous, onBase };
}

async function create(i: Inputs): Promise<{ id: string; outs: Outputs }> {
    return { id: `${i.appId}/schema`, outs: await apply(i, {}) };
}

async function read(id: string, props: Outputs): Promise<ReadResult<Outputs>> {
    const schema = await oktaProfileApi.getAppUserSchema(props.orgUrl, props.appId);
    if (!schema) return { id: "" };
    const live: Record<string, SchemaProperty> = Object.fromEntries(
        Object.entries(schema.definitions.custom.properties).map(([k, p]) => [
            k,
            declaredFields(p),
        ]),
    );
    // a declared property on the base is there as declared: Okta's, not ours to compare
    const onBase = Object.keys(props.properties).filter((k) => inBase(schema, k));
    for (const k of onBase) live[k] = props.properties[k];
    const properties = managedLive(live, Object.keys(props.properties));
    const { previous: _p, onBase: _b, ...inputs } = props;
    return readResult(id, { ...props, properties, onBase }, { ...inputs, properties });
}

async function update(_id: string, olds: Outputs, news: Inputs): Promise<{ outs: Outputs }> {
    return { outs: await apply(news, olds.previous ?? {}) };
}

async function destroy(_id: string, props: Outputs): Promise<void> {
    const restore = partialUpdate({}, props.previous ?? {});
    if (!Object.keys(restore).length) return; // nothing of ours was written
    await restoreUnlessAppGone(() =>
        oktaProfileApi.updateAppUserSchema(props.orgUrl, props.appId, restore),
    );
}
export = defineProvider<Inputs, Outputs>({
    noun: "app user schema",
    check: checkSchemaProperties,
    diff: diffManaged,
    create,
    read,
    update,
    delete: destroy,
});
