// A bench program's parameters: the bench sets them as stack config (`bench:params`, JSON), so the
// program runs in its own process under the CLI and is still told what to declare.
import * as pulumi from "@pulumi/pulumi";
import type { ShapeNode } from "./graphShape";

export const paramsKey = "bench:params";

export function params<T>(): T {
    return new pulumi.Config("bench").requireObject<T>("params");
}

// Each program's parameters (an entry file cannot export types next to its `export =`).

/** scaleProgram.ts */
export interface ScaleParams {
    cxoneUrl: string;
    tenantId: string;
    count: number;
    /** unique per stack and run: CXone never reuses role names */
    tag: string;
}

/** floorProgram.ts: the real stack's graph (bench/graphShape.ts) */
export interface FloorParams {
    nodes: ShapeNode[];
}

/** scaleFloorProgram.ts */
export interface ScaleFloorParams {
    count: number;
    /** the paced floor: each resource first waits for its calls' slots at `perSecond` */
    pace?: { perSecond: number; role: number; employee: number; key: number };
}

/** oktaScaleProgram.ts */
export interface OktaScaleParams {
    orgUrl: string;
    appId: string;
    groupIds: string[];
}

/** oktaScaleFloorProgram.ts */
export interface OktaScaleFloorParams {
    count: number;
}
