// Several ScimIntegration components in one program, each with the given (possibly colliding or
// invalid) arguments (test/preflight/gate.engine.test.ts).
import { ScimIntegration, ScimIntegrationArgs } from "../../provider/integration/index";
import { params } from "./params";

for (const [name, args] of Object.entries(params<Record<string, ScimIntegrationArgs>>()))
    new ScimIntegration(name, args);
