// The ScimIntegration component with the given (possibly invalid) arguments.
import { ScimIntegration, ScimIntegrationArgs } from "../../provider/integration/index";
import { params } from "./params";

new ScimIntegration("bad", params<{ args: ScimIntegrationArgs }>().args);
