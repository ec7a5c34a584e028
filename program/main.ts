// Entry point for the Pulumi CLI (Pulumi.yaml `main`): `pulumi up` at the repository root.
import { integrationProgram } from "./index";

const outputs = integrationProgram();
// The SDK's runner awaits this promise and reports its error once; marking it handled here keeps
// Node from also warning that a rejection "was handled asynchronously".
outputs.catch(() => undefined);
export = outputs;
