// AppUserSchemaProperties' implementation, loaded at call time by the serialized forwarder.
import type * as pulumi from "@pulumi/pulumi";
import {
    diffManaged,
    declaredFields,
    managedLive,
    nextPrevious,
    partialUpdate,
    type Prior,
    type SchemaProperty,
} from "./attributeMappingsLogic";
import { oktaProfileApi, type AppUserSchema, type AppUserSchemaProperty } from "./profileClient";
import { check as checkInput, CheckFailure, httpsUrl, isUnknown, requiredString } from "../checks";

interface Inputs {
    orgUrl: string;
    appId: string;
    properties: Record<string, SchemaProperty>;
}
interface Outputs extends Inputs {
    /** What Okta held at each name before we wrote it (restored on removal and destroy). */
    previous: Record<string, Prior<AppUserSchemaProperty>>;
}

const NAME = /^[A-Za-z][A-Za-z0-9_]{0,99}$/;

export async function check(_olds: Inputs, news: Inputs): Promise<pulumi.dynamic.CheckResult> {
    const f: CheckFailure[] = [];
    const n: Record<string, unknown> = { ...news };
    checkInput(f, "orgUrl", n.orgUrl, httpsUrl({ base: true }));
    checkInput(f, "appId", n.appId, requiredString());
    const props = news.properties as unknown;
    if (!isUnknown(props)) {
        if (!props || typeof props !== "object" || Array.isArray(props)) {
            f.push({
                property: "properties",
                reason: "properties must be an object of property name -> definition",
            });
        } else {
            for (const [name, p] of Object.entries(props as Record<string, unknown>)) {
                if (!NAME.test(name))
                    f.push({
                        property: "properties",
                        reason: `properties: "${name}" is not a valid Okta property name`,
                    });
                if (isUnknown(p)) continue;
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
            }
        }
    }
    return f.length ? { failures: f } : { inputs: news };
}

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
    const taken = Object.keys(i.properties).filter((k) =>
        Object.hasOwn(schema.definitions.base.properties, k),
    );
    if (taken.length)
        throw new Error(`app ${i.appId}: ${taken.join(", ")} already in the base user schema`);
    const previous = nextPrevious(
        recorded,
        Object.keys(i.properties),
        schema.definitions.custom.properties,
    );
    const desired = Object.fromEntries(Object.entries(i.properties).map(([k, p]) => [k, body(p)]));
    await oktaProfileApi.updateAppUserSchema(i.orgUrl, i.appId, partialUpdate(desired, recorded));
    return { ...i, previous };
}

export async function create(i: Inputs): Promise<pulumi.dynamic.CreateResult> {
    return { id: `${i.appId}/schema`, outs: await apply(i, {}) };
}

export async function read(id: string, props: Outputs): Promise<pulumi.dynamic.ReadResult> {
    const schema = await oktaProfileApi.getAppUserSchema(props.orgUrl, props.appId);
    if (!schema) return { id: "" };
    const live = Object.fromEntries(
        Object.entries(schema.definitions.custom.properties).map(([k, p]) => [
            k,
            declaredFields(p),
        ]),
    );
    const properties = managedLive(live, Object.keys(props.properties));
    const { previous: _p, ...inputs } = props;
    return { id, props: { ...props, properties }, inputs: { ...inputs, properties } };
}

export async function diff(
    _id: string,
    olds: Outputs,
    news: Inputs,
): Promise<pulumi.dynamic.DiffResult> {
    return diffManaged(olds, news);
}

export async function update(
    _id: string,
    olds: Outputs,
    news: Inputs,
): Promise<pulumi.dynamic.UpdateResult> {
    return { outs: await apply(news, olds.previous ?? {}) };
}

export async function destroy(_id: string, props: Outputs): Promise<void> {
    if (!(await oktaProfileApi.getAppUserSchema(props.orgUrl, props.appId))) return; // the app is gone
    await oktaProfileApi.updateAppUserSchema(
        props.orgUrl,
        props.appId,
        partialUpdate({}, props.previous ?? {}),
    );
}
export { destroy as delete };
