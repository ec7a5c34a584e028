// Entry point for the Pulumi CLI (Pulumi.yaml `main`): `pulumi up` at the repository root.
import { integrationProgram } from "./index";

export = integrationProgram();
